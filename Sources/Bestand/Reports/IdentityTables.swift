/// customer_keys.csv and merges.csv: which master every key belongs to, and why (SPEC §7).
package enum IdentityTables {
    package static let keysHeader = ["key", "id_space", "customer_id", "master_id"]
    package static let mergesHeader = ["master_id", "key_a", "key_b", "rule", "score"]

    /// Every customer key with its master, in key text byte order.
    package static func keys(_ base: CustomerBase, streamingTo file: OutputFile? = nil) -> CSVWriter {
        var writer = CSVWriter(header: keysHeader, streamingTo: file)
        let keys = base.dataset.keys
        let listed = (0..<Int32(keys.count)).filter { base.masterOfKey[Int($0)] >= 0 }
            .map { (id: $0, text: keys.text(of: $0)) }
            .sorted { Text.bytesPrecede($0.text, $1.text) }
        for (id, text) in listed {
            writer.text(text)
            writer.text(keys.idSpaces[keys.idSpaceIndex(of: id)])
            writer.text(keys.customerId(of: id))
            writer.text(base.masterId[Int(base.masterOfKey[Int(id)])])
            writer.endRow()
        }
        return writer
    }

    /// Every link that merged two keys, ordered by master_id, key_a, key_b.
    package static func merges(_ base: CustomerBase, streamingTo file: OutputFile? = nil) -> CSVWriter {
        var writer = CSVWriter(header: mergesHeader, streamingTo: file)
        let keys = base.dataset.keys
        let rows = base.merges.map { merge -> (master: String, a: String, b: String, merge: Merge) in
            (base.masterId[Int(base.masterOfKey[Int(merge.keyA)])], keys.text(of: merge.keyA), keys.text(of: merge.keyB), merge)
        }.sorted {
            if $0.master != $1.master { return Text.bytesPrecede($0.master, $1.master) }
            if $0.a != $1.a { return Text.bytesPrecede($0.a, $1.a) }
            return Text.bytesPrecede($0.b, $1.b)
        }
        for row in rows {
            writer.text(row.master)
            writer.text(row.a)
            writer.text(row.b)
            writer.text(row.merge.rule)
            writer.number(Decimal.fixed(row.merge.score, decimals: 4))
            writer.endRow()
        }
        return writer
    }
}
