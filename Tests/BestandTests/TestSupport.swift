import Foundation

@testable import Bestand

/// A fresh folder under the system's temporary folder, removed when the value is dropped.
final class TemporaryFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "bestand-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
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

/// Runs ingest, deduplicate, enrich and score over small CSV texts in a temporary folder.
///
/// Orders, interactions, contacts and responses all use the id space `t`, so master ids read
/// `t:<customer_id>`.
func analyze(
    orders: String, interactions: String? = nil, contacts: String? = nil, responses: String? = nil,
    customers: String? = nil, asOf: String = "2025-06-30", settings: Settings = Settings()
) throws -> Analysis {
    let folder = TemporaryFolder()
    var sources = [
        source("orders", .orders, folder.write("orders.csv", "order_id,customer_id,order_date,amount,status\n" + orders), idSpace: "t")
    ]
    if let customers {
        sources.append(source("customers", .customers, folder.write("k.csv", "customer_id,name,email\n" + customers), idSpace: "t"))
    }
    if let interactions {
        sources.append(source("interactions", .interactions, folder.write("i.csv", "customer_id,date,type\n" + interactions), idSpace: "t"))
    }
    if let contacts {
        sources.append(
            source("contacts", .campaignContacts, folder.write("c.csv", "campaign_id,customer_id,sent_date\n" + contacts), idSpace: "t"))
    }
    if let responses {
        sources.append(
            source(
                "responses", .campaignResponses, folder.write("r.csv", "campaign_id,customer_id,response_date\n" + responses), idSpace: "t")
        )
    }
    let pipeline = makePipeline(folder: folder.path, sources: sources, asOf: asOf, settings: settings)
    let day = pipeline.asOf!
    let dataset = try Ingest(pipeline: pipeline, asOf: day).run(sources)
    let base = try Deduplicate(asOf: day, resolvesIdentities: true).run(dataset)
    let profiles = try Enrich(asOf: day, settings: settings).run(base)
    return Analysis(profiles: profiles, scores: try Score().run(profiles))
}

extension CustomerProfiles {
    /// The master index of `t:<id>`.
    func master(_ id: String) -> Int {
        base.masterId.firstIndex(of: "t:" + id)!
    }
}
