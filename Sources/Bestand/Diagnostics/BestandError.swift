/// The one error type of bestand: a code, a message, where it happened and what caused it.
package struct BestandError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; the kind decides the process exit code.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        package var name: String
        package var exitCode: Int32

        package init(_ name: String, exitCode: Int32) {
            self.name = name
            self.exitCode = exitCode
        }

        package var description: String { name }

        /// The command line was not understood.
        package static let usage = Code("usage", exitCode: 2)
        /// The pipeline file is malformed or inconsistent.
        package static let pipeline = Code("pipeline", exitCode: 2)
        /// An input file is missing or cannot be read.
        package static let inputFile = Code("input-file", exitCode: 1)
        /// An input file lacks a required column.
        package static let missingColumn = Code("missing-column", exitCode: 1)
        /// An input file cannot be parsed at all (no header, unreadable text).
        package static let malformedInput = Code("malformed-input", exitCode: 1)
        /// Outputs could not be written.
        package static let output = Code("output", exitCode: 1)
        /// More rows were rejected than the pipeline allows.
        package static let qualityGate = Code("quality-gate", exitCode: 3)
    }

    package var code: Code
    package var message: String
    package var location: SourceLocation?
    package var stage: String?
    package var underlying: String?

    package init(
        _ code: Code, _ message: String, location: SourceLocation? = nil,
        stage: String? = nil, underlying: String? = nil
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.stage = stage
        self.underlying = underlying
    }

    /// Compiler-style text: `path:line:column: error: message (cause)`.
    package var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "error: \(message)"
        if let underlying { text += " (\(underlying))" }
        return text
    }
}
