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
    package var name: [String]
    package var postcode: [String]
    package var city: [String]
    package var merges: [Merge]
    package var resolution: ResolutionReport

    package var masterCount: Int { masterId.count }
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
