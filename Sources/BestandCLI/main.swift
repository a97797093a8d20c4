import Bestand
import BestandNative
import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

func runCommand(_ arguments: [String]) -> Int32 {
    let command: Command
    do {
        command = try Arguments.parse(arguments)
    } catch {
        printError("bestand: error: \(error.message)\n\n\(Arguments.usage)")
        return 2
    }
    switch command {
    case .help:
        print(Arguments.usage)
        return 0
    case .version:
        print("bestand \(Bestand.version)")
        return 0
    case .validate(let path):
        return Validation.run(path: path)
    case .generate(let customers, let seed, let orderFactor, let output):
        do throws(BestandError) {
            let summary = try SyntheticDataSet.write(customers: customers, seed: seed, orderFactor: orderFactor, to: output)
            print(
                "wrote \(summary.customers) customers (\(summary.records) records), \(summary.orders) order rows and \(summary.plantedRejects) planted bad rows to \(output)/"
            )
            print("run it with: bestand run \(output)/pipeline.json")
            return 0
        } catch {
            printError(error.description)
            return error.code.exitCode
        }
    case .run(let path, let asOfText, let output, let quiet):
        var asOf: Int32?
        if let asOfText {
            guard let day = Day.parseISO(asOfText) else {
                printError("bestand: error: --as-of must be a date YYYY-MM-DD, found \"\(asOfText)\"\n\n\(Arguments.usage)")
                return 2
            }
            asOf = day
        }
        let pipeline: Pipeline
        do throws(ProblemList) {
            pipeline = try PipelineLoader.load(path: path)
        } catch {
            printError(error.description)
            return error.exitCode
        }
        let progress: @Sendable (String) -> Void
        if quiet {
            progress = { _ in }
        } else {
            progress = { line in printError(line) }
        }
        var options = RunOptions(
            asOf: asOf, output: output, now: Date(), clock: { DispatchTime.now().uptimeNanoseconds },
            processId: getpid(), progress: progress, peakMemory: { ProcessMemory.peakResidentBytes() })
        // The process exits after the run: freeing its tables first would only cost time.
        options.freesTables = false
        do throws(BestandError) {
            let result = try PipelineRunner.run(pipeline, options: options)
            if !result.qualityGate.passed {
                printError(
                    "error: quality gate failed — reject rate above \(pipeline.settings.maxRejectRate) in: \(result.qualityGate.failingFiles.joined(separator: ", ")) (see \(result.outputFolder)/rejects.csv)"
                )
                return 3
            }
            return 0
        } catch {
            printError(error.description)
            return error.code.exitCode
        }
    }
}

// One malloc arena per core: glibc would otherwise give the stages' worker threads up to eight
// arenas a core, whose freed memory the others cannot reuse (on 1,000,000 customers the peak
// was about 100 MiB higher and varied from run to run). A single arena makes the threads wait
// for each other's allocations (about 7 % more wall time on 1,000,000 customers).
bestand_limit_malloc_arenas(Int32(ProcessInfo.processInfo.activeProcessorCount))
exit(runCommand(Array(CommandLine.arguments.dropFirst())))
