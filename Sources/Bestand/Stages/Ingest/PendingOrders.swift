/// Order rows parsed but not yet added to the order table, so that their two lookups (customer
/// key, order id) can be made for a batch at once.
///
/// Numbered ids are found by their number (`NumberedIds`). A hash-table lookup of any other id
/// misses the cache (the tables are far larger than it); made one row at a time, between the
/// parsing of rows, the misses come one after the other. For a batch, `flush` first loads the
/// slot of every hash lookup in a tight loop, where the processor overlaps the misses, and then
/// makes the lookups in row order on cached slots: the same results, row for row, as looking
/// each row up as it is read.
struct PendingOrders {
    /// The order id and customer id bytes of the pending rows, one after the other.
    private var bytes: [UInt8] = []
    private var rows: [Row] = []
    /// Rows handed over at once.
    static let capacity = 4096
    /// Rows whose lookups are made together.
    static let lookupBatch = 64

    private struct Row {
        var orderIdEnd: Int
        var customerIdEnd: Int
        /// The ids taken apart for the numbered indexes (nil: not numbered), and the hashes of
        /// those that are not numbered (a numbered id that the index declines is hashed when it
        /// is looked up).
        var orderIdSplit: NumberedIds.Split?
        var customerIdSplit: NumberedIds.Split?
        var orderIdHash: UInt64 = 0
        var customerIdHash: UInt64 = 0
        var day: Int32
        var cents: Int64
        var cancelled: Bool
    }

    /// An empty batch; `reserving: false` for one that stays empty (files of other entities).
    init(reserving: Bool = true) {
        guard reserving else { return }
        bytes.reserveCapacity(Self.capacity * 32)
        rows.reserveCapacity(Self.capacity)
    }

    var isFull: Bool { rows.count >= Self.capacity }
    var count: Int { rows.count }

    mutating func append(
        orderId: UnsafeBufferPointer<UInt8>, customerId: UnsafeBufferPointer<UInt8>, day: Int32, cents: Int64, cancelled: Bool
    ) {
        bytes.append(contentsOf: orderId)
        let orderIdEnd = bytes.count
        bytes.append(contentsOf: customerId)
        rows.append(Row(orderIdEnd: orderIdEnd, customerIdEnd: bytes.count, day: day, cents: cents, cancelled: cancelled))
    }

    /// Adds the pending rows to the order table, in the order they were read, and empties the
    /// batch; the lookups of `lookupBatch` rows at a time are made together. Returns how many
    /// order ids went to the hash index.
    @discardableResult
    mutating func flush(into orders: inout OrderTable, keys: inout CustomerKeys, ids: OrderIds, tag: UInt16) -> Int {
        var first = 0
        var start = 0
        var hashed = 0
        while first < rows.count {
            let end = min(first + Self.lookupBatch, rows.count)
            start = flush(first..<end, from: start, into: &orders, keys: &keys, ids: ids, tag: tag, hashed: &hashed)
            first = end
        }
        bytes.removeAll(keepingCapacity: true)
        rows.removeAll(keepingCapacity: true)
        return hashed
    }

    /// Looks up and appends `batch` of the rows, whose bytes begin at `start`; returns where the
    /// bytes of the next row begin.
    private mutating func flush(
        _ batch: Range<Int>, from start: Int, into orders: inout OrderTable, keys: inout CustomerKeys,
        ids: OrderIds, tag: UInt16, hashed: inout Int
    ) -> Int {
        bytes.withUnsafeBufferPointer { stored in
            var start = start
            let batchStart = start
            // Hash every id that the numbered indexes will not take and load its first slot:
            // independent loads that overlap.
            var touched: UInt64 = 0
            for index in batch {
                let orderId = UnsafeBufferPointer(rebasing: stored[start..<rows[index].orderIdEnd])
                let customerId = UnsafeBufferPointer(rebasing: stored[rows[index].orderIdEnd..<rows[index].customerIdEnd])
                rows[index].orderIdSplit = NumberedIds.split(orderId)
                if rows[index].orderIdSplit == nil {
                    rows[index].orderIdHash = ByteInterner.hash(orderId, tag: tag)
                    touched ^= ids.hashed.firstSlot(hash: rows[index].orderIdHash)
                }
                rows[index].customerIdSplit = NumberedIds.split(customerId)
                if rows[index].customerIdSplit == nil {
                    rows[index].customerIdHash = ByteInterner.hash(customerId, tag: tag)
                    touched ^= keys.ids.firstSlot(hash: rows[index].customerIdHash)
                }
                start = rows[index].customerIdEnd
            }
            ids.hashed.sink ^= touched
            // The lookups themselves, in row order.
            start = batchStart
            for row in rows[batch] {
                let orderId = UnsafeBufferPointer(rebasing: stored[start..<row.orderIdEnd])
                let customerId = UnsafeBufferPointer(rebasing: stored[row.orderIdEnd..<row.customerIdEnd])
                let next = Int32(orders.count)
                // Numbered customer ids go through the interner's index by number, the others are hashed.
                let customer =
                    row.customerIdSplit == nil
                    ? keys.ids.intern(customerId, tag: tag, hash: row.customerIdHash)
                    : keys.ids.intern(customerId, tag: tag, split: row.customerIdSplit)
                let replaced: Int32?
                if let split = row.orderIdSplit, let cell = ids.numbered.cell(orderId, split, tag: tag) {
                    replaced = cell.pointee == 0 ? nil : Int32(cell.pointee - 1)
                    cell.pointee = UInt32(next + 1)
                } else {
                    hashed += 1
                    let hash = row.orderIdSplit == nil ? row.orderIdHash : ByteInterner.hash(orderId, tag: tag)
                    replaced = ids.hashed.replace(orderId, tag: tag, row: next, hash: hash)
                }
                orders.append(customer: customer, date: row.day, amount: row.cents, cancelled: row.cancelled, replacing: replaced)
                start = row.customerIdEnd
            }
            return start
        }
    }
}
