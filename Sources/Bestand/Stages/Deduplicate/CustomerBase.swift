/// Master customers and the orders that count, as deduplicate leaves them for enrich.
package struct CustomerBase: Sendable {
    package var dataset: Dataset
    /// Master index per customer key id; `-1` for keys that are not customers (referenced only
    /// by rows dated after the as-of date).
    package var masterOfKey: [Int32]
    /// Every key id in key order (SPEC §4: id space by declaration, then customer id bytes).
    package var keyOrder: [Int32]
    /// Per master: its smallest member key, that key's text as its id, its member count and
    /// golden record.
    package var masterKey: [Int32]
    package var masterId: [String]
    package var members: [Int]
    /// Per master, the customer-table rows whose name, postcode and city make its golden
    /// record (-1: no member record has one).
    package var nameRow: [Int32]
    package var postcodeRow: [Int32]
    package var cityRow: [Int32]
    package var merges: [Merge]
    package var resolution: ResolutionReport

    package var masterCount: Int { masterId.count }

    /// The golden record's name of master `c` ("" when no member record has one).
    package func name(_ c: Int) -> String { text(dataset.customers.name, nameRow[c]) }
    package func postcode(_ c: Int) -> String { text(dataset.customers.postcode, postcodeRow[c]) }
    package func city(_ c: Int) -> String { text(dataset.customers.city, cityRow[c]) }

    private func text(_ column: TextColumn, _ row: Int32) -> String { row < 0 ? "" : column[Int(row)] }
}

/// A link that merged two customer keys, with the rule and score that made it (merges.csv).
package struct Merge: Sendable {
    package var keyA: Int32
    package var keyB: Int32
    /// The link of a matching rule; nil for an `always_merge` override.
    var link: EntityResolver.Link?

    /// The rule and, in brackets, the fields that agreed: `phone_name [phone, name 0.93]`. Made
    /// when read: a large run merges hundreds of thousands of keys, merges.csv reads each once.
    package var rule: String { link.map { $0.rule.rawValue + " [" + $0.fields + "]" } ?? "always_merge [override]" }
    package var score: Double { link?.score ?? 1 }
}
