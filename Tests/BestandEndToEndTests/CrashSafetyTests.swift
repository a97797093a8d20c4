import Foundation
import Testing

/// A run killed at any moment leaves the previous output folder complete and untouched.
@Suite(.serialized) struct CrashSafetyTests {
    /// Every output file's text except run.json's wall times, by name.
    static func snapshot(_ folder: String) -> [String: String] {
        var result: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            let text = FileManager.default.contents(atPath: folder + "/" + name).map { String(decoding: $0, as: UTF8.self) } ?? ""
            result[name] = text.split(separator: "\n", omittingEmptySubsequences: false).filter {
                !$0.contains("\"seconds\"") && !$0.contains("\"peak_memory_mib\"")
            }
            .joined(separator: "\n")
        }
        return result
    }

    @Test func killedRunsLeaveThePreviousOutputsWhole() throws {
        let folder = TemporaryFolder()
        try Bestand.run(["generate", "--customers", "4000", "--seed", "5", "--out", folder.path + "/data"])
        let out = folder.path + "/data/out"
        let first = try Bestand.run(["run", "data/pipeline.json", "--out", out, "--quiet"], in: folder.path)
        #expect(first.status == 0)
        let reference = Self.snapshot(out)
        #expect(reference.count == 11)

        // Kill runs at increasing moments: during ingest, the stages and the writing of outputs.
        for delay in [0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Bestand.executable)
            process.arguments = ["run", "data/pipeline.json", "--out", out, "--quiet"]
            process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Whatever the moment, the target holds one complete set of outputs, identical to a full run's.
            let after = Self.snapshot(out)
            #expect(after.keys.sorted() == reference.keys.sorted(), "killed after \(delay) s")
            #expect(after == reference ? true : false, "killed after \(delay) s: outputs differ from a complete run's")
        }

        // The next run cleans up every leftover temporary folder.
        let last = try Bestand.run(["run", "data/pipeline.json", "--out", out, "--quiet"], in: folder.path)
        #expect(last.status == 0)
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/data")
        #expect(!entries.contains { $0.hasPrefix(".out.") }, "\(entries)")
        #expect(Self.snapshot(out) == reference ? true : false)
    }
}
