import Foundation

@testable import Bestand

/// A fresh folder under the system's temporary folder, removed when the value is dropped.
final class TemporaryFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "bestand-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes raw bytes to `name` in the folder and returns the full path.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let full = path + "/" + name
        try? FileManager.default.createDirectory(atPath: FilePath.folder(of: full), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
        return full
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        write(name, bytes: Array(text.utf8))
    }

    func read(_ name: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path + "/" + name) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Reads every record of a file as trimmed-free field strings, with the start line of each.
func readRecords(
    _ path: String, delimiter: UInt8? = nil, encoding: TextEncoding = .utf8, chunkSize: Int = 1 << 20
) throws -> (delimiter: UInt8, records: [(line: Int, fields: [String], unterminated: Bool)]) {
    let reader = try CSVReader(
        file: FileBytes(path: path, displayPath: path), delimiter: delimiter, encoding: encoding, chunkSize: chunkSize)
    var records: [(line: Int, fields: [String], unterminated: Bool)] = []
    while try reader.next() {
        records.append(
            (reader.recordLine, (0..<reader.fieldCount).map { Text.string(reader.field($0)) }, reader.recordHasUnterminatedQuote))
    }
    return (reader.delimiter, records)
}

/// A pipeline over sources in `folder`, with default settings unless changed.
func makePipeline(
    folder: String, sources: [SourceConfig], asOf: String = "2025-06-30", settings: Settings = Settings()
) -> Pipeline {
    Pipeline(
        name: "test", path: folder + "/test.json", folder: folder, asOf: Day.parseISO(asOf),
        timeZone: TimeZone(identifier: "Europe/Berlin")!, timeZoneName: "Europe/Berlin", currency: "EUR",
        language: .en, output: nil, stages: StageName.allCases, sources: sources, settings: settings)
}

func source(
    _ name: String, _ entity: Entity, _ path: String, idSpace: String? = nil, columns: [String: String] = [:],
    delimiter: UInt8? = nil, encoding: TextEncoding? = nil, decimal: UInt8? = nil
) -> SourceConfig {
    SourceConfig(
        name: name, entity: entity, path: path, idSpace: idSpace ?? name, columns: columns, delimiter: delimiter,
        encoding: encoding, decimalSeparator: decimal)
}

/// Runs ingest over a pipeline.
func ingest(_ pipeline: Pipeline) throws(BestandError) -> Dataset {
    try Ingest(pipeline: pipeline, asOf: pipeline.asOf!).run(pipeline.sources)
}
