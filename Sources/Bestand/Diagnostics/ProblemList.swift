/// Several errors found together (a pipeline file checked whole), reported at once.
package struct ProblemList: Error, Sendable, CustomStringConvertible {
    package var problems: [BestandError]

    package init(_ problems: [BestandError]) {
        self.problems = problems
    }

    /// The exit code of the most severe problem (usage and pipeline errors over input errors).
    package var exitCode: Int32 {
        problems.map(\.code.exitCode).max() ?? 0
    }

    package var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
