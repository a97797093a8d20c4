import Bestand
import Foundation

/// `bestand validate`: checks the pipeline file, every input's header and a dry parse of
/// every row, printing what it found and every problem at once.
enum Validation {
    static func run(path: String) -> Int32 {
        let pipeline: Pipeline
        do throws(ProblemList) {
            pipeline = try PipelineLoader.load(path: path)
        } catch {
            printError(error.description)
            return error.exitCode
        }
        let asOf = PipelineRunner.asOf(pipeline, options: RunOptions(now: Date(), clock: { 0 }, processId: 0))
        print("pipeline \"\(pipeline.name)\": \(pipeline.sources.count) sources, as of \(Day.iso(asOf))")
        var problems: [BestandError] = []
        var files: [InputFileReport] = []
        for source in pipeline.sources {
            do throws(BestandError) {
                let dataset = try Ingest(pipeline: pipeline, asOf: asOf).run([source])
                for file in dataset.files {
                    files.append(file)
                    let delimiter = file.delimiter == 9 ? "tab" : String(UnicodeScalar(file.delimiter))
                    print(
                        "  \(source.name) (\(source.entity.rawValue)): \(file.path): \(file.encoding.rawValue), delimiter \"\(delimiter)\", \(file.rowsRead) rows, \(file.rowsRejected) rejected"
                    )
                    let mapped = source.entity.fields.compactMap { field in file.columns[field].map { "\(field) ← \"\($0)\"" } }
                    print("    columns: \(mapped.joined(separator: ", "))")
                }
            } catch {
                problems.append(error)
            }
        }
        for problem in problems { printError(problem.description) }
        if !problems.isEmpty { return problems.map(\.code.exitCode).max() ?? 1 }
        let gate = QualityGate(files: files, maxRejectRate: pipeline.settings.maxRejectRate)
        if !gate.passed {
            printError(
                "error: quality gate would fail — reject rate above \(pipeline.settings.maxRejectRate) in: \(gate.failingFiles.joined(separator: ", "))"
            )
            return 3
        }
        print("ok")
        return 0
    }
}
