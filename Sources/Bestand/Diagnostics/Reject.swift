/// An input row that was not accepted, with the reason (SPEC §3, rejects.csv).
package struct Reject: Sendable {
    package var source: Int
    package var file: Int
    package var line: Int
    /// `code: detail`, such as `invalid_date: column 3 "Datum": "31.02.2024" is not a date`.
    package var reason: String
    package var record: String
}

/// What ingest learned about one input file (run.json's `inputs`).
package struct InputFileReport: Sendable {
    package var source: Int
    /// The path relative to the pipeline file's folder, as the pipeline names it.
    package var path: String
    package var bytes = 0
    package var sha256 = ""
    package var encoding = TextEncoding.utf8
    package var delimiter = UInt8(ascii: ",")
    package var header: [String] = []
    /// Canonical field → header used for it.
    package var columns: [String: String] = [:]
    package var rowsRead = 0
    package var rowsAccepted = 0
    package var rowsRejected = 0
    package var afterAsOf = 0
    /// Optional fields that could not be parsed and were left empty, per canonical field.
    package var invalidOptional: [String: Int] = [:]

    package var rejectRate: Double { rowsRead == 0 ? 0 : Double(rowsRejected) / Double(rowsRead) }
}
