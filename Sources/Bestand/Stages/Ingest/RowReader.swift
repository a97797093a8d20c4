/// Turns the records of one file into rows of one entity's table, or into rejects.
struct RowReader {
    let reader: CSVReader
    /// Header index per canonical field of the entity (`-1` when absent).
    let columns: [Int]
    let source: SourceConfig
    let sourceIndex: Int
    let fileIndex: Int
    let idSpace: UInt16
    let asOf: Int32
    let dates: DateParser
    let amounts: AmountParser
    let cancelled: [[UInt8]]
    let prospectTypes: [[UInt8]]
    let header: [String]
    var headerCount: Int { header.count }
    /// The bytes of this file and of the later files of its entity read into the same tables.
    let bytesAhead: Int
    /// The record being read (a snapshot of the reader's current record).
    var record: CSVRecord

    /// Why a row is rejected: a code and a human-readable detail.
    struct Problem: Error {
        var code: String
        var detail: String
    }

    /// Reads every record; order rows go to `orderLookups` (needed for order files only).
    mutating func readAll(
        into dataset: inout Dataset, orderLookups: OrderLookups?, report: inout InputFileReport
    ) throws(BestandError) {
        // After the first rows, room for the rows that the sizes of this file and the later
        // ones of its entity suggest, so that the tables and the id indexes neither copy nor
        // rehash themselves while they grow.
        var sampledBytes = 0
        let sampleRows = 4096
        var pending = orderLookups?.emptyBatch() ?? PendingOrders(reserving: false)
        defer { orderLookups?.submit(pending, tag: idSpace) }
        while try reader.next() {
            record = reader.record
            if isBlank() { continue }
            report.rowsRead += 1
            if report.rowsRead <= sampleRows {
                sampledBytes += reader.recordByteCount + 1
                if report.rowsRead == sampleRows {
                    // An accepted row holds at least a byte per field (delimiters and line
                    // end), which bounds the estimate when the first rows are unusually short.
                    let rowBytes = max(1, sampledBytes / sampleRows)
                    let rows = min(report.bytes / rowBytes * 21 / 20, report.bytes / max(1, headerCount))
                    let rowsAhead = min(bytesAhead / rowBytes * 21 / 20, bytesAhead / max(1, headerCount))
                    reserve(rows, ahead: rowsAhead, in: &dataset, orderLookups: orderLookups)
                }
            }
            do {
                try checkShape()
                let afterAsOf: Bool
                switch source.entity {
                case .customers: afterAsOf = try readCustomer(into: &dataset, report: &report)
                case .orders:
                    afterAsOf = try readOrder(into: &pending)
                    if pending.isFull, let orderLookups {
                        orderLookups.submit(pending, tag: idSpace)
                        pending = orderLookups.emptyBatch()
                    }
                case .interactions: afterAsOf = try readInteraction(into: &dataset)
                case .campaignContacts: afterAsOf = try readCampaignEvent(response: false, into: &dataset)
                case .campaignResponses: afterAsOf = try readCampaignEvent(response: true, into: &dataset)
                }
                report.rowsAccepted += 1
                if afterAsOf { report.afterAsOf += 1 }
            } catch {
                report.rowsRejected += 1
                dataset.rejects.append(
                    Reject(
                        source: sourceIndex, file: fileIndex, line: reader.recordLine,
                        reason: "\(error.code): \(error.detail)", record: reader.recordText(limit: 4096)))
            }
        }
    }

    /// Makes room for about `rows` more rows of this file, or `ahead` of it and the later files
    /// of its entity. The order table makes room file by file, for its index of order ids
    /// takes its room from each file's share of ids to hash.
    private func reserve(_ rows: Int, ahead: Int, in dataset: inout Dataset, orderLookups: OrderLookups?) {
        switch source.entity {
        case .orders: orderLookups?.reserve(rows)
        case .customers:
            dataset.customers.reserve(ahead, fileBytes: bytesAhead)
            dataset.keys.ids.reserve(ahead)
        case .campaignContacts: dataset.contacts.reserve(ahead)
        case .campaignResponses: dataset.responses.reserve(ahead)
        case .interactions: break
        }
    }

    /// A record whose fields are all empty counts as a blank line.
    private func isBlank() -> Bool {
        for index in 0..<record.count where Text.trimmed(record.field(index)).count > 0 { return false }
        return true
    }

    private func checkShape() throws(Problem) {
        if reader.recordHasUnterminatedQuote {
            throw Problem(
                code: "unterminated_quote",
                detail: "a quoted field opened on this line is never closed; the line is rejected and reading goes on with the next one")
        }
        if record.count != headerCount {
            throw Problem(code: "field_count", detail: "expected \(headerCount) fields as in the header, found \(record.count)")
        }
    }

    // MARK: - Fields

    private var origin: RowOrigin { RowOrigin(file: Int32(fileIndex), line: Int32(reader.recordLine)) }

    /// The trimmed bytes of canonical field `index` (empty when the column is absent).
    @inline(__always)
    private func value(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let column = columns[index]
        if column < 0 { return UnsafeBufferPointer(start: nil, count: 0) }
        return Text.trimmed(record.field(column))
    }

    /// `order_date (field 3 "Datum", column 7)`: the canonical field, its position in the
    /// record and the character column where it starts.
    private func describe(_ index: Int) -> String {
        let column = columns[index]
        let location = reader.location(ofField: column)
        return "\(source.entity.fields[index]) (field \(column + 1) \"\(header[column])\", column \(location.column ?? 0))"
    }

    private func required(_ index: Int) throws(Problem) -> UnsafeBufferPointer<UInt8> {
        let bytes = value(index)
        if bytes.count == 0 {
            throw Problem(code: "missing_value", detail: "\(describe(index)) is empty but required")
        }
        return bytes
    }

    private func date(_ index: Int) throws(Problem) -> Int32 {
        let bytes = try required(index)
        switch dates.parse(bytes) {
        case .day(let day): return day
        case .invalid:
            throw Problem(code: "invalid_date", detail: "\(describe(index)): \"\(Text.string(bytes))\" is not a date")
        case .beforeEarliest:
            throw Problem(code: "date_before_1900", detail: "\(describe(index)): \"\(Text.string(bytes))\" lies before 1900-01-01")
        }
    }

    private func optionalDate(_ index: Int, report: inout InputFileReport) -> Int32 {
        let bytes = value(index)
        if bytes.count == 0 { return noDay }
        if case .day(let day) = dates.parse(bytes) { return day }
        report.invalidOptional[source.entity.fields[index], default: 0] += 1
        return noDay
    }

    // MARK: - Entities

    private func readCustomer(into dataset: inout Dataset, report: inout InputFileReport) throws(Problem) -> Bool {
        let id = try required(0)
        let createdAt = optionalDate(8, report: &report)
        let birthDate = optionalDate(10, report: &report)
        dataset.customers.key.append(dataset.keys.ids.intern(id, tag: idSpace))
        dataset.customers.name.append(value(1))
        dataset.customers.email.append(value(2))
        dataset.customers.phone.append(value(3))
        dataset.customers.street.append(value(4))
        dataset.customers.postcode.append(value(5))
        dataset.customers.city.append(value(6))
        dataset.customers.country.append(value(7))
        dataset.customers.createdAt.append(createdAt)
        dataset.customers.vatId.append(value(9))
        dataset.customers.birthDate.append(birthDate)
        dataset.customers.origin.append(origin)
        return false
    }

    private func readOrder(into pending: inout PendingOrders) throws(Problem) -> Bool {
        let orderId = try required(0)
        let customerId = try required(1)
        let day = try date(2)
        let amountBytes = try required(3)
        guard let cents = amounts.parse(amountBytes) else {
            throw Problem(code: "invalid_amount", detail: "\(describe(3)): \"\(Text.string(amountBytes))\" is not an amount")
        }
        let status = value(4)
        pending.append(
            orderId: orderId, customerId: customerId, day: day, cents: cents,
            cancelled: status.count > 0 && Text.matchesAny(status, cancelled))
        return day > asOf
    }

    private func readInteraction(into dataset: inout Dataset) throws(Problem) -> Bool {
        let customerId = try required(0)
        let day = try date(1)
        let type = try required(2)
        dataset.interactions.customer.append(dataset.keys.ids.intern(customerId, tag: idSpace))
        dataset.interactions.date.append(day)
        dataset.interactions.isProspect.append(Text.matchesAny(type, prospectTypes))
        dataset.interactions.origin.append(origin)
        return day > asOf
    }

    private func readCampaignEvent(response: Bool, into dataset: inout Dataset) throws(Problem) -> Bool {
        let campaignId = try required(0)
        let customerId = try required(1)
        let day = try date(2)
        let campaign = dataset.campaigns.intern(campaignId)
        let key = dataset.keys.ids.intern(customerId, tag: idSpace)
        if response {
            dataset.responses.append(campaign: campaign, customer: key, date: day, origin: origin)
        } else {
            dataset.contacts.append(campaign: campaign, customer: key, date: day, origin: origin)
        }
        return day > asOf
    }
}
