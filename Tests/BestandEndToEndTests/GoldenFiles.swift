import Foundation
import Testing

/// Compares outputs with committed golden files.
///
/// `RECORD_GOLDEN=1 make test` rewrites the golden files from the current outputs and fails
/// the test, so a recording is never mistaken for a pass.
enum GoldenFiles {
    static let folder = Bestand.packageRoot + "/Tests/BestandEndToEndTests/Golden"

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    static func check(_ actual: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = folder + "/" + name
        if recording {
            try? FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data(actual.utf8))
            Issue.record("recorded golden file \(name); rerun without RECORD_GOLDEN", sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("golden file \(name) is missing; record it with RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first =
                zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expectedLines.count, actualLines.count)
            let wanted = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
            let got = first < actualLines.count ? String(actualLines[first]) : "<end>"
            Issue.record(
                "\(name) differs from its golden file at line \(first + 1):\n  expected: \(wanted)\n  actual:   \(got)",
                sourceLocation: sourceLocation)
        }
    }
}
