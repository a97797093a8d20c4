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
}

/// Customer records, one row per accepted customer line (struct of arrays).
package struct CustomerTable: Sendable {
    package var key: [Int32] = []
    package var name: [String] = []
    package var email: [String] = []
    package var phone: [String] = []
    package var street: [String] = []
    package var postcode: [String] = []
    package var city: [String] = []
    package var country: [String] = []
    package var createdAt: [Int32] = []
    package var vatId: [String] = []
    package var birthDate: [Int32] = []
    package var origin: [RowOrigin] = []

    package var count: Int { key.count }
}

/// Order lines as read (before order-id deduplication). The table that grows with the input,
/// so it holds 21 bytes a row: no order id (only which earlier row an id repeats) and no origin
/// (repeats are counted, not listed).
package struct OrderTable: Sendable {
    package var customer: [Int32] = []
    package var date: [Int32] = []
    package var amount: [Int64] = []
    package var cancelled: [Bool] = []
    /// The latest earlier row with the same id space and `order_id`, or -1 (see `OrderIdIndex`).
    package var replaces: [Int32] = []

    package var count: Int { customer.count }

    /// Makes room for `additional` more rows without regrowing (pages are touched only when used).
    mutating func reserve(_ additional: Int) {
        // At least doubling, so that many files in a row cost no repeated copies.
        guard count + additional > customer.capacity else { return }
        let capacity = max(count + additional, 2 * customer.capacity)
        customer.reserveCapacity(capacity)
        date.reserveCapacity(capacity)
        amount.reserveCapacity(capacity)
        cancelled.reserveCapacity(capacity)
        replaces.reserveCapacity(capacity)
    }
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

    package mutating func append(campaign: Int32, customer: Int32, date: Int32, origin: RowOrigin) {
        self.campaign.append(campaign)
        self.customer.append(customer)
        self.date.append(date)
        self.origin.append(origin)
    }
}
