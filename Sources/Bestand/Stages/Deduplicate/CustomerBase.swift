/// Master customers and the orders that count, as deduplicate leaves them for enrich.
package struct CustomerBase: Sendable {
    package var dataset: Dataset
    /// Master index per customer key id; `-1` for keys that are not customers (referenced only
    /// by rows dated after the as-of date).
    package var masterOfKey: [Int32]
    /// Per master: its id (the smallest member key's text), member count and golden record.
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
    /// The rule and, in brackets, the fields that agreed: `phone_name [phone, name 0.93]`.
    package var rule: String
    package var score: Double

    package init(keyA: Int32, keyB: Int32, rule: String, score: Double, fields: String) {
        self.keyA = keyA
        self.keyB = keyB
        self.rule = rule + " [" + fields + "]"
        self.score = score
    }
}
