/// What export writes: the classified customers and the period figures.
package struct Analysis: Sendable {
    package var profiles: CustomerProfiles
    package var scores: Scores
}

/// Writes the CSV tables and report.md of a run into its output folder (SPEC §7). run.json
/// is written by the runner afterwards, when this stage's time is known.
package struct Export: Stage {
    package let pipeline: Pipeline
    package let folder: OutputFolder

    package init(pipeline: Pipeline, folder: OutputFolder) {
        self.pipeline = pipeline
        self.folder = folder
    }

    package var name: StageName { .export }

    /// Returns the number of data rows written over all CSV files.
    package func run(_ analysis: Analysis) throws(BestandError) -> Int {
        let profiles = analysis.profiles
        let base = profiles.base
        let segments = SegmentsTable.rows(profiles)
        let totalRevenue = profiles.revenue12Months.reduce(0, +)
        let tables: [(String, CSVWriter, Int)] = [
            ("customers.csv", CustomersTable.render(profiles), profiles.count),
            ("segments.csv", SegmentsTable.render(segments, totalRevenue: totalRevenue), segments.count),
            ("retention.csv", ScoreTables.retention(analysis.scores), analysis.scores.retention.count),
            ("cohorts.csv", ScoreTables.cohorts(analysis.scores), analysis.scores.cohorts.count),
            ("second_order.csv", ScoreTables.secondOrder(analysis.scores), analysis.scores.secondOrder.count),
            ("campaign_response.csv", ScoreTables.campaigns(analysis.scores), analysis.scores.campaigns.count),
            ("customer_keys.csv", IdentityTables.keys(base), base.masterOfKey.filter { $0 >= 0 }.count),
            ("merges.csv", IdentityTables.merges(base), base.merges.count),
            ("rejects.csv", RejectsTable.render(base.dataset, sources: pipeline.sources), base.dataset.rejects.count),
        ]
        var rows = 0
        for (name, writer, count) in tables {
            try folder.write(name, writer.bytes)
            rows += count
        }
        let report = ManagementReport(pipeline: pipeline, analysis: analysis, segments: segments).render()
        try folder.write("report.md", report)
        return rows
    }

    package func counts(input: Analysis, output: Int) -> StageCounts {
        StageCounts(input: input.profiles.count, output: output)
    }
}
