import Foundation

/// What the caller decides for a run: dates, output place, clock and progress sink.
package struct RunOptions: Sendable {
    /// `--as-of`; overrides the pipeline's `as_of`.
    package var asOf: Int32?
    /// `--out`; overrides the pipeline's `output`.
    package var output: String?
    /// The current instant, for the default as-of date (today in the pipeline's zone).
    package var now: Date
    /// A monotonic clock in nanoseconds, for stage timings.
    package var clock: @Sendable () -> UInt64
    package var processId: Int32
    package var progress: @Sendable (String) -> Void
    /// The process's peak resident memory in bytes so far, if known (run.json, progress).
    package var peakMemory: @Sendable () -> Int?
    /// Whether the run frees its tables when it ends. A process that exits right after the run
    /// sets it to false: the tables then stay allocated until the exit instead of being freed
    /// allocation by allocation (on 1,000,000 customers that took about half a second).
    package var freesTables = true

    package init(
        asOf: Int32? = nil, output: String? = nil, now: Date, clock: @escaping @Sendable () -> UInt64,
        processId: Int32, progress: @escaping @Sendable (String) -> Void = { _ in },
        peakMemory: @escaping @Sendable () -> Int? = { nil }
    ) {
        self.asOf = asOf
        self.output = output
        self.now = now
        self.clock = clock
        self.processId = processId
        self.progress = progress
        self.peakMemory = peakMemory
    }
}

/// The result of a completed run (outputs are in place even when the quality gate failed).
package struct RunResult: Sendable {
    package var outputFolder: String
    package var asOf: Int32
    package var stages: [StageReport]
    package var qualityGate: QualityGate
    package var rowsRead: Int
    package var rowsRejected: Int
}

/// Runs a pipeline's stages one after the other, timing and counting each.
package enum PipelineRunner {
    /// The as-of date: the option, else the pipeline's, else today in the pipeline's zone.
    package static func asOf(_ pipeline: Pipeline, options: RunOptions) -> Int32 {
        options.asOf ?? pipeline.asOf ?? ZoneOffsets(zone: pipeline.timeZone).today(now: options.now)
    }

    /// The output folder: the option, else the pipeline's `output` (relative to the pipeline
    /// file), else `out/<name>` relative to the current folder.
    package static func outputFolder(_ pipeline: Pipeline, options: RunOptions) -> String {
        if let output = options.output { return FilePath.normalize(output) }
        if let output = pipeline.output { return FilePath.resolve(output, relativeTo: pipeline.folder) }
        return "out/" + pipeline.name
    }

    package static func run(_ pipeline: Pipeline, options: RunOptions) throws(BestandError) -> RunResult {
        let asOf = asOf(pipeline, options: options)
        var timer = StageTimer(clock: options.clock, progress: options.progress, peakMemory: options.peakMemory)
        timer.defaultLocation = SourceLocation(path: pipeline.path)
        options.progress("bestand \(Bestand.version): pipeline \"\(pipeline.name)\", as of \(Day.iso(asOf))")

        var ingest = Ingest(pipeline: pipeline, asOf: asOf)
        ingest.progress = options.progress
        // Each stage's input is handed over, not kept here: the order rows then have one owner
        // when enrich reuses their memory.
        let dataset = try timer.perform(ingest, pipeline.sources)
        var deduplicate = Deduplicate(asOf: asOf, resolvesIdentities: pipeline.deduplicates)
        deduplicate.settings = pipeline.settings.deduplicate
        deduplicate.phoneCountryCode = pipeline.settings.phoneCountryCode
        // Without the deduplicate stage, orders are still deduplicated by id and every key is
        // its own customer; the work is then not reported as a stage.
        let base: CustomerBase
        if pipeline.deduplicates {
            base = try timer.perform(deduplicate, consume dataset)
        } else {
            base = try deduplicate.run(consume dataset)
        }
        if !base.resolution.skippedBlocks.isEmpty {
            options.progress(
                "deduplicate: warning: \(base.resolution.skippedBlocks.values.reduce(0, +)) blocks with more than \(pipeline.settings.deduplicate.maxBlockSize) records were not compared (largest \(base.resolution.largestSkippedBlock)); see run.json"
            )
        }
        try Reconciliation.check(base, pipelinePath: pipeline.path)
        let profiles = try timer.perform(Enrich(asOf: asOf, settings: pipeline.settings), consume base)
        let scores = try timer.perform(Score(), profiles)

        let target = outputFolder(pipeline, options: options)
        let folder = try OutputFolder(target: target, processId: options.processId)
        do {
            _ = try timer.perform(Export(pipeline: pipeline, folder: folder), Analysis(profiles: profiles, scores: scores))
            let dataset = profiles.base.dataset
            let gate = QualityGate(files: dataset.files, maxRejectRate: pipeline.settings.maxRejectRate)
            let manifest = RunManifest.render(
                pipeline: pipeline, asOf: asOf, base: profiles.base, stages: timer.reports,
                outputs: (folder.written + ["run.json"]).sorted(), qualityGate: gate, peakMemory: options.peakMemory())
            try folder.write("run.json", manifest)
            try folder.commit()
            options.progress("outputs written to \(target)/")
            if !options.freesTables { KeptUntilExit.keep(Analysis(profiles: profiles, scores: scores)) }
            return RunResult(
                outputFolder: target, asOf: asOf, stages: timer.reports, qualityGate: gate,
                rowsRead: dataset.rowsRead, rowsRejected: dataset.rejects.count)
        } catch {
            folder.discard()
            throw error
        }
    }
}

/// Tables of finished runs that are never freed (`RunOptions.freesTables`).
private enum KeptUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Analysis] = []

    static func keep(_ analysis: Analysis) {
        lock.lock()
        kept.append(analysis)
        lock.unlock()
    }
}

/// Runs stages, recording their counts and wall time and reporting progress.
struct StageTimer {
    let clock: @Sendable () -> UInt64
    let progress: @Sendable (String) -> Void
    let peakMemory: @Sendable () -> Int?
    /// Where an error without a place of its own points: the pipeline file.
    var defaultLocation: SourceLocation?
    private(set) var reports: [StageReport] = []

    init(
        clock: @escaping @Sendable () -> UInt64, progress: @escaping @Sendable (String) -> Void,
        peakMemory: @escaping @Sendable () -> Int? = { nil }
    ) {
        self.clock = clock
        self.progress = progress
        self.peakMemory = peakMemory
    }

    mutating func perform<S: Stage>(_ stage: S, _ input: consuming S.Input) throws(BestandError) -> S.Output {
        let start = clock()
        let inputRows = stage.inputRows(input)
        let output: S.Output
        do {
            output = try stage.run(consume input)
        } catch {
            var error = error
            if error.stage == nil { error.stage = stage.name.rawValue }
            if error.location == nil { error.location = defaultLocation }
            throw error
        }
        let seconds = Double(clock() &- start) / 1e9
        let counts = stage.counts(inputRows: inputRows, output: output)
        let peak = peakMemory()
        reports.append(StageReport(name: stage.name, counts: counts, seconds: seconds, peakMemory: peak))
        let memory = peak.map { ", peak memory \(Decimal.fixed(Double($0) / 1_048_576, decimals: 0)) MiB" } ?? ""
        progress("\(stage.name.rawValue): \(counts.input) in, \(counts.output) out, \(Decimal.fixed(seconds, decimals: 3)) s\(memory)")
        return output
    }
}
