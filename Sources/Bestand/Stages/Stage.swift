/// A step of the pipeline: it takes one value and returns a new one, and says how many rows
/// went in and came out.
package protocol Stage {
    associatedtype Input
    associatedtype Output

    var name: StageName { get }
    /// Runs the stage. It owns `input` from here on and may reuse its memory (enrich turns the
    /// order rows into its history), so what the counts need of the input is taken before.
    func run(_ input: consuming Input) throws(BestandError) -> Output
    /// The rows going in, as far as the input tells them before the run.
    func inputRows(_ input: Input) -> Int
    func counts(inputRows: Int, output: Output) -> StageCounts
}

/// Rows into and out of a stage, as run.json reports them.
package struct StageCounts: Sendable, Equatable {
    package var input: Int
    package var output: Int

    package init(input: Int, output: Int) {
        self.input = input
        self.output = output
    }
}

/// One stage's line in run.json: its counts, wall time and the process's peak memory after it.
package struct StageReport: Sendable {
    package var name: StageName
    package var counts: StageCounts
    package var seconds: Double
    /// Peak resident bytes of the process when the stage ended (nil when not measured).
    package var peakMemory: Int? = nil
}
