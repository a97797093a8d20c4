import BestandNative
import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one full read of an input file tells before it is parsed: its size and encoding.
package struct FileScan: Sendable {
    package var bytes: Int
    /// Byte offset of the first byte that is not valid UTF-8, if any.
    package var firstInvalidUTF8: Int?
    /// Byte offset of the first NUL byte, if any (a sign of a binary file).
    package var firstNul: Int?

    /// Reads the whole file once in 4 MiB chunks. O(file size), constant memory.
    package static func scan(_ file: FileBytes) throws(BestandError) -> FileScan {
        let chunkSize = 4 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize + 4, alignment: 16)
        defer { buffer.deallocate() }
        var validator = UTF8Validator()
        var total = 0
        var firstNul: Int?
        while true {
            let count = try file.read(into: buffer.baseAddress!, count: chunkSize)
            if count == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            let bytes = chunk.bindMemory(to: UInt8.self)
            // memchr reads many bytes an instruction; a loop over the buffer reads one.
            if firstNul == nil, let found = memchr(chunk.baseAddress!, 0, count) {
                firstNul = total + UnsafeRawPointer(chunk.baseAddress!).distance(to: UnsafeRawPointer(found))
            }
            validator.feed(bytes, offset: total)
            total += count
        }
        validator.finish(offset: total)
        return FileScan(
            bytes: total, firstInvalidUTF8: validator.firstInvalid,
            firstNul: firstNul)
    }
}

/// The SHA-256 of a file, computed on another thread while the caller parses the file.
///
/// The digest is needed only once the file is parsed, and hashing is several times faster
/// than parsing: its thread runs at a lower priority, so that on a busy machine the threads
/// that parse and look up rows (the run's critical path) get the cores first and the hash
/// takes the time they leave.
package final class FileDigest: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Result<String, BestandError> = .success("")

    /// Starts hashing `path` in the background.
    package init(path: String, displayPath: String) {
        group.enter()
        Thread { [self] in
            bestand_lower_thread_priority(10)
            result = Result { () throws(BestandError) -> String in
                let file = try FileBytes(path: path, displayPath: displayPath)
                let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 4 << 20, alignment: 16)
                defer { chunk.deallocate() }
                var hasher = SHA256()
                while true {
                    let count = try file.read(into: chunk.baseAddress!, count: chunk.count)
                    if count == 0 { break }
                    hasher.update(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
                }
                return hasher.hexDigest
            }
            group.leave()
        }.start()
    }

    /// Waits for the digest (lowercase hex).
    package func wait() throws(BestandError) -> String {
        group.wait()
        return try result.get()
    }
}

/// A streaming UTF-8 validator that remembers the offset of the first invalid byte.
struct UTF8Validator {
    private(set) var firstInvalid: Int?
    /// Continuation bytes still expected, and the allowed range of the next one.
    private var pending = 0
    private var nextLow: UInt8 = 0x80
    private var nextHigh: UInt8 = 0xBF
    private var sequenceStart = 0

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int) {
        guard firstInvalid == nil else { return }
        var i = 0
        let n = bytes.count
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        while i < n {
            if pending == 0 {
                // Fast path: 32 ASCII bytes at a time, then eight.
                while i + 32 <= n {
                    let word =
                        raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                        | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
                        | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    i += 32
                }
                while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                }
                guard i < n else { break }
                let byte = bytes[i]
                sequenceStart = offset + i
                switch byte {
                case 0x00...0x7F: break
                case 0xC2...0xDF: pending = 1; nextLow = 0x80; nextHigh = 0xBF
                case 0xE0: pending = 2; nextLow = 0xA0; nextHigh = 0xBF
                case 0xE1...0xEC, 0xEE, 0xEF: pending = 2; nextLow = 0x80; nextHigh = 0xBF
                case 0xED: pending = 2; nextLow = 0x80; nextHigh = 0x9F
                case 0xF0: pending = 3; nextLow = 0x90; nextHigh = 0xBF
                case 0xF1...0xF3: pending = 3; nextLow = 0x80; nextHigh = 0xBF
                case 0xF4: pending = 3; nextLow = 0x80; nextHigh = 0x8F
                default:
                    firstInvalid = offset + i
                    return
                }
            } else {
                let byte = bytes[i]
                guard byte >= nextLow, byte <= nextHigh else {
                    firstInvalid = sequenceStart
                    return
                }
                pending -= 1
                nextLow = 0x80
                nextHigh = 0xBF
            }
            i += 1
        }
    }

    /// Marks a sequence cut off by the end of the input as invalid.
    mutating func finish(offset: Int) {
        if firstInvalid == nil, pending > 0 { firstInvalid = sequenceStart }
    }
}
