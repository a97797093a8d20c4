import BestandNative
import Foundation
import Testing

@testable import Bestand

@Suite struct FileDigestTests {
    @Test func digestOfAFileIsTheSHA256OfItsBytes() throws {
        let folder = TemporaryFolder()
        // Over one read chunk (4 MiB), with a partial block at the end.
        let bytes = (0..<(4 << 20) + 1_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        let path = folder.write("data.csv", bytes: bytes)
        var hasher = SHA256(usingExtensions: false)
        bytes.withUnsafeBytes { hasher.update($0) }
        #expect(try FileDigest(path: path, displayPath: "data.csv").wait() == hasher.hexDigest)
    }

    @Test func missingFileFailsWhenWaitedFor() {
        let folder = TemporaryFolder()
        let digest = FileDigest(path: folder.path + "/missing.csv", displayPath: "missing.csv")
        let error = #expect(throws: BestandError.self) { try digest.wait() }
        #expect(error?.code == .inputFile)
        #expect(error?.location == SourceLocation(path: "missing.csv"))
    }

    #if os(Linux)
        /// The nice value of the calling thread, from /proc (field 19 of its stat line).
        private static func niceOfThisThread() -> Int? {
            guard let stat = try? String(contentsOfFile: "/proc/thread-self/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            // After the command come the state (field 3) and the others: nice is field 19.
            return fields.count > 16 ? Int(fields[16]) : nil
        }

        @Test func loweredPriorityIsTheCallingThreadsOnly() throws {
            let before = try #require(Self.niceOfThisThread())
            final class Seen: @unchecked Sendable {
                var before: Int?
                var after: Int?
            }
            let seen = Seen()
            let done = DispatchSemaphore(value: 0)
            Thread {
                seen.before = Self.niceOfThisThread()
                bestand_lower_thread_priority(3)
                seen.after = Self.niceOfThisThread()
                done.signal()
            }.start()
            done.wait()
            let threadBefore = try #require(seen.before)
            // Room for the whole step: a thread already near 19 could not show it.
            try #require(threadBefore <= 16)
            #expect(seen.after == threadBefore + 3)
            #expect(Self.niceOfThisThread() == before)
        }
    #endif
}
