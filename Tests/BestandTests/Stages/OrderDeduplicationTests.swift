import Testing

@testable import Bestand

extension OrderIdIndex {
    /// `replace`, hashing the id here.
    func replace(_ id: UnsafeBufferPointer<UInt8>, tag: UInt16, row: Int32) -> Int32? {
        replace(id, tag: tag, row: row, hash: ByteInterner.hash(id, tag: tag))
    }
}

@Suite struct OrderDeduplicationTests {
    /// Orders with the given ids (id space 0, all dated day 100), each looked up in an index as
    /// ingest does; returns which earlier row each row replaced and the table.
    static func table(_ ids: [String], amounts: [Int64]? = nil, fingerprintBits: Int = 24) -> ([Int32], OrderTable) {
        var orders = OrderTable()
        var replaced: [Int32] = []
        let index = OrderIdIndex(capacity: 4, fingerprintBits: fingerprintBits)
        for (row, id) in ids.enumerated() {
            var text = id
            let previous = text.withUTF8 { index.replace($0, tag: 0, row: Int32(row)) }
            replaced.append(previous ?? -1)
            orders.append(customer: 0, date: 100, amount: amounts?[row] ?? 1000, cancelled: false, replacing: previous)
        }
        return (replaced, orders)
    }

    @Test func lastOccurrenceWinsAndRepeatsAreCounted() {
        // A, B, A (same content), C, A (other amount): winners B, C and the last A.
        var (replaced, orders) = Self.table(["A", "B", "A", "C", "A"], amounts: [1000, 1100, 1000, 1200, 2000])
        #expect(replaced == [-1, -1, 0, -1, 2])
        #expect((0..<5).map { orders.isReplaced($0) } == [true, false, true, false, false])
        orders.keepWinners(through: 100)
        #expect(Array(orders.amount) == [1100, 1200, 2000])
        #expect(orders.repeats == OrderRepeats(identical: 1, conflicting: 1))
        #expect(orders.acceptedRows == 5)
        #expect(orders.uniqueOrders == 3)
    }

    @Test func winnersAfterTheAsOfDateAreCountedButNotKept() {
        var orders = OrderTable()
        // Order 1 on day 100, replaced by its repeat on day 200 (after the as-of day 150):
        // the order counts as unique, but no row of it stays. Order 2 is cancelled.
        orders.append(customer: 0, date: 100, amount: 500, cancelled: false, replacing: nil)
        orders.append(customer: 1, date: 120, amount: 700, cancelled: true, replacing: nil)
        orders.append(customer: 0, date: 200, amount: 500, cancelled: false, replacing: 0)
        orders.keepWinners(through: 150)
        #expect(orders.customer == [1])
        #expect(orders.cancelled == [true])
        #expect(orders.uniqueOrders == 2)
        #expect(orders.cancelledOrders == 1)
        #expect(orders.repeats == OrderRepeats(identical: 0, conflicting: 1))
    }

    @Test func equalFingerprintsOfDifferentIdsStayApart() {
        // No fingerprint bits: every probe compares the bytes, which alone tell the ids apart.
        var (replaced, orders) = Self.table(["A", "B", "A", "AB", "B", ""], fingerprintBits: 0)
        #expect(replaced == [-1, -1, 0, -1, 1, -1])
        orders.keepWinners(through: 100)
        #expect(orders.uniqueOrders == 4)
        #expect(orders.repeats == OrderRepeats(identical: 2, conflicting: 0))
    }

    @Test func idSpacesKeepEqualIdsApart() {
        let index = OrderIdIndex()
        var id = "4711"
        #expect(id.withUTF8 { index.replace($0, tag: 0, row: 0) } == nil)
        #expect(id.withUTF8 { index.replace($0, tag: 1, row: 1) } == nil)
        #expect(id.withUTF8 { index.replace($0, tag: 0, row: 2) } == 0)
        #expect(id.withUTF8 { index.replace($0, tag: 1, row: 3) } == 1)
    }

    /// Through many growths, with long ids (multi-byte lengths), few fingerprint bits, and
    /// segments smaller than an id: the index answers like a dictionary of the latest row per id.
    @Test(arguments: [(24, 22), (2, 22), (24, 7), (2, 4)])
    func indexAgreesWithADictionary(fingerprintBits: Int, segmentBits: Int) {
        var random = SeededRandom(seed: 11)
        let index = OrderIdIndex(capacity: 1, fingerprintBits: fingerprintBits, segmentBits: segmentBits)
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
    /// far apart and within one batch, a rejected row in between. The rows that stay must be
    /// the last of each id, in file order with their own customers, and the repeats counted as
    /// a dictionary of the rows says.
    @Test func ingestLooksUpEveryRowInOrder() throws {
        var random = SeededRandom(seed: 5)
        var lines = ["order_id,customer_id,order_date,amount"]
        var rows: [(id: String, customer: String, amount: String)] = []
        var latest: [String: Int] = [:]
        var expected = OrderRepeats()
        for line in 0..<1_000 {
            if line == 500 {
                lines.append("B-1,C1,not a date,1.00")
                continue
            }
            let row = (id: "B-\(random.below(150))", customer: "C\(random.below(40))", amount: random.below(2) == 0 ? "1.00" : "2.00")
            lines.append("\(row.id),\(row.customer),2025-01-02,\(row.amount)")
            if let previous = latest[row.id] {
                if rows[previous].customer == row.customer && rows[previous].amount == row.amount {
                    expected.identical += 1
                } else {
                    expected.conflicting += 1
                }
            }
            latest[row.id] = rows.count
            rows.append(row)
        }
        let winners = rows.indices.filter { latest[rows[$0].id] == $0 }
        let folder = TemporaryFolder()
        folder.write("orders.csv", lines.joined(separator: "\n") + "\n")
        let data = try ingest(makePipeline(folder: folder.path, sources: [source("shop", .orders, "orders.csv")]))
        #expect(data.rejects.map(\.line) == [502])
        #expect(data.orders.customer.map { data.keys.customerId(of: $0) } == winners.map { rows[$0].customer })
        #expect(Array(data.orders.amount) == winners.map { rows[$0].amount == "1.00" ? 100 : 200 })
        #expect(data.orders.repeats == expected)
        #expect(data.orders.acceptedRows == 999)
        #expect(data.orders.uniqueOrders == winners.count)
    }

    /// A numbered id splits into its prefix, its count of trailing digits (1 to 18) and their
    /// number: the count keeps `A-007` and `A-7` apart.
    @Test func numberedIdsSplitIntoPrefixDigitsAndNumber() {
        /// `prefix length/digits/number`, or "-" when the id is not numbered.
        func split(_ id: String) -> String {
            var text = id
            return text.withUTF8 { NumberedIds.split($0) }.map { "\($0.prefix)/\($0.digits)/\($0.number)" } ?? "-"
        }
        #expect(split("A-10639601") == "2/8/10639601")
        #expect(split("K100001") == "1/6/100001")
        #expect(split("4711") == "0/4/4711")
        #expect(split("A-0") == "2/1/0")
        #expect(split("1-2") == "2/1/2")
        #expect(split("A-007") == "2/3/7")
        #expect(split("00") == "0/2/0")
        #expect(split("A-") == "-")
        #expect(split("") == "-")
        #expect(split("A-" + String(repeating: "9", count: 18)) == "2/18/999999999999999999")
        #expect(split("A-1" + String(repeating: "0", count: 18)) == "-")
        #expect(split(String(repeating: "x", count: 32) + "5") == "32/1/5")
        #expect(split(String(repeating: "x", count: 33) + "5") == "-")
    }

    /// The numbered index with a hash table (here a dictionary) for the ids it declines answers
    /// like one dictionary of all ids: numbers near each other (windows that grow both ways) and
    /// far apart (declined), leading zeros, more prefixes than series, two id spaces, other ids.
    @Test(arguments: [1 << 10, 1 << 12])
    func numberedIdsWithAFallbackAgreeWithADictionary(minimumSpan: Int) {
        var random = SeededRandom(seed: 17)
        let index = NumberedIds(minimumSpan: minimumSpan)
        var declined: [String: UInt32] = [:]
        var model: [String: UInt32] = [:]
        var wasDeclined: [String: Bool] = [:]
        for step in 1...40_000 {
            let number = step > 10_000 && random.below(4) == 0 ? random.below(1 << 40) : 50_000 - step / 4 + random.below(100)
            let prefix = ["A-", "B", "", "x1-", "C", "D", "E", "F", "G", "H"][random.below(step < 20_000 ? 3 : 10)]
            let id = random.below(50) == 0 ? prefix + "0\(number)" : random.below(50) == 0 ? "id\(number)x" : prefix + "\(number)"
            let tag = UInt16(random.below(2))
            let key = "\(tag):\(id)"
            var text = id
            let value = UInt32(step)
            let previous: UInt32?
            if let cell = text.withUTF8({ id in NumberedIds.split(id).flatMap { index.cell(id, $0, tag: tag) } }) {
                previous = cell.pointee == 0 ? nil : cell.pointee
                cell.pointee = value
                #expect(wasDeclined[key] != true, "\(key) was declined before")
                wasDeclined[key] = false
            } else {
                previous = declined[key]
                declined[key] = value
                #expect(wasDeclined[key] != false, "\(key) had a cell before")
                wasDeclined[key] = true
            }
            #expect(previous == model[key])
            model[key] = value
        }
        // Both ways carry many ids.
        #expect(declined.count > 1_000 && model.count - declined.count > 1_000)
    }

    /// Through ingest: numbered ids with leading zeros and other counts of digits, numbers too
    /// far apart for one window, and ids of other forms, with customer numbers alike, each id
    /// repeated.
    @Test func ingestKeepsNumberedAndOtherIdsApart() throws {
        // B-10000000 and B-99999999 have as many digits but lie too far apart for one window.
        let ids = ["B-7", "B-007", "B-999999999999", "B-8", "order 1", "B-0", "7", "B-10000000", "B-99999999"]
        let customers = ["K1", "K01", "K1", "K999999999999", "K2", "kunde", "K1", "K10000000", "K99999999"]
        var lines = ["order_id,customer_id,order_date,amount"]
        for (index, id) in ids.enumerated() { lines.append("\(id),\(customers[index]),2025-01-02,\(index + 1).00") }
        // Every id once more, in reverse, with the same customer and another amount.
        for (index, id) in ids.enumerated().reversed() { lines.append("\(id),\(customers[index]),2025-01-02,\(index + 11).00") }
        let folder = TemporaryFolder()
        folder.write("orders.csv", lines.joined(separator: "\n") + "\n")
        let data = try ingest(makePipeline(folder: folder.path, sources: [source("shop", .orders, "orders.csv")]))
        #expect(data.orders.uniqueOrders == ids.count)
        #expect(data.orders.repeats == OrderRepeats(identical: 0, conflicting: ids.count))
        let amounts: [Int64] = (0..<ids.count).reversed().map { Int64($0 + 11) * 100 }
        #expect(Array(data.orders.amount) == amounts)
        #expect(data.orders.customer.map { data.keys.customerId(of: $0) } == customers.reversed())
        #expect(Set(data.orders.customer).count == 7)
    }
}
