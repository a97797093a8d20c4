import Testing

@testable import Bestand

@Suite struct OrderDeduplicationTests {
    /// Orders with the given ids (id space 0), each looked up in an index as ingest does.
    static func table(_ ids: [String], amounts: [Int64]? = nil, fingerprintBits: Int = 24) -> OrderTable {
        var orders = OrderTable()
        let index = OrderIdIndex(capacity: 4, fingerprintBits: fingerprintBits)
        for (row, id) in ids.enumerated() {
            var text = id
            let previous = text.withUTF8 { index.replace($0, tag: 0, row: Int32(row)) }
            orders.replaces.append(previous ?? -1)
            orders.customer.append(0)
            orders.date.append(100)
            orders.amount.append(amounts?[row] ?? 1000)
            orders.cancelled.append(false)
        }
        return orders
    }

    @Test func lastOccurrenceWinsAndRepeatsAreCounted() {
        // A, B, A (same content), C, A (other amount): winners B, C and the last A.
        let orders = Self.table(["A", "B", "A", "C", "A"], amounts: [1000, 1000, 1000, 1000, 2000])
        #expect(orders.replaces == [-1, -1, 0, -1, 2])
        let (winners, repeats) = Deduplicate.deduplicateOrders(orders)
        #expect(winners == [1, 3, 4])
        #expect(repeats == OrderRepeats(identical: 1, conflicting: 1))
    }

    @Test func equalFingerprintsOfDifferentIdsStayApart() {
        // No fingerprint bits: every probe compares the bytes, which alone tell the ids apart.
        let orders = Self.table(["A", "B", "A", "AB", "B", ""], fingerprintBits: 0)
        #expect(orders.replaces == [-1, -1, 0, -1, 1, -1])
        let (winners, repeats) = Deduplicate.deduplicateOrders(orders)
        #expect(winners == [2, 3, 4, 5])
        #expect(repeats == OrderRepeats(identical: 2, conflicting: 0))
    }

    @Test func idSpacesKeepEqualIdsApart() {
        let index = OrderIdIndex()
        var id = "4711"
        #expect(id.withUTF8 { index.replace($0, tag: 0, row: 0) } == nil)
        #expect(id.withUTF8 { index.replace($0, tag: 1, row: 1) } == nil)
        #expect(id.withUTF8 { index.replace($0, tag: 0, row: 2) } == 0)
        #expect(id.withUTF8 { index.replace($0, tag: 1, row: 3) } == 1)
    }

    /// Through many growths, with long ids (multi-byte lengths) and few fingerprint bits: the
    /// index answers like a dictionary of the latest row per id.
    @Test(arguments: [24, 2]) func indexAgreesWithADictionary(fingerprintBits: Int) {
        var random = SeededRandom(seed: 11)
        let index = OrderIdIndex(capacity: 1, fingerprintBits: fingerprintBits)
        var latest: [String: Int32] = [:]
        for row in 0..<30_000 {
            let number = random.below(12_000)
            var id = number % 97 == 0 ? String(repeating: "x", count: 150 + number % 300) + "\(number)" : "A-\(number)"
            let expected = latest[id]
            let found = id.withUTF8 { index.replace($0, tag: UInt16(number % 3), row: Int32(row)) }
            // The tag is a function of the id here, so the dictionary key needs only the id.
            #expect(found == expected)
            latest[id] = Int32(row)
        }
        #expect(index.count == latest.count)
    }

    /// Through ingest, in batches of lookups: 1,000 rows over 150 ids and 40 customers, repeats
    /// far apart and within one batch, a rejected row in between. Each row must name the latest
    /// earlier row of its id, and carry its own customer, as a dictionary of the rows says.
    @Test func ingestLooksUpEveryRowInOrder() throws {
        var random = SeededRandom(seed: 5)
        var lines = ["order_id,customer_id,order_date,amount"]
        var expectedReplaces: [Int32] = []
        var expectedCustomers: [String] = []
        var latest: [String: Int32] = [:]
        for line in 0..<1_000 {
            if line == 500 {
                lines.append("B-1,C1,not a date,1.00")
                continue
            }
            let id = "B-\(random.below(150))"
            let customer = "C\(random.below(40))"
            lines.append("\(id),\(customer),2025-01-02,1.00")
            let row = Int32(expectedReplaces.count)
            expectedReplaces.append(latest[id] ?? -1)
            expectedCustomers.append(customer)
            latest[id] = row
        }
        let folder = TemporaryFolder()
        folder.write("orders.csv", lines.joined(separator: "\n") + "\n")
        let data = try ingest(makePipeline(folder: folder.path, sources: [source("shop", .orders, "orders.csv")]))
        #expect(data.rejects.map(\.line) == [502])
        #expect(data.orders.replaces == expectedReplaces)
        #expect(data.orders.customer.map { data.keys.customerId(of: $0) } == expectedCustomers)
    }
}
