import Testing

@testable import Bestand

@Suite struct OrderDeduplicationTests {
    /// Orders with ids and customers as given, all hashes forced to `hash` when set.
    static func table(_ ids: [String], forcedHash: UInt64? = nil, amounts: [Int64]? = nil) -> (OrderTable, OrderIds) {
        var orders = OrderTable()
        var store = OrderIds()
        for (row, id) in ids.enumerated() {
            var text = id
            let hash = text.withUTF8 { store.append($0, tag: 0) }
            orders.orderIdHash.append(forcedHash ?? hash)
            orders.customer.append(0)
            orders.date.append(100)
            orders.amount.append(amounts?[row] ?? 1000)
            orders.cancelled.append(false)
            orders.origin.append(RowOrigin(file: 0, line: Int32(row + 2)))
        }
        return (orders, store)
    }

    @Test func lastOccurrenceWinsAndRepeatsAreCounted() {
        // A, B, A (same content), C, A (other amount): winners B, C and the last A.
        let (orders, ids) = Self.table(["A", "B", "A", "C", "A"], amounts: [1000, 1000, 1000, 1000, 2000])
        let (winners, repeats) = Deduplicate.deduplicateOrders(orders, ids: ids)
        #expect(winners == [1, 3, 4])
        #expect(repeats == OrderRepeats(identical: 1, conflicting: 1))
    }

    @Test func equalHashesOfDifferentIdsStayApart() {
        // Every row gets the same hash: only the byte comparison tells the ids apart.
        let (orders, ids) = Self.table(["A", "B", "A", "AB", "B"], forcedHash: 7)
        let (winners, repeats) = Deduplicate.deduplicateOrders(orders, ids: ids)
        #expect(winners == [2, 3, 4])
        #expect(repeats == OrderRepeats(identical: 2, conflicting: 0))
    }

    @Test func radixSortOrdersByHashThenRow() {
        let hashes: [UInt64] = [5, 1 << 40, 5, 0, UInt64.max, 1 << 40]
        #expect(OrderIds.rowsByHash(hashes) == [3, 0, 2, 1, 5, 4])
    }
}
