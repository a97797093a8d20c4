/// Order rows parsed but not yet added to the order table, so that their two hash-table
/// lookups (customer key, order id) can be made for a batch at once.
///
/// Each lookup misses the cache (the tables are far larger than it). Made one row at a time,
/// between the parsing of rows, the misses come one after the other. For a batch, `flush`
/// first loads the slot of every lookup in a tight loop, where the processor overlaps the
/// misses, and then makes the lookups in row order on cached slots: the same results, row for
/// row, as looking each row up as it is read.
struct PendingOrders {
    /// The order id and customer id bytes of the pending rows, one after the other.
    private var bytes: [UInt8] = []
    private var rows: [Row] = []
    static let batchSize = 64

    private struct Row {
        var orderIdEnd: Int
        var customerIdEnd: Int
        var orderIdHash: UInt64 = 0
        var customerIdHash: UInt64 = 0
        var day: Int32
        var cents: Int64
        var cancelled: Bool
    }

    init() {
        bytes.reserveCapacity(Self.batchSize * 32)
        rows.reserveCapacity(Self.batchSize)
    }

    var isFull: Bool { rows.count >= Self.batchSize }

    mutating func append(
        orderId: UnsafeBufferPointer<UInt8>, customerId: UnsafeBufferPointer<UInt8>, day: Int32, cents: Int64, cancelled: Bool
    ) {
        bytes.append(contentsOf: orderId)
        let orderIdEnd = bytes.count
        bytes.append(contentsOf: customerId)
        rows.append(Row(orderIdEnd: orderIdEnd, customerIdEnd: bytes.count, day: day, cents: cents, cancelled: cancelled))
    }

    /// Adds the pending rows to the order table, in the order they were read, and empties the batch.
    mutating func flush(into dataset: inout Dataset, orderIds: OrderIdIndex, tag: UInt16) {
        guard !rows.isEmpty else { return }
        bytes.withUnsafeBufferPointer { stored in
            var start = 0
            // Hash every id and load its first slot: independent loads that overlap.
            var touched: UInt64 = 0
            for index in rows.indices {
                let orderId = UnsafeBufferPointer(rebasing: stored[start..<rows[index].orderIdEnd])
                let customerId = UnsafeBufferPointer(rebasing: stored[rows[index].orderIdEnd..<rows[index].customerIdEnd])
                rows[index].orderIdHash = ByteInterner.hash(orderId, tag: tag)
                rows[index].customerIdHash = ByteInterner.hash(customerId, tag: tag)
                touched ^= orderIds.firstSlot(hash: rows[index].orderIdHash)
                touched ^= dataset.keys.ids.firstSlot(hash: rows[index].customerIdHash)
                start = rows[index].customerIdEnd
            }
            orderIds.sink ^= touched
            // The lookups themselves, in row order.
            start = 0
            for row in rows {
                let orderId = UnsafeBufferPointer(rebasing: stored[start..<row.orderIdEnd])
                let customerId = UnsafeBufferPointer(rebasing: stored[row.orderIdEnd..<row.customerIdEnd])
                let next = Int32(dataset.orders.count)
                dataset.orders.append(
                    customer: dataset.keys.ids.intern(customerId, tag: tag, hash: row.customerIdHash), date: row.day,
                    amount: row.cents, cancelled: row.cancelled,
                    replacing: orderIds.replace(orderId, tag: tag, row: next, hash: row.orderIdHash))
                start = row.customerIdEnd
            }
        }
        bytes.removeAll(keepingCapacity: true)
        rows.removeAll(keepingCapacity: true)
    }
}
