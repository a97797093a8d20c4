#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file opened for sequential reading in large chunks through the POSIX API.
package final class FileBytes {
    package let path: String
    private let descriptor: Int32

    /// Opens `path` for reading; `displayPath` is the name used in messages.
    package init(path: String, displayPath: String) throws(BestandError) {
        self.path = displayPath
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw BestandError(.inputFile, "cannot read input file: \(FileBytes.lastError())", location: SourceLocation(path: displayPath))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw BestandError(.inputFile, "input path is a folder, not a file", location: SourceLocation(path: displayPath))
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw BestandError(.inputFile, "cannot open input file: \(FileBytes.lastError())", location: SourceLocation(path: displayPath))
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Reads up to `count` bytes into `destination`; returns 0 at end of file.
    package func read(into destination: UnsafeMutableRawPointer, count: Int) throws(BestandError) -> Int {
        while true {
            let result = readBytes(descriptor, destination, count)
            if result >= 0 { return result }
            if errno == EINTR { continue }
            throw BestandError(.inputFile, "cannot read input file: \(FileBytes.lastError())", location: SourceLocation(path: path))
        }
    }

    /// The size of the file at `path` in bytes; 0 when it cannot be read.
    package static func size(of path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    package static func lastError() -> String {
        String(cString: strerror(errno))
    }
}

@inline(__always)
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.read(fd, buffer, count)
    #else
        return Darwin.read(fd, buffer, count)
    #endif
}
