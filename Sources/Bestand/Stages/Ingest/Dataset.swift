/// Everything ingest read: typed tables, the interned ids, per-file reports and rejects.
package struct Dataset: Sendable {
    package var keys: CustomerKeys
    package var campaigns = ByteInterner(capacity: 64)
    package var customers = CustomerTable()
    package var orders = OrderTable()
    package var interactions = InteractionTable()
    package var contacts = CampaignEventTable()
    package var responses = CampaignEventTable()
    package var files: [InputFileReport] = []
    package var rejects: [Reject] = []
    /// The user's always_merge / never_merge corrections for deduplicate.
    package var overrides: [Override] = []
    /// The pseudonymisation key, when the pipeline asks for pseudonyms.
    package var pseudonymKey: [UInt8]?
    /// Override rows skipped because they name a key that no input has.
    package var unknownOverrideKeys = 0

    package init(idSpaces: [String]) {
        keys = CustomerKeys(idSpaces: idSpaces)
    }

    package var rowsRead: Int { files.reduce(0) { $0 + $1.rowsRead } }
    package var rowsAccepted: Int { files.reduce(0) { $0 + $1.rowsAccepted } }

    /// Takes over the orders and rejects of a dataset that read the order files while this
    /// one read all others: its customer keys are interned here and its rows renamed to them.
    /// O(keys + rows).
    mutating func takeOrders(of other: consuming Dataset) {
        precondition(orders.count == 0, "order files are read on one side only")
        var renamed = [Int32](repeating: 0, count: other.keys.count)
        for key in 0..<Int32(other.keys.count) {
            renamed[Int(key)] = other.keys.ids.withBytes(key) { keys.ids.intern($0, tag: other.keys.ids.tag(of: key)) }
        }
        swap(&orders, &other.orders)
        orders.customer.withUnsafeMutableBufferPointer { customers in
            for row in customers.indices { customers[row] = renamed[Int(customers[row])] }
        }
        rejects += other.rejects
    }
}
