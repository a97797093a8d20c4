/// bestand: customer-base analytics over CSV exports — ingest, deduplicate, enrich, score, export.
package enum Bestand {
    /// The tool's version, written into run.json and printed by `--version`.
    package static let version = "0.1.0"
}
