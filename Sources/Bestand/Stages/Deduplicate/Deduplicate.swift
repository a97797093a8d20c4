/// Deduplicates orders by order id and groups customer keys into master customers (SPEC §4).
///
/// Orders: within an id space the last occurrence of an order id in file order wins.
/// Customers: entity resolution by the pipeline's rules; when the pipeline leaves the stage
/// out, every key is its own master customer (orders are still deduplicated by id).
package struct Deduplicate: Stage {
    package let asOf: Int32
    /// Whether records may be merged (false when the pipeline leaves the stage out).
    package let resolvesIdentities: Bool
    package var settings = DeduplicationSettings()
    package var phoneCountryCode = "49"

    package init(asOf: Int32, resolvesIdentities: Bool) {
        self.asOf = asOf
        self.resolvesIdentities = resolvesIdentities
    }

    package var name: StageName { .deduplicate }

    package func run(_ dataset: consuming Dataset) throws(BestandError) -> CustomerBase {
        let customerKeys = Self.customerKeys(dataset, asOf: asOf)
        let keyOrder = KeyOrder(dataset.keys)
        var union = UnionFind(count: dataset.keys.count)
        var merges: [Merge] = []
        var report = ResolutionReport()
        if resolvesIdentities {
            let outcome = try EntityResolver(settings: settings, phoneCountryCode: phoneCountryCode)
                .resolve(dataset, overrides: dataset.overrides, keyOrder: keyOrder)
            union = outcome.union
            merges = outcome.keyLinks
            report = outcome.report
        }
        var base = Self.masters(
            dataset, customerKeys: customerKeys, keyOrder: keyOrder, union: &union)
        base.merges = merges.filter { base.masterOfKey[Int($0.keyA)] >= 0 && base.masterOfKey[Int($0.keyB)] >= 0 }
        base.resolution = report
        return base
    }

    package func inputRows(_ input: Dataset) -> Int { input.customers.count + input.orders.acceptedRows }

    package func counts(inputRows: Int, output: CustomerBase) -> StageCounts {
        StageCounts(input: inputRows, output: output.masterCount + output.dataset.orders.uniqueOrders)
    }

    // MARK: - Customers

    /// Which keys are customers: every key with a customer record, and every key named by an
    /// accepted row dated on or before the as-of date (orders: the winning rows, which ingest
    /// kept).
    static func customerKeys(_ dataset: Dataset, asOf: Int32) -> [Bool] {
        var isCustomer = [Bool](repeating: false, count: dataset.keys.count)
        for key in dataset.customers.key { isCustomer[Int(key)] = true }
        for key in dataset.orders.customer { isCustomer[Int(key)] = true }
        for (key, date) in zip(dataset.interactions.customer, dataset.interactions.date) where date <= asOf {
            isCustomer[Int(key)] = true
        }
        for table in [dataset.contacts, dataset.responses] {
            for (key, date) in zip(table.customer, table.date) where date <= asOf { isCustomer[Int(key)] = true }
        }
        return isCustomer
    }

    /// Key order of SPEC §4: id space by first declaration, then customer id as UTF-8 bytes.
    static func keyPrecedes(_ a: Int32, _ b: Int32, in keys: CustomerKeys) -> Bool {
        let spaceA = keys.ids.tag(of: a)
        let spaceB = keys.ids.tag(of: b)
        if spaceA != spaceB { return spaceA < spaceB }
        return keys.ids.precedes(a, b)
    }

    /// Every key's place in the key order of SPEC §4, sorted once so that later orderings
    /// compare integers. O(keys log keys) byte comparisons.
    struct KeyOrder {
        /// Key ids in key order.
        let keys: [Int32]
        /// `rank[key]`: the key's position in `keys`.
        let rank: [Int32]

        init(_ customerKeys: CustomerKeys) {
            keys = (0..<Int32(customerKeys.count)).sorted { keyPrecedes($0, $1, in: customerKeys) }
            var rank = [Int32](repeating: 0, count: keys.count)
            for (position, key) in keys.enumerated() { rank[Int(key)] = Int32(position) }
            self.rank = rank
        }

        func precedes(_ a: Int32, _ b: Int32) -> Bool { rank[Int(a)] < rank[Int(b)] }
    }

    /// One master per cluster of customer keys, in the order of each cluster's smallest key,
    /// which is its master_id. Golden record: for name, postcode and city the first member (key
    /// order; a key's records in file order) with a non-empty value, kept as its row of the
    /// customer table. O(keys log keys).
    static func masters(
        _ dataset: Dataset, customerKeys: [Bool], keyOrder: KeyOrder, union: inout UnionFind
    ) -> CustomerBase {
        let keys = keyOrder.keys.filter { customerKeys[Int($0)] }
        var masterOfKey = [Int32](repeating: -1, count: dataset.keys.count)
        var masterOfRoot = [Int32](repeating: -1, count: dataset.keys.count)
        var masterKey: [Int32] = []
        var masterId: [String] = []
        var members: [Int] = []
        for key in keys {
            let root = Int(union.find(key))
            if masterOfRoot[root] >= 0 {
                let master = masterOfRoot[root]
                masterOfKey[Int(key)] = master
                members[Int(master)] += 1
            } else {
                let master = Int32(masterId.count)
                masterOfRoot[root] = master
                masterOfKey[Int(key)] = master
                masterKey.append(key)
                masterId.append(dataset.keys.text(of: key))
                members.append(1)
            }
        }
        var base = CustomerBase(
            dataset: dataset, masterOfKey: masterOfKey, keyOrder: keyOrder.keys, masterKey: masterKey, masterId: masterId,
            members: members, nameRow: [Int32](repeating: -1, count: masterId.count),
            postcodeRow: [Int32](repeating: -1, count: masterId.count), cityRow: [Int32](repeating: -1, count: masterId.count),
            merges: [], resolution: ResolutionReport())
        // Records of each key in file order (a counting sort by key), then keys in key order.
        var firstRow = [Int32](repeating: 0, count: dataset.keys.count + 1)
        for key in dataset.customers.key { firstRow[Int(key) + 1] += 1 }
        for key in 0..<dataset.keys.count { firstRow[key + 1] += firstRow[key] }
        var next = firstRow
        var rowsByKey = [Int32](repeating: 0, count: dataset.customers.count)
        for (row, key) in dataset.customers.key.enumerated() {
            rowsByKey[Int(next[Int(key)])] = Int32(row)
            next[Int(key)] += 1
        }
        let customers = dataset.customers
        for key in keys {
            let master = Int(masterOfKey[Int(key)])
            for index in Int(firstRow[Int(key)])..<Int(firstRow[Int(key) + 1]) {
                let row = rowsByKey[index]
                if base.nameRow[master] < 0, !customers.name.isEmpty(at: Int(row)) { base.nameRow[master] = row }
                if base.postcodeRow[master] < 0, !customers.postcode.isEmpty(at: Int(row)) { base.postcodeRow[master] = row }
                if base.cityRow[master] < 0, !customers.city.isEmpty(at: Int(row)) { base.cityRow[master] = row }
            }
        }
        return base
    }
}

extension CustomerBase {
    /// Every key id in the byte order of its text `<id_space>:<customer_id>`, from the key order
    /// without comparing texts. Within an id space both orders compare the customer ids' bytes.
    /// Keys of two spaces whose names hold no ":" are told apart by `<id_space>:` alone (where
    /// one name is a prefix of the other, its ":" meets another byte), so the spaces follow in
    /// the byte order of that prefix. Names with a ":" have their texts sorted. O(keys).
    package func keysInTextOrder() -> [Int32] {
        let keys = dataset.keys
        guard !keys.idSpaces.contains(where: { $0.contains(":") }) else {
            let texts = (0..<Int32(keys.count)).map { keys.text(of: $0) }
            // Positions are sorted, not the texts: moving 4 bytes a swap instead of a string.
            return (0..<Int32(keys.count)).sorted { Text.bytesPrecede(texts[Int($0)], texts[Int($1)]) }
        }
        // The key order holds each space's keys in one run, the spaces in declaration order.
        var runs = [Range<Int>](repeating: 0..<0, count: keys.idSpaces.count)
        var start = 0
        while start < keyOrder.count {
            let space = keys.idSpaceIndex(of: keyOrder[start])
            var end = start + 1
            while end < keyOrder.count, keys.idSpaceIndex(of: keyOrder[end]) == space { end += 1 }
            runs[space] = start..<end
            start = end
        }
        let prefixes = keys.idSpaces.map { Array(($0 + ":").utf8) }
        var order: [Int32] = []
        order.reserveCapacity(keyOrder.count)
        for space in prefixes.indices.sorted(by: { prefixes[$0].lexicographicallyPrecedes(prefixes[$1]) }) {
            order += keyOrder[runs[space]]
        }
        return order
    }

    /// The masters in master_id byte order: those of the keys in text order whose master they
    /// name (a master's id is its smallest key's text). O(keys).
    package func mastersInIdOrder() -> [Int32] {
        var order: [Int32] = []
        order.reserveCapacity(masterCount)
        for key in keysInTextOrder() {
            let master = masterOfKey[Int(key)]
            if master >= 0, masterKey[Int(master)] == key { order.append(master) }
        }
        return order
    }
}
