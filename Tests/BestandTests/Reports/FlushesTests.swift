import Foundation
import Testing

@testable import Bestand

@Suite struct FlushesTests {
    /// Files flushed side by side keep what was written to them; a write that failed (a full
    /// device) is thrown by `wait`, that of the file started first when several failed.
    @Test func flushesKeepTheBytesAndThrowTheFirstFailure() throws {
        let folder = NSTemporaryDirectory() + "bestand-flushes-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let flushes = Flushes()
        for index in 0..<3 {
            let file = try OutputFile(path: folder + "/\(index).csv")
            file.write(Array("file \(index)\n".utf8))
            flushes.start(file)
        }
        try flushes.wait()
        for index in 0..<3 {
            #expect(try String(contentsOfFile: folder + "/\(index).csv", encoding: .utf8) == "file \(index)\n")
        }

        guard FileManager.default.isWritableFile(atPath: "/dev/full") else { return }
        let failing = Flushes()
        let good = try OutputFile(path: folder + "/good.csv")
        good.write([0x41])
        failing.start(good)
        for _ in 0..<2 {
            let full = try OutputFile(path: "/dev/full")
            full.write([UInt8](repeating: 0x41, count: 1 << 16))
            failing.start(full)
        }
        let error = #expect(throws: BestandError.self) { try failing.wait() }
        #expect(error?.location?.path == "/dev/full")
        #expect(try String(contentsOfFile: folder + "/good.csv", encoding: .utf8) == "A")
    }
}
