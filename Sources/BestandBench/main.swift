import Bestand
import Dispatch
import Foundation

// Ingest throughput benchmark: generates order files (seeded, cached under .build/bench-data)
// and reads them through the ingest stage in a release build.
// Usage: bestand-bench [ROWS]   (default 2,000,000 rows per file)

/// A small deterministic generator (SplitMix64) so the data are the same on every machine.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}

/// Writes a shop-style (comma, ISO date-times with offsets) or ERP-style (semicolon, German
/// dates, decimal comma with thousands dots, statuses) orders file.
func generate(path: String, rows: Int, erp: Bool) {
    var random = SplitMix64(state: erp ? 2 : 1)
    var out = [UInt8]()
    out.reserveCapacity(rows * 64)
    out += Array((erp ? "Auftragsnummer;Kundennummer;Auftragsdatum;Betrag;Status\n" : "order_id,customer_id,order_date,amount,status\n").utf8)
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
            line = "A-\(pad(row, 8));K\(pad(customer, 7));\(pad(day, 2)).\(pad(month, 2)).\(year);\(cents < 0 ? "-" : "")\(grouped),\(pad(abs(cents) % 100, 2));\(status)\n"
        } else {
            let hour = random.below(24)
            let offset = month >= 4 && month <= 10 ? "+02:00" : "+01:00"
            line = "WS-\(pad(row, 8)),S\(pad(customer, 7)),\(year)-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(random.below(60), 2)):00\(offset),\(cents < 0 ? "-" : "")\(abs(cents) / 100).\(pad(abs(cents) % 100, 2)),\(status)\n"
        }
        out += Array(line.utf8)
    }
    _ = FileManager.default.createFile(atPath: path, contents: Data(out))
}

let rows = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 2_000_000 : 2_000_000
let folder = ".build/bench-data"
try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
print("ingest benchmark, \(rows) rows per file (release build)")
print("| file | MB | rows | seconds | MB/s | rows/s |")
print("|---|---:|---:|---:|---:|---:|")
for (name, erp) in [("shop_orders", false), ("erp_orders", true)] {
    let path = "\(folder)/\(name)_\(rows).csv"
    if !FileManager.default.fileExists(atPath: path) { generate(path: path, rows: rows, erp: erp) }
    let sources = [
        SourceConfig(
            name: name, entity: .orders, path: path, idSpace: name, columns: [:], delimiter: nil, encoding: nil,
            decimalSeparator: nil)
    ]
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
