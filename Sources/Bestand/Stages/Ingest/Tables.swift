/// Where a row came from: the input file (index into the run's file list) and its 1-based line.
package struct RowOrigin: Hashable, Sendable {
    package var file: Int32
    package var line: Int32
}

/// Day number meaning "no date" in optional date columns.
package let noDay = Int32.min

/// Customer keys `<id_space>:<customer_id>`, interned to dense ids (tag = id-space index).
package struct CustomerKeys: Sendable {
    package var ids = ByteInterner(capacity: 4096)
    package var idSpaces: [String]

    package var count: Int { ids.count }

    package func idSpaceIndex(of key: Int32) -> Int { Int(ids.tag(of: key)) }
    package func customerId(of key: Int32) -> String { ids.string(key) }
    package func text(of key: Int32) -> String { idSpaces[idSpaceIndex(of: key)] + ":" + ids.string(key) }

    /// Appends the UTF-8 of `text(of: key)` to `bytes`, without a `String` (for tables that
    /// write a key a row).
    package func appendText(of key: Int32, to bytes: inout [UInt8]) {
        var space = idSpaces[idSpaceIndex(of: key)]
        space.withUTF8 { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: ":"))
        ids.withBytes(key) { bytes.append(contentsOf: $0) }
    }
}

/// Customer records, one row per accepted customer line (struct of arrays; the texts as bytes).
package struct CustomerTable: Sendable {
    package var key: [Int32] = []
    package var name = TextColumn()
    package var email = TextColumn()
    package var phone = TextColumn()
    package var street = TextColumn()
    package var postcode = TextColumn()
    package var city = TextColumn()
    package var country = TextColumn()
    package var createdAt: [Int32] = []
    package var vatId = TextColumn()
    package var birthDate: [Int32] = []
    package var origin: [RowOrigin] = []

    package var count: Int { key.count }

    /// Makes room for `additional` more rows read from `fileBytes` more bytes; each text column
    /// takes the bytes that its cells average so far, and a twentieth more, but never more than
    /// the files hold.
    mutating func reserve(_ additional: Int, fileBytes: Int) {
        let total = count + additional
        guard count > 0, total > key.capacity else { return }
        for column in [\CustomerTable.name, \.email, \.phone, \.street, \.postcode, \.city, \.country, \.vatId] {
            let stored = self[keyPath: column].byteCount
            let byteCount = min(stored * total / count * 21 / 20, stored + fileBytes)
            self[keyPath: column].reserve(cells: total, byteCount: byteCount)
        }
        key.reserveCapacity(total)
        createdAt.reserveCapacity(total)
        birthDate.reserveCapacity(total)
        origin.reserveCapacity(total)
    }
}

/// Order lines (struct of arrays). While files are read: every accepted row. After ingest
/// (`keepWinners`): only the rows that count, the winners of order-id deduplication dated on or
/// before the as-of date, with counts of the rest. 13 bytes a row (17 with amounts beyond 32
/// bits): no order id (the index that finds repeats lives only while files are read) and no
/// origin (repeats are counted, not listed).
package struct OrderTable: Sendable {
    package var customer: [Int32] = []
    package var date: [Int32] = []
    package var amount = AmountColumn()
    package var cancelled: [Bool] = []
    /// One bit per row while files are read: a later row with the same order id replaced it.
    private var replaced: [UInt64] = []
    /// Accepted order rows of all files, before order-id deduplication.
    package internal(set) var acceptedRows = 0
    /// Rows that repeat an earlier row's order id, unchanged or changed.
    package internal(set) var repeats = OrderRepeats()
    /// Orders after deduplication (of any date), and how many of them are cancelled; set by
    /// `keepWinners`.
    package internal(set) var uniqueOrders = 0
    package internal(set) var cancelledOrders = 0

    package var count: Int { customer.count }

    /// Appends an accepted row; `previous` is the latest earlier row with the same id space and
    /// order id (see `OrderIds`), which this row replaces. The repeat is identical when
    /// customer, date, amount and cancellation all agree with the row it replaces.
    mutating func append(customer: Int32, date: Int32, amount: Int64, cancelled: Bool, replacing previous: Int32?) {
        let row = self.customer.count
        if row & 63 == 0 { replaced.append(0) }
        if let previous {
            let earlier = Int(previous)
            replaced[earlier >> 6] |= 1 << UInt64(earlier & 63)
            let same =
                self.customer[earlier] == customer && self.date[earlier] == date && self.amount[earlier] == amount
                && self.cancelled[earlier] == cancelled
            if same { repeats.identical += 1 } else { repeats.conflicting += 1 }
        }
        self.customer.append(customer)
        self.date.append(date)
        self.amount.append(amount)
        self.cancelled.append(cancelled)
        acceptedRows += 1
    }

    /// Whether a later row with the same order id replaced `row` (only before `keepWinners`).
    func isReplaced(_ row: Int) -> Bool { Self.isReplaced(row, in: replaced) }

    @inline(__always)
    private static func isReplaced<Words: RandomAccessCollection<UInt64>>(_ row: Int, in words: Words) -> Bool
    where Words.Index == Int {
        words[row >> 6] & (1 << UInt64(row & 63)) != 0
    }

    /// Keeps the winning rows (the last of each order id, SPEC §4) dated on or before `asOf`,
    /// in file order, and counts all winners. Rows dated later are kept out of every figure, so
    /// they need no memory beyond this point. The rows move forward in their own memory, which
    /// is not given back but not touched again either (reserved room that no row reached was
    /// never resident). O(rows).
    mutating func keepWinners(through asOf: Int32) {
        var kept = 0
        var unique = 0
        var cancelledWinners = 0
        customer.withUnsafeMutableBufferPointer { customer in
            date.withUnsafeMutableBufferPointer { date in
                cancelled.withUnsafeMutableBufferPointer { cancelled in
                    replaced.withUnsafeBufferPointer { replaced in
                        for row in 0..<customer.count where !Self.isReplaced(row, in: replaced) {
                            unique += 1
                            if cancelled[row] { cancelledWinners += 1 }
                            guard date[row] <= asOf else { continue }
                            customer[kept] = customer[row]
                            date[kept] = date[row]
                            amount.copy(from: row, to: kept)
                            cancelled[kept] = cancelled[row]
                            kept += 1
                        }
                    }
                }
            }
        }
        uniqueOrders += unique
        cancelledOrders += cancelledWinners
        replaced = []
        customer.removeSubrange(kept...)
        date.removeSubrange(kept...)
        amount.truncate(to: kept)
        cancelled.removeSubrange(kept...)
    }

    /// Moves the rows out (the counts stay), for enrich, which turns them into its history.
    package mutating func takeRows() -> OrderTable {
        var rows = OrderTable()
        swap(&rows.customer, &customer)
        swap(&rows.date, &date)
        swap(&rows.amount, &amount)
        swap(&rows.cancelled, &cancelled)
        return rows
    }

    /// Makes room for `additional` more rows without regrowing (pages are touched only when used).
    mutating func reserve(_ additional: Int) {
        // At least doubling, so that many files in a row cost no repeated copies.
        guard count + additional > customer.capacity else { return }
        let capacity = max(count + additional, 2 * customer.capacity)
        customer.reserveCapacity(capacity)
        date.reserveCapacity(capacity)
        amount.reserveCapacity(capacity)
        cancelled.reserveCapacity(capacity)
        replaced.reserveCapacity(capacity / 64 + 1)
    }
}

/// Counts of repeated order ids (SPEC §4): the same order exported again unchanged, or changed.
package struct OrderRepeats: Sendable, Equatable {
    package var identical = 0
    package var conflicting = 0
}

/// Interactions (inquiries, quotes, complaints, …) with a flag for prospect types.
package struct InteractionTable: Sendable {
    package var customer: [Int32] = []
    package var date: [Int32] = []
    package var isProspect: [Bool] = []
    package var origin: [RowOrigin] = []

    package var count: Int { customer.count }
}

/// Campaign events: sends (contacts) or responses; `campaign` indexes the run's campaign ids.
package struct CampaignEventTable: Sendable {
    package var campaign: [Int32] = []
    package var customer: [Int32] = []
    package var date: [Int32] = []
    package var origin: [RowOrigin] = []

    package var count: Int { customer.count }

    /// Makes room for `additional` more rows.
    mutating func reserve(_ additional: Int) {
        let total = count + additional
        guard total > customer.capacity else { return }
        campaign.reserveCapacity(total)
        customer.reserveCapacity(total)
        date.reserveCapacity(total)
        origin.reserveCapacity(total)
    }

    package mutating func append(campaign: Int32, customer: Int32, date: Int32, origin: RowOrigin) {
        self.campaign.append(campaign)
        self.customer.append(customer)
        self.date.append(date)
        self.origin.append(origin)
    }
}
