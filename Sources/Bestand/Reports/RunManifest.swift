/// run.json: what a run read, how each stage went, and what it wrote (SPEC §7).
package enum RunManifest {
    package static func render(
        pipeline: Pipeline, asOf: Int32, base: CustomerBase, stages: [StageReport], outputs: [String],
        qualityGate: QualityGate, peakMemory: Int? = nil
    ) -> String {
        let dataset = base.dataset
        let inputs: [JSONWriter.Value] = dataset.files.map { file in
            .object([
                ("source", .string(pipeline.sources[file.source].name)),
                ("entity", .string(pipeline.sources[file.source].entity.rawValue)),
                ("path", .string(file.path)),
                ("bytes", .int(file.bytes)),
                ("sha256", .string(file.sha256)),
                ("encoding", .string(file.encoding.rawValue)),
                ("delimiter", .string(String(UnicodeScalar(file.delimiter)))),
                (
                    "columns",
                    .object(
                        pipeline.sources[file.source].entity.fields.compactMap { field in
                            file.columns[field].map { (field, .string($0)) }
                        })
                ),
                ("rows_read", .int(file.rowsRead)),
                ("rows_accepted", .int(file.rowsAccepted)),
                ("rows_rejected", .int(file.rowsRejected)),
                ("after_as_of", .int(file.afterAsOf)),
                ("invalid_optional", .object(file.invalidOptional.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ])
        }
        let stageValues: [JSONWriter.Value] = stages.map { stage in
            .object(
                [
                    ("name", .string(stage.name.rawValue)),
                    ("input", .int(stage.counts.input)),
                    ("output", .int(stage.counts.output)),
                    ("seconds", .double(stage.seconds, decimals: 3)),
                ] + memory(stage.peakMemory))
        }
        let orders: JSONWriter.Value = .object([
            ("rows", .int(dataset.orders.acceptedRows)),
            ("unique", .int(dataset.orders.uniqueOrders)),
            ("cancelled", .int(dataset.orders.cancelledOrders)),
            ("identical_repeats", .int(dataset.orders.repeats.identical)),
            ("conflicting_repeats", .int(dataset.orders.repeats.conflicting)),
        ])
        let resolution = base.resolution
        let customers: JSONWriter.Value = .object([
            ("records", .int(dataset.customers.count)),
            ("keys", .int(base.masterOfKey.filter { $0 >= 0 }.count)),
            ("masters", .int(base.masterCount)),
            ("merges", .int(base.merges.count)),
            ("merges_per_rule", counts(resolution.linksPerRule)),
            ("candidate_pairs", .int(resolution.candidatePairs)),
            ("skipped_blocks", counts(resolution.skippedBlocks)),
            ("largest_skipped_block", .int(resolution.largestSkippedBlock)),
            ("overrides", .int(dataset.overrides.count)),
            ("overrides_with_unknown_keys", .int(dataset.unknownOverrideKeys)),
            ("links_vetoed_by_never_merge", .int(resolution.vetoed)),
        ])
        let reconciliation = Reconciliation.evaluate(base)
        let checks: JSONWriter.Value = .object([
            ("files_reconcile", .bool(reconciliation.filesReconcile)),
            ("orders_reconcile", .bool(reconciliation.ordersReconcile)),
            ("customers_reconcile", .bool(reconciliation.membersReconcile)),
        ])
        let root: JSONWriter.Value = .object(
            [
                ("tool", .string("bestand")),
                ("version", .string(Bestand.version)),
                ("pipeline", .string(pipeline.name)),
                ("as_of", .string(Day.iso(asOf))),
                ("timezone", .string(pipeline.timeZoneName)),
                ("inputs", .array(inputs)),
                (
                    "rows",
                    .object([
                        ("read", .int(dataset.rowsRead)),
                        ("accepted", .int(dataset.rowsAccepted)),
                        ("rejected", .int(dataset.rejects.count)),
                    ])
                ),
                ("orders", orders),
                ("customers", customers),
                ("checks", checks),
                ("stages", .array(stageValues)),
            ] + memory(peakMemory) + [
                (
                    "quality_gate",
                    .object([
                        ("max_reject_rate", .double(pipeline.settings.maxRejectRate, decimals: 4)),
                        ("passed", .bool(qualityGate.passed)),
                        ("failing_files", .array(qualityGate.failingFiles.map { .string($0) })),
                    ])
                ),
                ("outputs", .array(outputs.map { .string($0) })),
            ])
        return JSONWriter.render(root)
    }

    /// `peak_memory_mib` where the peak resident memory was measured. Like the wall times, it
    /// differs between runs.
    private static func memory(_ bytes: Int?) -> [(String, JSONWriter.Value)] {
        bytes.map { [("peak_memory_mib", .double(Double($0) / 1_048_576, decimals: 1))] } ?? []
    }

    /// Counts by name, in name order.
    private static func counts(_ values: [String: Int]) -> JSONWriter.Value {
        .object(values.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })
    }
}

/// The reject-rate check of SPEC §1: every file's rejected/read at most `max_reject_rate`.
package struct QualityGate: Sendable {
    package var failingFiles: [String]
    package var passed: Bool { failingFiles.isEmpty }

    package init(files: [InputFileReport], maxRejectRate: Double) {
        failingFiles = files.filter { $0.rejectRate > maxRejectRate }.map(\.path)
    }
}
