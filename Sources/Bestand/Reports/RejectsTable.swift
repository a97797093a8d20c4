/// rejects.csv: every rejected input row with its reason (SPEC §7).
package enum RejectsTable {
    package static let header = ["source", "file", "line", "reason", "record"]

    /// Rows ordered by source (declaration order), file (read order), line.
    package static func render(_ dataset: Dataset, sources: [SourceConfig]) -> CSVWriter {
        var writer = CSVWriter(header: header)
        let ordered = dataset.rejects.sorted { ($0.source, $0.file, $0.line) < ($1.source, $1.file, $1.line) }
        for reject in ordered {
            writer.text(sources[reject.source].name)
            writer.text(dataset.files[reject.file].path)
            writer.number(String(reject.line))
            writer.text(reject.reason)
            writer.text(reject.record)
            writer.endRow()
        }
        return writer
    }
}
