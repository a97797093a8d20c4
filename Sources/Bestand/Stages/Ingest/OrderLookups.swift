import Foundation

/// The second half of reading order files, on a thread of its own: the thread that parses a
/// file hands over batches of parsed rows, and this one looks up their customer keys and order
/// ids and appends them to the order table, batch after batch in the order they were read.
///
/// Parsing and lookups then run side by side (the lookups wait on memory, the parsing does not);
/// the table, the keys and the index are the same as when one thread does both. At most
/// `queuedBatches` batches wait, so the parser never runs far ahead.
final class OrderLookups: @unchecked Sendable {
    private var orders = OrderTable()
    private var keys: CustomerKeys
    /// Live only while files are read: each order row learns here which row it repeats.
    private var ids: OrderIds? = OrderIds()
    /// Rows announced by `reserve` for which the hash index has not yet made room.
    private var announcedRows = 0

    private enum Message {
        case rows(PendingOrders, tag: UInt16)
        /// Room for this many more rows (see `reserve`).
        case reserve(Int)
        case stop
    }
    private let condition = NSCondition()
    private var messages: [Message] = []
    /// Emptied batches, handed out again so that their buffers are reused.
    private var spare: [PendingOrders] = []
    private var stopped = false
    private static let queuedBatches = 4

    init(idSpaces: [String]) {
        keys = CustomerKeys(idSpaces: idSpaces)
        Thread { [self] in work() }.start()
    }

    /// An empty batch to fill.
    func emptyBatch() -> PendingOrders {
        condition.lock()
        defer { condition.unlock() }
        return spare.popLast() ?? PendingOrders()
    }

    /// Hands a batch of rows of id space `tag` over; waits while too many are queued.
    func submit(_ batch: PendingOrders, tag: UInt16) {
        send(.rows(batch, tag: tag))
    }

    /// Makes room for `rows` more rows in the table, in turn with the batches; the hash index of
    /// order ids makes room after the next batch, for the share of its ids that it took.
    func reserve(_ rows: Int) {
        send(.reserve(rows))
    }

    /// Waits for every batch handed over, stops the thread and returns the table and the keys
    /// it interned. The index is freed.
    func finish() -> (OrderTable, CustomerKeys) {
        send(.stop)
        condition.lock()
        while !stopped { condition.wait() }
        condition.unlock()
        // Moved out, not shared: the caller then changes them without copying.
        var table = OrderTable()
        swap(&table, &orders)
        var interned = CustomerKeys(idSpaces: keys.idSpaces)
        swap(&interned, &keys)
        return (table, interned)
    }

    private func send(_ message: Message) {
        condition.lock()
        while messages.count >= Self.queuedBatches { condition.wait() }
        messages.append(message)
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while messages.isEmpty { condition.wait() }
            let message = messages.removeFirst()
            condition.broadcast()
            condition.unlock()
            switch message {
            case .rows(var batch, let tag):
                let rows = batch.count
                let hashed = batch.flush(into: &orders, keys: &keys, ids: ids!, tag: tag)
                if announcedRows > 0, rows > 0 {
                    // The hash index makes room for the share of the announced rows that the
                    // first batch sent it (none when the ids are numbered).
                    if hashed > 0 { ids!.hashed.reserve(ids!.hashed.count + announcedRows * hashed / rows) }
                    announcedRows = 0
                }
                condition.lock()
                // Handed on, not shared: the parser then refills its buffers without copying.
                spare.append(consume batch)
                condition.unlock()
            case .reserve(let rows):
                orders.reserve(rows)
                announcedRows += rows
            case .stop:
                ids = nil
                condition.lock()
                stopped = true
                condition.broadcast()
                condition.unlock()
                return
            }
        }
    }
}
