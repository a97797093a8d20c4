/// customer_keys.csv and merges.csv: which master every key belongs to, and why (SPEC §7).
package enum IdentityTables {
    package static let keysHeader = ["key", "id_space", "customer_id", "master_id"]
    package static let mergesHeader = ["master_id", "key_a", "key_b", "rule", "score"]

    /// Every customer key with its master, in key text byte order.
    package static func keys(_ base: CustomerBase, streamingTo file: OutputFile? = nil) -> CSVWriter {
        var writer = CSVWriter(header: keysHeader, streamingTo: file)
        let keys = base.dataset.keys
        // The key's text is put together in one buffer, not a string a row.
        var key: [UInt8] = []
        for id in base.keysInTextOrder() where base.masterOfKey[Int(id)] >= 0 {
            writer.key(id, of: keys, buffer: &key)
            writer.text(keys.idSpaces[keys.idSpaceIndex(of: id)])
            keys.ids.withBytes(id) { writer.text(utf8: $0) }
            writer.text(base.masterId[Int(base.masterOfKey[Int(id)])])
            writer.endRow()
        }
        return writer
    }

    /// Every link that merged two keys, ordered by master_id, key_a, key_b.
    package static func merges(_ base: CustomerBase, streamingTo file: OutputFile? = nil) -> CSVWriter {
        var writer = CSVWriter(header: mergesHeader, streamingTo: file)
        let keys = base.dataset.keys
        // master_id, key_a and key_b compare as the bytes of their texts, that is as the places
        // of their keys in key text order: positions are sorted by those integers, not by texts.
        var place = [Int32](repeating: 0, count: keys.count)
        for (position, key) in base.keysInTextOrder().enumerated() { place[Int(key)] = Int32(position) }
        let sortKeys = base.merges.map { merge in
            let master = base.masterKey[Int(base.masterOfKey[Int(merge.keyA)])]
            return (UInt64(UInt32(place[Int(master)])) << 32 | UInt64(UInt32(place[Int(merge.keyA)])), place[Int(merge.keyB)])
        }
        let order = (0..<Int32(sortKeys.count)).sorted { x, y in
            let (a, b) = (sortKeys[Int(x)], sortKeys[Int(y)])
            return a.0 != b.0 ? a.0 < b.0 : a.1 != b.1 ? a.1 < b.1 : x < y
        }
        var key: [UInt8] = []
        for position in order {
            let merge = base.merges[Int(position)]
            writer.text(base.masterId[Int(base.masterOfKey[Int(merge.keyA)])])
            writer.key(merge.keyA, of: keys, buffer: &key)
            writer.key(merge.keyB, of: keys, buffer: &key)
            writer.text(merge.rule)
            writer.number(Decimal.fixed(merge.score, decimals: 4))
            writer.endRow()
        }
        return writer
    }
}

extension CSVWriter {
    /// Appends the text of customer key `key` as a cell, put together in `buffer`.
    fileprivate mutating func key(_ key: Int32, of keys: CustomerKeys, buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        keys.appendText(of: key, to: &buffer)
        buffer.withUnsafeBufferPointer { text(utf8: $0) }
    }
}
