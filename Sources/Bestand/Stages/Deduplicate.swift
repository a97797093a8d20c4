/// Deduplicates orders by order id and groups customer keys into master customers (SPEC §4).
///
/// Orders: within an id space the last occurrence of an order id in file order wins.
/// Customers: until entity resolution lands, every key is its own master customer, also when
/// the deduplicate stage is left out of a pipeline.
package struct Deduplicate: Stage {
    package let asOf: Int32
    /// Whether records may be merged (false when the pipeline leaves the stage out).
    package let resolvesIdentities: Bool

    package init(asOf: Int32, resolvesIdentities: Bool) {
        self.asOf = asOf
        self.resolvesIdentities = resolvesIdentities
    }

    package var name: StageName { .deduplicate }

    package func run(_ dataset: Dataset) throws(BestandError) -> CustomerBase {
        let (winners, repeats) = Self.deduplicateOrders(dataset.orders, orderIdCount: dataset.orderIds.count)
        let customerKeys = Self.customerKeys(dataset, winningOrders: winners, asOf: asOf)
        return Self.singletonMasters(dataset, customerKeys: customerKeys, winners: winners, repeats: repeats)
    }

    package func counts(input: Dataset, output: CustomerBase) -> StageCounts {
        StageCounts(input: input.customers.count + input.orders.count, output: output.masterCount + output.winningOrders.count)
    }

    // MARK: - Orders

    /// The winning row of every order id (the last one in file order), and the repeat counts.
    /// A repeat is identical when customer, date, amount and cancellation all agree with the
    /// row it replaces. O(rows).
    static func deduplicateOrders(_ orders: OrderTable, orderIdCount: Int) -> ([Int32], OrderRepeats) {
        var lastRow = [Int32](repeating: -1, count: orderIdCount)
        var repeats = OrderRepeats()
        for row in 0..<orders.count {
            let id = Int(orders.orderId[row])
            let previous = Int(lastRow[id])
            if previous >= 0 {
                let same =
                    orders.customer[previous] == orders.customer[row] && orders.date[previous] == orders.date[row]
                    && orders.amount[previous] == orders.amount[row] && orders.cancelled[previous] == orders.cancelled[row]
                if same { repeats.identical += 1 } else { repeats.conflicting += 1 }
            }
            lastRow[id] = Int32(row)
        }
        var winners: [Int32] = []
        winners.reserveCapacity(orderIdCount)
        for row in 0..<orders.count where lastRow[Int(orders.orderId[row])] == Int32(row) {
            winners.append(Int32(row))
        }
        return (winners, repeats)
    }

    // MARK: - Customers

    /// Which keys are customers: every key with a customer record, and every key named by an
    /// accepted row dated on or before the as-of date (orders: the winning rows).
    static func customerKeys(_ dataset: Dataset, winningOrders: [Int32], asOf: Int32) -> [Bool] {
        var isCustomer = [Bool](repeating: false, count: dataset.keys.count)
        for key in dataset.customers.key { isCustomer[Int(key)] = true }
        for row in winningOrders where dataset.orders.date[Int(row)] <= asOf {
            isCustomer[Int(dataset.orders.customer[Int(row)])] = true
        }
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
        return keys.ids.bytes(a).lexicographicallyPrecedes(keys.ids.bytes(b))
    }

    /// One master per customer key, ordered by key; golden fields from the key's first record.
    static func singletonMasters(
        _ dataset: Dataset, customerKeys: [Bool], winners: [Int32], repeats: OrderRepeats
    ) -> CustomerBase {
        let keys = (0..<Int32(dataset.keys.count)).filter { customerKeys[Int($0)] }
            .sorted { keyPrecedes($0, $1, in: dataset.keys) }
        var masterOfKey = [Int32](repeating: -1, count: dataset.keys.count)
        for (master, key) in keys.enumerated() { masterOfKey[Int(key)] = Int32(master) }
        var base = CustomerBase(
            dataset: dataset, masterOfKey: masterOfKey, masterId: keys.map { dataset.keys.text(of: $0) },
            members: [Int](repeating: 1, count: keys.count),
            name: [String](repeating: "", count: keys.count), postcode: [String](repeating: "", count: keys.count),
            city: [String](repeating: "", count: keys.count), winningOrders: winners, orderRepeats: repeats, merges: [])
        // Golden record: the first non-empty value per field, records in file order.
        for row in 0..<dataset.customers.count {
            let master = Int(masterOfKey[Int(dataset.customers.key[row])])
            if base.name[master].isEmpty { base.name[master] = dataset.customers.name[row] }
            if base.postcode[master].isEmpty { base.postcode[master] = dataset.customers.postcode[row] }
            if base.city[master].isEmpty { base.city[master] = dataset.customers.city[row] }
        }
        return base
    }
}
