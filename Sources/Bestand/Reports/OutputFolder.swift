import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a run's outputs into a temporary folder beside the target and swaps it into place
/// only when every file is complete, so a failed or killed run never leaves a partial folder.
///
/// Layout: target `out/demo` is written as `out/.demo.tmp-<pid>`; on commit the old folder is
/// moved to `out/.demo.old-<pid>`, the new one renamed to `out/demo`, the old one removed.
/// Leftovers of killed runs (`.demo.tmp-*`, `.demo.old-*` of processes no longer alive) are
/// removed when the next run begins; an `.old` folder is moved back if the target is missing.
package final class OutputFolder {
    package let target: String
    package let temporary: String
    private let parent: String
    private let baseName: String
    private let processId: Int32
    package private(set) var written: [String] = []

    /// Prepares the temporary folder (creating parents of the target as needed).
    package init(target: String, processId: Int32) throws(BestandError) {
        let target = FilePath.normalize(target)
        self.target = target
        self.processId = processId
        parent = FilePath.folder(of: target).isEmpty ? "." : FilePath.folder(of: target)
        baseName = String(target.split(separator: "/").last ?? Substring(target))
        temporary = parent + "/." + baseName + ".tmp-\(processId)"
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw BestandError(
                .output, "cannot create the output folder's parent", location: SourceLocation(path: parent),
                underlying: "\(error.localizedDescription)")
        }
        recoverLeftovers()
        try? manager.removeItem(atPath: temporary)
        do {
            try manager.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        } catch {
            throw BestandError(
                .output, "cannot create a temporary output folder — is the folder writable?", location: SourceLocation(path: temporary),
                underlying: error.localizedDescription)
        }
    }

    /// Removes temporary folders of runs that are no longer alive, and restores a target
    /// that a killed run had moved aside.
    private func recoverLeftovers() {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: parent) else { return }
        for name in names.sorted() {
            for marker in [".tmp-", ".old-"] {
                let prefix = "." + baseName + marker
                guard name.hasPrefix(prefix), let pid = Int32(name.dropFirst(prefix.count)) else { continue }
                if pid != processId && kill(pid, 0) == 0 { continue }  // another live run
                let path = parent + "/" + name
                if marker == ".old-" && !manager.fileExists(atPath: target) {
                    try? manager.moveItem(atPath: path, toPath: target)
                } else {
                    try? manager.removeItem(atPath: path)
                }
            }
        }
    }

    /// Writes one file into the temporary folder and flushes it to disk.
    package func write(_ name: String, _ bytes: [UInt8]) throws(BestandError) {
        let file = try create(name)
        file.write(bytes)
        try file.finish()
    }

    /// Creates a file in the temporary folder to be written piece by piece (and finished).
    package func create(_ name: String) throws(BestandError) -> OutputFile {
        let file = try OutputFile(path: temporary + "/" + name)
        written.append(name)
        return file
    }

    package func write(_ name: String, _ text: String) throws(BestandError) {
        try write(name, Array(text.utf8))
    }

    /// Swaps the complete temporary folder into place.
    ///
    /// Where the system can exchange two paths atomically (Linux `renameat2` with
    /// `RENAME_EXCHANGE`), the previous folder stays in place until the very instant the new one
    /// replaces it, so a kill at any moment leaves one complete folder at the target. Elsewhere
    /// the previous folder is moved aside first, and the next run moves it back if it was killed
    /// in between.
    package func commit() throws(BestandError) {
        let manager = FileManager.default
        let hadTarget = manager.fileExists(atPath: target)
        if hadTarget, let exchange = Self.exchange, exchange(AT_FDCWD, temporary, AT_FDCWD, target, 2) == 0 {
            // The temporary path now holds the previous outputs.
            try? manager.removeItem(atPath: temporary)
            return
        }
        let old = parent + "/." + baseName + ".old-\(processId)"
        if hadTarget {
            guard rename(target, old) == 0 else {
                throw BestandError(
                    .output, "cannot replace the previous output folder: \(FileBytes.lastError())", location: SourceLocation(path: target))
            }
        }
        guard rename(temporary, target) == 0 else {
            let reason = FileBytes.lastError()
            if hadTarget { _ = rename(old, target) }
            throw BestandError(.output, "cannot move the new outputs into place: \(reason)", location: SourceLocation(path: target))
        }
        if hadTarget { try? manager.removeItem(atPath: old) }
    }

    /// `renameat2(2)`, looked up at run time (the C library may not declare it), or nil.
    private static let exchange: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32)? = {
        #if os(Linux)
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
            return unsafeBitCast(
                symbol, to: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32).self)
        #else
            return nil
        #endif
    }()

    /// Removes the temporary folder after a failure.
    package func discard() {
        try? FileManager.default.removeItem(atPath: temporary)
    }
}

/// An output file written in pieces, possibly from another thread than the one that created
/// it. The first write error is kept and thrown by `finish`, which also flushes the file to disk.
package final class OutputFile: @unchecked Sendable {
    let path: String
    private let descriptor: Int32
    private var failure: BestandError?

    init(path: String) throws(BestandError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BestandError(.output, "cannot write output file: \(FileBytes.lastError())", location: SourceLocation(path: path))
        }
    }

    deinit { close(descriptor) }

    /// Appends `bytes`; after a failure, does nothing.
    func write(_ bytes: [UInt8]) {
        guard failure == nil else { return }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                failure = BestandError(
                    .output, "cannot write output file: \(FileBytes.lastError())", location: SourceLocation(path: path))
                return
            }
            offset += count
        }
    }

    /// Flushes the file to disk; throws the first error of any write.
    func finish() throws(BestandError) {
        if let failure { throw failure }
        guard fsync(descriptor) == 0 else {
            throw BestandError(.output, "cannot flush output file: \(FileBytes.lastError())", location: SourceLocation(path: path))
        }
    }
}

/// Output files flushed to disk side by side, each on a thread of its own (a flush waits on the
/// disk, not on a core), while later files are written.
package final class Flushes: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var failures: [(order: Int, error: BestandError)] = []
    private var started = 0

    package init() {}

    /// Finishes `file` (its first write error, then its flush) on a thread of its own.
    package func start(_ file: OutputFile) {
        let order = started
        started += 1
        group.enter()
        Thread { [self] in
            do throws(BestandError) {
                try file.finish()
            } catch {
                lock.withLock { failures.append((order, error)) }
            }
            group.leave()
        }.start()
    }

    /// Waits for every flush; throws the failure of the file started first among those that failed.
    package func wait() throws(BestandError) {
        group.wait()
        if let first = lock.withLock({ failures.min { $0.order < $1.order } }) { throw first.error }
    }
}
