import Bestand
import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

// Benchmarks in a release build, on generated data cached under .build/bench-data:
//   bestand-bench [CUSTOMERS ...]     the whole pipeline, run by the bestand executable beside this
//                                     one, on `bestand generate` data sets (100,000 and 1,000,000
//                                     customers, and 1,000,000 with twice the orders)
//   bestand-bench ingest [ROWS]       ingest throughput, ROWS order rows per dialect (2,000,000)
//   bestand-bench dedupe [CUSTOMERS]  deduplication of planted duplicates (100,000 real customers)

func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}

/// Writes a shop-style (comma, ISO date-times with offsets) or ERP-style (semicolon, German
/// dates, decimal comma with thousands dots, statuses) orders file.
func generate(path: String, rows: Int, erp: Bool) {
    var random = SeededRandom(seed: erp ? 2 : 1)
    var out = [UInt8]()
    out.reserveCapacity(rows * 64)
    out += Array(
        (erp ? "Auftragsnummer;Kundennummer;Auftragsdatum;Betrag;Status\n" : "order_id,customer_id,order_date,amount,status\n").utf8)
    let statuses = erp ? ["berechnet", "geliefert", "offen", "storniert"] : ["paid", "shipped", "cancelled", "paid"]
    for row in 0..<rows {
        let customer = random.below(1_000_000)
        let year = 2018 + random.below(8)
        let month = 1 + random.below(12)
        let day = 1 + random.below(28)
        let cents = random.below(500_000) - 10_000
        let status = statuses[random.below(statuses.count)]
        let line: String
        if erp {
            let euros = abs(cents) / 100
            let grouped = euros >= 1000 ? "\(euros / 1000).\(pad(euros % 1000, 3))" : String(euros)
            line =
                "A-\(pad(row, 8));K\(pad(customer, 7));\(pad(day, 2)).\(pad(month, 2)).\(year);\(cents < 0 ? "-" : "")\(grouped),\(pad(abs(cents) % 100, 2));\(status)\n"
        } else {
            let hour = random.below(24)
            let offset = month >= 4 && month <= 10 ? "+02:00" : "+01:00"
            line =
                "WS-\(pad(row, 8)),S\(pad(customer, 7)),\(year)-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(random.below(60), 2)):00\(offset),\(cents < 0 ? "-" : "")\(abs(cents) / 100).\(pad(abs(cents) % 100, 2)),\(status)\n"
        }
        out += Array(line.utf8)
    }
    _ = FileManager.default.createFile(atPath: path, contents: Data(out))
}

/// Ingest throughput on one orders file per dialect.
func benchIngest(rows: Int, folder: String) throws {
    print("ingest benchmark, \(rows) rows per file (release build)")
    print("| file | MB | rows | seconds | MB/s | rows/s |")
    print("|---|---:|---:|---:|---:|---:|")
    for (name, erp) in [("shop_orders", false), ("erp_orders", true)] {
        let path = "\(folder)/\(name)_\(rows).csv"
        if !FileManager.default.fileExists(atPath: path) { generate(path: path, rows: rows, erp: erp) }
        let sources = [SourceConfig(name: name, entity: .orders, path: path)]
        let pipeline = Pipeline(
            name: "bench", path: "bench.json", folder: "", asOf: Day.parseISO("2025-06-30"),
            timeZone: TimeZone(identifier: "Europe/Berlin")!, timeZoneName: "Europe/Berlin", currency: "EUR",
            language: .en, output: nil, stages: StageName.allCases, sources: sources, settings: Settings())
        var best = Double.infinity
        var dataset: Dataset?
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            dataset = try Ingest(pipeline: pipeline, asOf: pipeline.asOf!).run(sources)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        let file = dataset!.files[0]
        let megabytes = Double(file.bytes) / 1e6
        print(
            "| \(name) | \(Decimal.fixed(megabytes, decimals: 1)) | \(file.rowsRead) | \(Decimal.fixed(best, decimals: 3)) | \(Decimal.fixed(megabytes / best, decimals: 1)) | \(Int(Double(file.rowsRead) / best)) |"
        )
    }
}

/// Deduplication of generated customer records with planted duplicates: time, memory, and
/// pairwise precision and recall against the truth.
func benchDeduplicate(customers: Int, folder: String) throws {
    let data = "\(folder)/dedupe_\(customers)"
    try? FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
    let generated = SyntheticCustomers(customers: customers, seed: 2025)
    if !FileManager.default.fileExists(atPath: data + "/erp.csv") {
        for space in SyntheticCustomers.idSpaces {
            _ = FileManager.default.createFile(atPath: "\(data)/\(space).csv", contents: Data(generated.csv(idSpace: space)))
        }
    }
    let sources = SyntheticCustomers.idSpaces.map { SourceConfig(name: $0, entity: .customers, path: "\(data)/\($0).csv") }
    let pipeline = Pipeline(
        name: "bench", path: "bench.json", folder: "", asOf: Day.parseISO("2025-06-30"),
        timeZone: TimeZone(identifier: "Europe/Berlin")!, timeZoneName: "Europe/Berlin", currency: "EUR",
        language: .en, output: nil, stages: StageName.allCases, sources: sources, settings: Settings())
    let before = Double(ProcessMemory.peakResidentBytes() ?? 0) / 1_048_576
    let start = DispatchTime.now().uptimeNanoseconds
    let dataset = try Ingest(pipeline: pipeline, asOf: pipeline.asOf!).run(sources)
    let ingested = DispatchTime.now().uptimeNanoseconds
    let base = try Deduplicate(asOf: pipeline.asOf!, resolvesIdentities: true).run(dataset)
    let done = DispatchTime.now().uptimeNanoseconds
    var predicted: [Int] = []
    var truth: [Int] = []
    for record in generated.records {
        let space = UInt16(SyntheticCustomers.idSpaces.firstIndex(of: record.idSpace)!)
        var id = record.customerId
        let key = id.withUTF8 { dataset.keys.ids.find($0, tag: space) }!
        predicted.append(Int(base.masterOfKey[Int(key)]))
        truth.append(record.truth)
    }
    let score = PairwiseScore(predicted: predicted, truth: truth)
    print("deduplicate benchmark: \(generated.records.count) source records of \(customers) real customers (release build)")
    print("| records | ingest s | deduplicate s | masters | candidate pairs | precision | recall | F1 | peak MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(
        "| \(generated.records.count) | \(Decimal.fixed(Double(ingested - start) / 1e9, decimals: 2)) | \(Decimal.fixed(Double(done - ingested) / 1e9, decimals: 2)) | \(base.masterCount) | \(base.resolution.candidatePairs) | \(Decimal.fixed(score.precision, decimals: 4)) | \(Decimal.fixed(score.recall, decimals: 4)) | \(Decimal.fixed(score.f1, decimals: 4)) | \(Decimal.fixed(max(before, Double(ProcessMemory.peakResidentBytes() ?? 0) / 1_048_576), decimals: 0)) |"
    )
}

let arguments = Array(CommandLine.arguments.dropFirst())
let folder = ".build/bench-data"
try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
if arguments.first == "dedupe" {
    try benchDeduplicate(customers: arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000, folder: folder)
} else if arguments.first == "ingest" {
    try benchIngest(rows: arguments.count > 1 ? Int(arguments[1]) ?? 2_000_000 : 2_000_000, folder: folder)
} else {
    let sizes = arguments.compactMap { Int($0) }
    let sets =
        sizes.isEmpty
        ? [GeneratedSet(customers: 100_000), GeneratedSet(customers: 1_000_000), GeneratedSet(customers: 1_000_000, orderFactor: 2)]
        : sizes.map { GeneratedSet(customers: $0) }
    try benchGeneratedSets(sets, folder: folder)
}
