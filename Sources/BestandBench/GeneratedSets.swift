import Bestand
import Dispatch
import Foundation

/// A `bestand generate` data set: its size, and how many times the usual orders it has.
struct GeneratedSet {
    var customers: Int
    var orderFactor = 1

    var name: String { "generated_\(customers)" + (orderFactor == 1 ? "" : "_x\(orderFactor)") }
    var label: String { "\(customers) customers" + (orderFactor == 1 ? "" : ", \(orderFactor)× orders") }
}

/// What one pipeline run did, read back from its run.json and outputs.
struct MeasuredRun {
    struct Stage {
        var name: String
        var input: Int
        var output: Int
        var seconds: Double
        var peakMiB: Double
    }

    var stages: [Stage] = []
    var peakMiB = 0.0
    var wallSeconds = 0.0
    var inputBytes = 0
    var orderRows = 0
    var score: PairwiseScore?
    var rejectsArePlanted = false
}

/// Generates each set once (cached), runs the pipeline on it in a process of its own (so that
/// its peak memory is its own), and prints the per-stage table and the summary.
func benchGeneratedSets(_ sets: [GeneratedSet], folder: String) throws {
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bestand").path
    var measured: [(GeneratedSet, MeasuredRun, Double?)] = []
    for set in sets {
        let data = "\(folder)/\(set.name)"
        var generateSeconds: Double?
        if !FileManager.default.fileExists(atPath: data + "/pipeline.json") {
            let start = DispatchTime.now().uptimeNanoseconds
            try runProcess(
                executable,
                ["generate", "--customers", String(set.customers), "--seed", "1", "--order-factor", String(set.orderFactor), "--out", data])
            generateSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        readOnce(data)
        let start = DispatchTime.now().uptimeNanoseconds
        try runProcess(executable, ["run", data + "/pipeline.json", "--out", data + "/out", "--quiet"])
        let wallSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var run = try readRun(data)
        run.wallSeconds = wallSeconds
        measured.append((set, run, generateSeconds))
    }

    print("pipeline benchmark on generated data sets (release build, \(ProcessInfo.processInfo.activeProcessorCount) cores)")
    print("")
    print("| data set | stage | rows in | rows out | seconds | rows/s | input MB/s | peak MiB |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for (set, run, _) in measured {
        let megabytes = Double(run.inputBytes) / 1e6
        for stage in run.stages {
            print(
                "| \(set.label) | \(stage.name) | \(stage.input) | \(stage.output) | \(fixed(stage.seconds, 2)) | \(Int(Double(stage.input) / max(stage.seconds, 1e-9))) | \(fixed(megabytes / max(stage.seconds, 1e-9), 0)) | \(fixed(stage.peakMiB, 0)) |"
            )
        }
        let total = run.stages.reduce(0) { $0 + $1.seconds }
        let rows = run.stages.first?.input ?? 0
        print(
            "| \(set.label) | **all stages** | \(rows) | | \(fixed(total, 2)) | \(Int(Double(rows) / max(total, 1e-9))) | \(fixed(megabytes / max(total, 1e-9), 0)) | \(fixed(run.peakMiB, 0)) |"
        )
    }
    print("")
    print("| data set | input MB | order rows | generate s | process wall s | peak MiB | precision | recall | F1 | rejects = planted |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for (set, run, generateSeconds) in measured {
        print(
            "| \(set.label) | \(fixed(Double(run.inputBytes) / 1e6, 0)) | \(run.orderRows) | \(generateSeconds.map { fixed($0, 1) } ?? "cached") | \(fixed(run.wallSeconds, 2)) | \(fixed(run.peakMiB, 0)) | \(run.score.map { fixed($0.precision, 4) } ?? "") | \(run.score.map { fixed($0.recall, 4) } ?? "") | \(run.score.map { fixed($0.f1, 4) } ?? "") | \(run.rejectsArePlanted) |"
        )
    }
    for index in measured.indices.dropFirst() {
        let (set, run, _) = measured[index]
        guard let base = measured.first(where: { $0.0.customers == set.customers && $0.0.orderFactor == 1 }), set.orderFactor > 1
        else { continue }
        let growth = (run.peakMiB / base.1.peakMiB - 1) * 100
        print("")
        print(
            "\(set.label): \(fixed(Double(run.orderRows) / Double(max(1, base.1.orderRows)), 2))× the order rows raise peak memory by \(fixed(growth, 1)) % (\(fixed(base.1.peakMiB, 0)) → \(fixed(run.peakMiB, 0)) MiB)"
        )
    }
}

private func fixed(_ value: Double, _ decimals: Int) -> String { Decimal.fixed(value, decimals: decimals) }

/// Reads every CSV file of `folder` once, so that the timed run finds them in the page cache
/// whether or not they were read lately: the times are then the pipeline's, not the disk's.
private func readOnce(_ folder: String) {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    for name in files.sorted() where name.hasSuffix(".csv") {
        guard let handle = FileHandle(forReadingAtPath: folder + "/" + name) else { continue }
        while let chunk = try? handle.read(upToCount: 8 << 20), !chunk.isEmpty {}
        try? handle.close()
    }
}

/// Runs `executable` with `arguments`, passing its output through; throws when it fails.
private func runProcess(_ executable: String, _ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.standardError
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw BenchError(message: "bestand \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
    }
}

struct BenchError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Reads a finished run back: stage figures from run.json, the clustering against truth.csv,
/// and whether rejects.csv lists exactly the rows of planted_rejects.csv.
private func readRun(_ data: String) throws -> MeasuredRun {
    var run = MeasuredRun()
    guard let manifestBytes = FileManager.default.contents(atPath: data + "/out/run.json") else {
        throw BenchError(message: "\(data)/out/run.json is missing")
    }
    let manifest = try JSONNode.parse(Array(manifestBytes))
    for stage in manifest["stages"]?.elements ?? [] {
        run.stages.append(
            MeasuredRun.Stage(
                name: stage["name"]?.text ?? "", input: Int(stage["input"]?.number ?? 0), output: Int(stage["output"]?.number ?? 0),
                seconds: stage["seconds"]?.number ?? 0, peakMiB: stage["peak_memory_mib"]?.number ?? 0))
    }
    run.peakMiB = manifest["peak_memory_mib"]?.number ?? 0
    run.inputBytes = (manifest["inputs"]?.elements ?? []).reduce(0) { $0 + Int($1["bytes"]?.number ?? 0) }
    run.orderRows = Int(manifest["orders"]?["rows"]?.number ?? 0)

    // Pairwise precision and recall of the master customers against the planted truth.
    var masterOf: [Substring: Int] = [:]
    var masterNumbers: [Substring: Int] = [:]
    let keys = try lines(data + "/out/customer_keys.csv")
    for line in keys.dropFirst() {
        let cells = line.split(separator: ",", omittingEmptySubsequences: false)
        guard cells.count == 4 else { continue }
        let master = masterNumbers[cells[3]] ?? masterNumbers.count
        masterNumbers[cells[3]] = master
        masterOf[cells[0]] = master
    }
    var predicted: [Int] = []
    var truth: [Int] = []
    for line in try lines(data + "/truth.csv").dropFirst() {
        let cells = line.split(separator: ",")
        guard cells.count == 2, let real = Int(cells[1]) else { continue }
        truth.append(real)
        predicted.append(masterOf[cells[0]] ?? -1 - predicted.count)
    }
    run.score = PairwiseScore(predicted: predicted, truth: truth)

    let planted = try lines(data + "/planted_rejects.csv").dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ":") }
    let rejected = try lines(data + "/out/rejects.csv").dropFirst().map { line -> String in
        let cells = line.split(separator: ",", omittingEmptySubsequences: false)
        return cells.count > 2 ? "\(cells[1]):\(cells[2])" : ""
    }
    run.rejectsArePlanted = planted == rejected
    return run
}

private func lines(_ path: String) throws -> [Substring] {
    guard let bytes = FileManager.default.contents(atPath: path) else { throw BenchError(message: "\(path) is missing") }
    return String(decoding: bytes, as: UTF8.self).split(separator: "\n")
}

extension JSONNode {
    subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    var elements: [JSONNode]? {
        guard case .array(let nodes) = value else { return nil }
        return nodes
    }

    var number: Double? {
        guard case .number(let number, _) = value else { return nil }
        return number
    }

    var text: String? {
        guard case .string(let text) = value else { return nil }
        return text
    }
}
