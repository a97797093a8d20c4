/// customer_keys.csv and merges.csv: which master every key belongs to, and why (SPEC §7).
package enum IdentityTables {
    package static let keysHeader = ["key", "id_space", "customer_id", "master_id"]
    package static let mergesHeader = ["master_id", "key_a", "key_b", "rule", "score"]

    /// Every customer key with its master, in key text byte order.
    package static func keys(_ base: CustomerBase, streamingTo file: OutputFile? = nil) -> CSVWriter {
        var writer = CSVWriter(header: keysHeader, streamingTo: file)
        let keys = base.dataset.keys
        for id in base.keysInTextOrder() where base.masterOfKey[Int(id)] >= 0 {
            writer.text(keys.text(of: id))
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
        let masters = base.merges.map { base.masterId[Int(base.masterOfKey[Int($0.keyA)])] }
        let keysA = base.merges.map { keys.text(of: $0.keyA) }
        let keysB = base.merges.map { keys.text(of: $0.keyB) }
        // Positions are sorted, not the rows, and the columns are compared where they lie.
        let order = (0..<Int32(masters.count)).sorted { x, y in
            let (x, y) = (Int(x), Int(y))
            let byMaster = Text.compareBytes(masters[x], masters[y])
            if byMaster != 0 { return byMaster < 0 }
            let byA = Text.compareBytes(keysA[x], keysA[y])
            return byA != 0 ? byA < 0 : Text.bytesPrecede(keysB[x], keysB[y])
        }
        for position in order {
            let row = Int(position)
            writer.text(masters[row])
            writer.text(keysA[row])
            writer.text(keysB[row])
            writer.text(base.merges[row].rule)
            writer.number(Decimal.fixed(base.merges[row].score, decimals: 4))
            writer.endRow()
        }
        return writer
    }
}
