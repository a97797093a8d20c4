/// customers.csv: one row per master customer, in master_id order (SPEC §7).
package enum CustomersTable {
    package static let header = [
        "master_id", "members", "name", "postcode", "city", "stage", "activity", "abc", "r", "f", "m", "purchases",
        "first_purchase", "last_purchase", "days_since_last", "revenue_total", "revenue_12m",
    ]

    package static func render(_ profiles: CustomerProfiles, streamingTo file: OutputFile? = nil) -> CSVWriter {
        render(profiles, rows: profiles.byMasterId.indices, streamingTo: file)
    }

    /// The header and the rows at `rows` of master_id order.
    package static func render(_ profiles: CustomerProfiles, rows: Range<Int>, streamingTo file: OutputFile? = nil) -> CSVWriter {
        var writer = CSVWriter(header: header, streamingTo: file)
        append(profiles, rows: rows, to: &writer)
        return writer
    }

    /// The rows at `rows` of master_id order without the header: a later part of the table,
    /// rendered apart and appended to the first.
    package static func laterRows(_ profiles: CustomerProfiles, _ rows: Range<Int>) -> CSVWriter {
        var writer = CSVWriter()
        append(profiles, rows: rows, to: &writer)
        return writer
    }

    private static func append(_ profiles: CustomerProfiles, rows: Range<Int>, to writer: inout CSVWriter) {
        let base = profiles.base
        let history = profiles.history
        for master in profiles.byMasterId[rows] {
            let c = Int(master)
            let buyer = history.purchaseCount(c) > 0
            writer.text(base.masterId[c])
            writer.integer(base.members[c])
            if let key = base.dataset.pseudonymKey {
                writer.text(pseudonym(base.name(c), key: key))
            } else {
                writer.text(base.dataset.customers.name, row: base.nameRow[c])
            }
            writer.text(base.dataset.customers.postcode, row: base.postcodeRow[c])
            writer.text(base.dataset.customers.city, row: base.cityRow[c])
            writer.number(profiles.stage[c].label)
            writer.number(profiles.activity[c].rawValue)
            writer.number(profiles.abc[c]?.label ?? "")
            writer.integer(buyer ? Int(profiles.recency[c]) : nil)
            writer.integer(buyer ? Int(profiles.frequency[c]) : nil)
            writer.integer(buyer ? Int(profiles.monetary[c]) : nil)
            writer.integer(history.purchaseCount(c))
            writer.date(history.purchaseDay(c, 0))
            writer.date(history.lastPurchase(c))
            writer.integer(history.lastPurchase(c).map { Int(profiles.asOf - $0) })
            writer.money(profiles.revenueTotal[c])
            writer.money(profiles.revenue12Months[c])
            writer.endRow()
        }
    }

    /// `p-` and the first 16 hex digits of HMAC-SHA256(key, name); empty names stay empty.
    package static func pseudonym(_ name: String, key: [UInt8]) -> String {
        guard !name.isEmpty else { return "" }
        return "p-" + SHA256.hexDigest(HMAC.sha256(key: key, message: Array(name.utf8))).prefix(16)
    }
}
