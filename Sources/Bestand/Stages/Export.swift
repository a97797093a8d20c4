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
    package func run(_ input: consuming Analysis) throws(BestandError) -> Int {
        let analysis = input
        let profiles = analysis.profiles
        let base = profiles.base
        let segments = SegmentsTable.rows(profiles)
        let totalRevenue = profiles.revenue12Months.reduce(0, +)
        let scores = analysis.scores
        let sources = pipeline.sources
        // Each table is rendered on its own (on all cores). The large ones stream into their
        // files as they are rendered; the small ones are written whole, in this order.
        // customers.csv, the largest, is rendered in two halves side by side.
        let customers = try folder.create("customers.csv")
        let keys = try folder.create("customer_keys.csv")
        let merges = try folder.create("merges.csv")
        let half = profiles.count / 2
        let keyRows = base.masterOfKey.filter { $0 >= 0 }.count
        let tables: [(destination: Destination, rows: Int, render: @Sendable () -> CSVWriter)] = [
            (.streamed, half, { CustomersTable.render(profiles, rows: 0..<half, streamingTo: customers) }),
            (.restOfStreamed, profiles.count - half, { CustomersTable.laterRows(profiles, half..<profiles.count) }),
            (.whole("segments.csv"), segments.count, { SegmentsTable.render(segments, totalRevenue: totalRevenue) }),
            (.whole("retention.csv"), scores.retention.count, { ScoreTables.retention(scores) }),
            (.whole("cohorts.csv"), scores.cohorts.count, { ScoreTables.cohorts(scores) }),
            (.whole("second_order.csv"), scores.secondOrder.count, { ScoreTables.secondOrder(scores) }),
            (.whole("campaign_response.csv"), scores.campaigns.count, { ScoreTables.campaigns(scores) }),
            (.streamed, keyRows, { IdentityTables.keys(base, streamingTo: keys) }),
            (.streamed, base.merges.count, { IdentityTables.merges(base, streamingTo: merges) }),
            (.whole("rejects.csv"), base.dataset.rejects.count, { RejectsTable.render(base.dataset, sources: sources) }),
        ]
        let rendered = Parallel.map(count: tables.count, minimumChunk: 1) { tables[$0].render() }
        var rows = 0
        // Each file is flushed to disk as soon as it is written, beside the writing of the next.
        let flushes = Flushes()
        // The streamed table last seen, finished when its rest has been appended.
        var streamed: CSVWriter?
        func finishStreamed() {
            guard let file = streamed?.file else { return }
            streamed!.writeRest()
            flushes.start(file)
            streamed = nil
        }
        for (table, writer) in zip(tables, rendered) {
            switch table.destination {
            case .whole(let name):
                let file = try folder.create(name)
                file.write(writer.bytes)
                flushes.start(file)
            case .streamed:
                finishStreamed()
                streamed = writer
            case .restOfStreamed:
                streamed!.append(rowsOf: writer)
            }
            rows += table.rows
        }
        finishStreamed()
        let report = try folder.create("report.md")
        report.write(Array(ManagementReport(pipeline: pipeline, analysis: analysis, segments: segments).render().utf8))
        flushes.start(report)
        try flushes.wait()
        return rows
    }

    /// Where a rendered table goes.
    private enum Destination {
        /// Written whole into the file of this name.
        case whole(String)
        /// Streamed into its file while rendered.
        case streamed
        /// The later rows of the streamed table before it, appended to it.
        case restOfStreamed
    }

    package func inputRows(_ input: Analysis) -> Int { input.profiles.count }

    package func counts(inputRows: Int, output: Int) -> StageCounts {
        StageCounts(input: inputRows, output: output)
    }
}
