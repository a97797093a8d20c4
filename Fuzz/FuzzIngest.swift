// libFuzzer target: a whole orders file through ingest (dialect detection, the CSV reader,
// encodings, the value parsers, rejects). Invariants: no trap; rows_read = accepted + rejected;
// every field of every record written back by the CSV writer reads back the same.
import Bestand
import Foundation

let folder = NSTemporaryDirectory() + "bestand-fuzz-\(getpid())"
let path = folder + "/orders.csv"
let pipeline: Pipeline = {
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return Pipeline(
        name: "fuzz", path: folder + "/p.json", folder: folder, asOf: Day.parseISO("2025-06-30"),
        timeZone: TimeZone(identifier: "Europe/Berlin")!, timeZoneName: "Europe/Berlin", currency: "EUR", language: .en,
        output: nil, stages: StageName.allCases, sources: [SourceConfig(name: "o", entity: .orders, path: "orders.csv")],
        settings: Settings())
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let header = Array("order_id,customer_id,order_date,amount,status\n".utf8)
    let body = Array(UnsafeBufferPointer(start: data, count: size))
    _ = FileManager.default.createFile(atPath: path, contents: Data(header + body))
    guard let dataset = try? Ingest(pipeline: pipeline, asOf: pipeline.asOf!).run(pipeline.sources) else { return 0 }
    for file in dataset.files {
        precondition(file.rowsRead == file.rowsAccepted + file.rowsRejected, "rows do not reconcile")
    }
    // Records re-written and re-read give the same fields.
    guard let reader = try? CSVReader(file: FileBytes(path: path, displayPath: path), delimiter: nil, encoding: .utf8),
        dataset.files.first?.encoding == .utf8
    else { return 0 }
    var records: [[String]] = []
    while (try? reader.next()) == true, records.count < 1000 {
        if reader.recordHasUnterminatedQuote { return 0 }
        records.append((0..<reader.fieldCount).map { String(decoding: reader.field($0), as: UTF8.self) })
    }
    var writer = CSVWriter(header: ["x"])
    for record in records.dropFirst() where !record.contains(where: { $0.first.map { CSVWriter.startsFormula($0.utf8.first!) } ?? false }) {
        writer.row(record)
    }
    let roundTrip = folder + "/roundtrip.csv"
    _ = FileManager.default.createFile(atPath: roundTrip, contents: Data(writer.bytes))
    guard let again = try? CSVReader(file: FileBytes(path: roundTrip, displayPath: roundTrip), delimiter: UInt8(ascii: ","), encoding: .utf8)
    else { return 0 }
    _ = try? again.next()
    for record in records.dropFirst() where !record.contains(where: { $0.first.map { CSVWriter.startsFormula($0.utf8.first!) } ?? false }) {
        guard (try? again.next()) == true else { preconditionFailure("record lost in the round trip") }
        let fields = (0..<again.fieldCount).map { String(decoding: again.field($0), as: UTF8.self) }
        precondition(fields == record || record == [""], "round trip changed \(record) into \(fields)")
    }
    return 0
}
