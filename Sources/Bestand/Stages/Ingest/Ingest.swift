import Dispatch

/// Reads every source file of a pipeline into typed tables, rejecting bad rows with reasons.
///
/// Each file is first scanned whole for its size and encoding, then streamed through the CSV
/// reader while another thread computes its SHA-256 (the page cache serves the repeated
/// reads). The order files are read on a second thread beside all other files; the result is
/// the same as reading the files in turn. Memory grows with the accepted rows, not with the
/// file size. Repeated order ids are resolved here, as rows are read (SPEC §4's order rule),
/// because the index of the ids exists only while files are read: the order table leaves
/// ingest with the winning rows only.
package struct Ingest: Stage {
    package let pipeline: Pipeline
    /// Events dated after this day are counted in `afterAsOf`. They stay in the tables but for
    /// orders: of those only the winners of order-id deduplication dated up to this day stay.
    package let asOf: Int32
    /// Called with a line of progress per file.
    package var progress: @Sendable (String) -> Void = { _ in }

    package init(pipeline: Pipeline, asOf: Int32) {
        self.pipeline = pipeline
        self.asOf = asOf
    }

    package var name: StageName { .ingest }

    package func run(_ input: consuming [SourceConfig]) throws(BestandError) -> Dataset {
        let sources = input
        // Every input file in read order (sources in declaration order, a glob's files sorted).
        // A glob that matches nothing fails the run where it stands in that order.
        var inputs: [(source: Int, file: InputFile)] = []
        var missingFiles: BestandError?
        for (sourceIndex, source) in sources.enumerated() {
            do {
                inputs += try Ingest.files(of: source, in: pipeline).map { (sourceIndex, $0) }
            } catch {
                missingFiles = error
                break
            }
        }
        // Order files on one thread, all other files on another: the two share nothing but the
        // customer keys, which each side interns on its own and the merge then unites.
        let orderFiles = inputs.indices.filter { sources[inputs[$0].source].entity == .orders }
        let otherFiles = inputs.indices.filter { sources[inputs[$0].source].entity != .orders }
        // The order side runs on the second thread: its memory is mostly large arrays, so the
        // many small allocations of customer records stay with the calling thread.
        // Each side scans its first file itself; the other files are scanned ahead, the order
        // files first (the order side reads the most).
        let ahead = ScansAhead((orderFiles.dropFirst() + otherFiles.dropFirst()).map { ($0, inputs[$0].file) })
        let orderSide = FileGroup()
        let group = DispatchGroup()
        let files = inputs
        if !otherFiles.isEmpty && !orderFiles.isEmpty {
            DispatchQueue.global().async(group: group) {
                orderSide.result = readGroup(orderFiles, of: files, sources: sources, ahead: ahead)
            }
        } else {
            orderSide.result = readGroup(orderFiles, of: files, sources: sources, ahead: ahead)
        }
        var other = readGroup(otherFiles, of: files, sources: sources, ahead: ahead)
        group.wait()
        var orders = orderSide.result!
        orderSide.result = nil

        // The first failure in read order stops the run, as if the files had been read in turn.
        var reports = [InputFileReport?](repeating: nil, count: inputs.count)
        for (index, report) in other.reports + orders.reports { reports[index] = report }
        let failure = [other.failure, orders.failure].compactMap { $0 }.min { $0.index < $1.index }
        let readUpTo = failure?.index ?? inputs.count
        for index in 0..<readUpTo {
            guard let report = reports[index] else { continue }
            progress(
                "ingest: \(inputs[index].file.displayPath): \(report.rowsRead) rows, \(report.rowsRejected) rejected, \(report.encoding.rawValue)"
            )
        }
        if let failure { throw failure.error }
        if let missingFiles { throw missingFiles }

        // Moved out, not copied: the merge then writes to storage that nothing else holds.
        var dataset = Dataset(idSpaces: pipeline.idSpaces)
        swap(&dataset, &other.dataset)
        var orderData = Dataset(idSpaces: pipeline.idSpaces)
        swap(&orderData, &orders.dataset)
        dataset.takeOrders(of: consume orderData)
        dataset.files = reports.map { $0! }
        if let path = pipeline.settings.pseudonymize {
            let key = try PipelineLoader.readWholeFile(FilePath.resolve(path, relativeTo: pipeline.folder))
            guard key.count >= 16 else {
                throw BestandError(
                    .inputFile, "the pseudonymisation key must hold at least 16 bytes of secret",
                    location: SourceLocation(path: FilePath.resolve(path, relativeTo: pipeline.folder)))
            }
            dataset.pseudonymKey = key
        }
        if let path = pipeline.settings.deduplicate.overrides {
            try readOverrides(FilePath.resolve(path, relativeTo: pipeline.folder), into: &dataset)
        }
        return dataset
    }

    /// Reads the deduplicate overrides file: a header `action,key_a,key_b`, then rows with the
    /// action `always_merge` or `never_merge` and two keys `<id_space>:<customer_id>`. Rows
    /// naming a key that no input has are skipped and counted; any other problem stops the run.
    func readOverrides(_ path: String, into dataset: inout Dataset) throws(BestandError) {
        let reader = try CSVReader(file: FileBytes(path: path, displayPath: path), delimiter: nil, encoding: .utf8)
        var header: [String]?
        while try reader.next() {
            let fields = (0..<reader.fieldCount).map { Text.string(Text.trimmed(reader.field($0))) }
            if fields.allSatisfy(\.isEmpty) { continue }
            guard header != nil else {
                header = fields
                guard fields.map({ $0.lowercased() }) == ["action", "key_a", "key_b"] else {
                    throw BestandError(
                        .malformedInput, "the overrides file needs the header action,key_a,key_b — found \(fields.joined(separator: ","))",
                        location: SourceLocation(path: path, line: reader.recordLine, column: 1))
                }
                continue
            }
            guard fields.count == 3, let action = Override.Action(rawValue: fields[0]) else {
                throw BestandError(
                    .malformedInput, "an override row needs an action (always_merge or never_merge) and two keys",
                    location: reader.location(ofField: 0))
            }
            guard let a = key(fields[1], in: dataset.keys), let b = key(fields[2], in: dataset.keys) else {
                dataset.unknownOverrideKeys += 1
                progress("ingest: \(path):\(reader.recordLine): override names a key that no input has — skipped")
                continue
            }
            dataset.overrides.append(Override(action: action, keyA: a, keyB: b))
        }
    }

    /// The id of a key text `<id_space>:<customer_id>`, if an input has it.
    private func key(_ text: String, in keys: CustomerKeys) -> Int32? {
        for (index, space) in keys.idSpaces.enumerated() where text.hasPrefix(space + ":") {
            var id = String(text.dropFirst(space.count + 1))
            if let found = id.withUTF8({ keys.ids.find($0, tag: UInt16(index)) }) { return found }
        }
        return nil
    }

    /// Rows read are known only once they are read: `counts` takes them from the output.
    package func inputRows(_ input: [SourceConfig]) -> Int { 0 }

    package func counts(inputRows: Int, output: Dataset) -> StageCounts {
        StageCounts(input: output.rowsRead, output: output.rowsAccepted)
    }

    // MARK: - Files

    /// An input file: where to open it, how to name it in messages, and in outputs.
    package struct InputFile: Sendable {
        package var openPath: String
        package var displayPath: String
        package var outputPath: String
    }

    /// The files of a source: its path, or its glob's matches in sorted order.
    package static func files(of source: SourceConfig, in pipeline: Pipeline) throws(BestandError) -> [InputFile] {
        let joined = FilePath.resolve(source.path, relativeTo: pipeline.folder)
        let paths = Glob.hasWildcards(source.path) ? Glob.expand(joined) : [joined]
        guard !paths.isEmpty else {
            throw BestandError(
                .inputFile, "the path \"\(source.path)\" of source \"\(source.name)\" matches no file",
                location: SourceLocation(path: pipeline.path))
        }
        return paths.map { path in
            InputFile(
                openPath: path, displayPath: FilePath.normalize(path),
                outputPath: FilePath.relative(path, to: pipeline.folder))
        }
    }

    /// Decides the encoding (SPEC §3): Windows-1252 when the source sets it or when the file is
    /// not valid UTF-8 (also when the source says UTF-8), else UTF-8. A NUL byte means the file
    /// is not text at all.
    static func encoding(for scan: FileScan, source: SourceConfig, path: String) throws(BestandError) -> TextEncoding {
        if let nul = scan.firstNul {
            throw BestandError(
                .malformedInput, "the file holds a NUL byte at byte offset \(nul): it is not a text export",
                location: SourceLocation(path: path))
        }
        if source.encoding == .windows1252 || scan.firstInvalidUTF8 != nil { return .windows1252 }
        return .utf8
    }

    /// Opens a file, reads its header and maps the columns; scans the file first unless `scan`
    /// holds its scan.
    package static func openTable(
        _ file: InputFile, source: SourceConfig, report: inout InputFileReport, scan: FileScan? = nil
    ) throws(BestandError) -> (reader: CSVReader, columns: [Int]) {
        let scanned: FileScan
        if let scan {
            scanned = scan
        } else {
            scanned = try FileScan.scan(FileBytes(path: file.openPath, displayPath: file.displayPath))
        }
        report.bytes = scanned.bytes
        report.encoding = try encoding(for: scanned, source: source, path: file.displayPath)
        let reader = try CSVReader(
            file: FileBytes(path: file.openPath, displayPath: file.displayPath), delimiter: source.delimiter,
            encoding: report.encoding)
        report.delimiter = reader.delimiter
        var header: [String]?
        while try reader.next() {
            let fields = (0..<reader.fieldCount).map { Text.string(Text.trimmed(reader.field($0))) }
            if fields.contains(where: { !$0.isEmpty }) {
                header = fields
                break
            }
        }
        guard let header else {
            throw BestandError(
                .malformedInput, "the file is empty — a header row naming the columns is required",
                location: SourceLocation(path: file.displayPath, line: 1))
        }
        report.header = header
        let mapping = source.entity.mapColumns(headers: header, explicit: source.columns)
        var columns = [Int](repeating: -1, count: source.entity.fields.count)
        for (index, field) in source.entity.fields.enumerated() {
            if let column = mapping.columns[field] {
                columns[index] = column
                report.columns[field] = header[column]
            }
        }
        // A header that a field maps to must be unambiguous.
        for field in source.entity.fields {
            guard let column = mapping.columns[field] else { continue }
            let key = HeaderName.key(header[column])
            let same = header.indices.filter { HeaderName.key(header[$0]) == key }
            if same.count > 1 {
                throw BestandError(
                    .missingColumn,
                    "the header \"\(header[column])\" for \(field) appears \(same.count) times (columns \(same.map { String($0 + 1) }.joined(separator: ", "))) — rename the columns or map \(field) to one of them with \"columns\"",
                    location: SourceLocation(path: file.displayPath, line: reader.recordLine))
            }
        }
        let missing = source.entity.fields.filter { source.entity.requiredFields.contains($0) && mapping.columns[$0] == nil }
        if !missing.isEmpty || !mapping.unknownExplicit.isEmpty {
            var parts: [String] = []
            if !missing.isEmpty {
                parts.append("missing required column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", "))")
            }
            for (field, header) in mapping.unknownExplicit.sorted(by: { $0.key < $1.key }) {
                parts.append("\"columns\" maps \(field) to \"\(header)\", which is not a header")
            }
            let found = header.map { "\"\($0)\"" }.joined(separator: ", ")
            throw BestandError(
                .missingColumn,
                "\(parts.joined(separator: "; ")) for \(source.entity.rawValue) source \"\(source.name)\" — headers found: \(found); map them with \"columns\" in the pipeline file",
                location: SourceLocation(path: file.displayPath, line: reader.recordLine))
        }
        return (reader, columns)
    }

    // MARK: - Reading

    /// What one thread read: its files' reports by read-order index, and its first failure.
    struct GroupResult {
        var dataset: Dataset
        var reports: [(Int, InputFileReport)] = []
        var failure: (index: Int, error: BestandError)?
    }

    /// The result of the files read on the second thread, handed back once.
    final class FileGroup: @unchecked Sendable {
        var result: GroupResult?
    }

    /// Reads the files at `indexes` of `inputs` in turn into a dataset of their own, up to the
    /// first that fails; all but the first are scanned by `ahead`.
    private func readGroup(
        _ indexes: [Int], of inputs: [(source: Int, file: InputFile)], sources: [SourceConfig], ahead: ScansAhead
    ) -> GroupResult {
        var result = GroupResult(dataset: Dataset(idSpaces: pipeline.idSpaces))
        let zone = ZoneOffsets(zone: pipeline.timeZone)
        // A group of order files (the groups are either that or without any) parses on this
        // thread and makes its lookups on another.
        let readsOrders = indexes.contains { sources[inputs[$0].source].entity == .orders }
        let orderLookups = readsOrders ? OrderLookups(idSpaces: pipeline.idSpaces) : nil
        // Per file, the bytes of it and of the group's later files of the same entity: the
        // tables make room for all of them at once.
        var bytesAhead = [Int](repeating: 0, count: indexes.count)
        var entityBytes: [Entity: Int] = [:]
        for (position, index) in indexes.enumerated().reversed() {
            let entity = sources[inputs[index].source].entity
            entityBytes[entity, default: 0] += FileBytes.size(of: inputs[index].file.openPath)
            bytesAhead[position] = entityBytes[entity]!
        }
        for (position, index) in indexes.enumerated() {
            let (sourceIndex, file) = inputs[index]
            var report = InputFileReport(source: sourceIndex, path: file.outputPath)
            do {
                let scan = index == indexes.first ? nil : try ahead.scan(index)
                try read(
                    file, source: sources[sourceIndex], sourceIndex: sourceIndex, fileIndex: index, scan: scan, zone: zone,
                    bytesAhead: bytesAhead[position], report: &report, into: &result.dataset, orderLookups: orderLookups)
            } catch {
                result.failure = (index, error)
                break
            }
            result.reports.append((index, report))
        }
        if let orderLookups {
            // The order rows' customer keys are the only keys of this group.
            (result.dataset.orders, result.dataset.keys) = orderLookups.finish()
            result.dataset.orders.keepWinners(through: asOf)
        }
        return result
    }

    private func read(
        _ file: InputFile, source: SourceConfig, sourceIndex: Int, fileIndex: Int, scan: FileScan?, zone: ZoneOffsets,
        bytesAhead: Int, report: inout InputFileReport, into dataset: inout Dataset, orderLookups: OrderLookups?
    ) throws(BestandError) {
        let digest = FileDigest(path: file.openPath, displayPath: file.displayPath)
        let (reader, columns) = try Ingest.openTable(file, source: source, report: &report, scan: scan)
        var rows = RowReader(
            reader: reader, columns: columns, source: source, sourceIndex: sourceIndex, fileIndex: fileIndex,
            idSpace: UInt16(pipeline.idSpaces.firstIndex(of: source.idSpace)!), asOf: asOf,
            dates: DateParser(zone: zone),
            amounts: AmountParser(
                decimalSeparator: source.decimalSeparator
                    ?? (reader.delimiter == UInt8(ascii: ";") ? UInt8(ascii: ",") : UInt8(ascii: "."))),
            cancelled: pipeline.settings.cancelledStatuses.map { Array($0.lowercased().utf8) },
            prospectTypes: pipeline.settings.prospectInteractionTypes.map { Array($0.lowercased().utf8) },
            header: report.header, bytesAhead: bytesAhead, record: reader.record)
        try rows.readAll(into: &dataset, orderLookups: orderLookups, report: &report)
        report.sha256 = try digest.wait()
    }
}
