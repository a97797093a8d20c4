/// Every master customer's valid orders as of the evaluation date, summed per day.
///
/// Compressed rows: master `c` owns days `start[c]..<start[c+1]` (ascending) with their net
/// amount, and purchase days (net > 0) `purchaseStart[c]..<purchaseStart[c+1]`. A running sum
/// over all net amounts answers any date-range revenue in O(log days). Built in O(orders).
package struct CustomerHistory: Sendable {
    package let asOf: Int32
    package private(set) var start: [Int32]
    package private(set) var day: [Int32]
    package private(set) var net: [Int64]
    /// `runningNet[i]` = sum of `net[0..<i]` (one longer than `net`).
    private var runningNet: [Int64]
    package private(set) var purchaseStart: [Int32]
    package private(set) var purchaseDay: [Int32]
    /// Earliest prospect-type interaction per master on or before the as-of date (`Int32.max`: none).
    package private(set) var firstProspectInteraction: [Int32]

    package var customerCount: Int { start.count - 1 }

    /// Valid orders are the winning rows that are not cancelled, dated on or before `asOf` (ingest
    /// kept only winners dated on or before the as-of date).
    package init(base: CustomerBase, asOf: Int32) {
        self.asOf = asOf
        let orders = base.dataset.orders
        let masters = base.masterCount

        // Counting sort of the valid orders by master (stable: file order within a master), in
        // two passes over the winning rows so that no per-row list of masters is kept.
        var count = [Int32](repeating: 0, count: masters + 1)
        for row in 0..<orders.count where !orders.cancelled[row] && orders.date[row] <= asOf {
            count[Int(base.masterOfKey[Int(orders.customer[row])]) + 1] += 1
        }
        for c in 0..<masters { count[c + 1] += count[c] }
        var next = count
        let validCount = Int(count[masters])
        var orderDay = [Int32](repeating: 0, count: validCount)
        var orderAmount = [Int64](repeating: 0, count: validCount)
        for row in 0..<orders.count where !orders.cancelled[row] && orders.date[row] <= asOf {
            let master = Int(base.masterOfKey[Int(orders.customer[row])])
            let slot = Int(next[master])
            orderDay[slot] = orders.date[row]
            orderAmount[slot] = orders.amount[row]
            next[master] += 1
        }

        // Per master: sort its orders by day (insertion sort: a customer has few), then sum per
        // day in place: the sums of a master are written over its own orders or earlier ones,
        // so the order arrays become the day arrays without a second pair of arrays.
        start = [Int32](repeating: 0, count: masters + 1)
        purchaseStart = [Int32](repeating: 0, count: masters + 1)
        purchaseDay = []
        var written = 0
        for c in 0..<masters {
            let lower = Int(count[c])
            let upper = Int(count[c + 1])
            Self.sortByDay(&orderDay, &orderAmount, lower, upper)
            var i = lower
            while i < upper {
                let date = orderDay[i]
                var sum: Int64 = 0
                while i < upper, orderDay[i] == date {
                    sum += orderAmount[i]
                    i += 1
                }
                orderDay[written] = date
                orderAmount[written] = sum
                written += 1
                if sum > 0 { purchaseDay.append(date) }
            }
            start[c + 1] = Int32(written)
            purchaseStart[c + 1] = Int32(purchaseDay.count)
        }
        orderDay.removeLast(orderDay.count - written)
        orderAmount.removeLast(orderAmount.count - written)
        day = orderDay
        net = orderAmount
        runningNet = [Int64](repeating: 0, count: net.count + 1)
        for i in 0..<net.count { runningNet[i + 1] = runningNet[i] + net[i] }

        firstProspectInteraction = [Int32](repeating: .max, count: masters)
        let interactions = base.dataset.interactions
        for row in 0..<interactions.count where interactions.isProspect[row] && interactions.date[row] <= asOf {
            let master = Int(base.masterOfKey[Int(interactions.customer[row])])
            firstProspectInteraction[master] = min(firstProspectInteraction[master], interactions.date[row])
        }
    }

    // MARK: - Queries

    /// Number of purchase days of `c` on or before `date`. O(log n).
    package func purchases(_ c: Int, onOrBefore date: Int32) -> Int {
        let lower = Int(purchaseStart[c])
        return Self.upperBound(purchaseDay, lower, Int(purchaseStart[c + 1]), date) - lower
    }

    package func purchaseCount(_ c: Int) -> Int { Int(purchaseStart[c + 1] - purchaseStart[c]) }

    /// The `n`-th purchase day (0-based) of `c`, if it has one.
    package func purchaseDay(_ c: Int, _ n: Int) -> Int32? {
        n < purchaseCount(c) ? purchaseDay[Int(purchaseStart[c]) + n] : nil
    }

    package func lastPurchase(_ c: Int) -> Int32? {
        purchaseCount(c) > 0 ? purchaseDay[Int(purchaseStart[c + 1]) - 1] : nil
    }

    /// Whether `c` has a purchase day in `first...last`. O(log n).
    package func hasPurchase(_ c: Int, from first: Int32, through last: Int32) -> Bool {
        let index = Self.lowerBound(purchaseDay, Int(purchaseStart[c]), Int(purchaseStart[c + 1]), first)
        return index < Int(purchaseStart[c + 1]) && purchaseDay[index] <= last
    }

    /// Sum of `c`'s valid order amounts dated in `first...last`. O(log n).
    package func revenue(_ c: Int, from first: Int32, through last: Int32) -> Int64 {
        let lower = Int(start[c])
        let upper = Int(start[c + 1])
        let a = Self.lowerBound(day, lower, upper, first)
        let b = Self.upperBound(day, lower, upper, last)
        return a < b ? runningNet[b] - runningNet[a] : 0
    }

    /// Sum of all of `c`'s valid order amounts (all are on or before the as-of date).
    package func revenueTotal(_ c: Int) -> Int64 {
        runningNet[Int(start[c + 1])] - runningNet[Int(start[c])]
    }

    /// Revenue of the 365 days ending on `date`: `date − 364 … date`.
    package func revenue12Months(_ c: Int, endingOn date: Int32) -> Int64 {
        revenue(c, from: date - 364, through: date)
    }

    /// Lifecycle stage Z(c, date) of SPEC §5 from events dated on or before `date`.
    package func stage(_ c: Int, on date: Int32, regularMinimum: Int) -> LifecycleStage {
        let count = purchases(c, onOrBefore: date)
        if count >= regularMinimum { return .z4 }
        if count >= 2 { return .z3 }
        if count == 1 { return .z2 }
        return firstProspectInteraction[c] <= date ? .z1 : .z0
    }

    /// Sorts `lower..<upper` of both arrays by day; stable. Insertion sort for short runs,
    /// the standard sort beyond 32 orders.
    private static func sortByDay(_ days: inout [Int32], _ amounts: inout [Int64], _ lower: Int, _ upper: Int) {
        if upper - lower > 32 {
            var pairs = (lower..<upper).map { (days[$0], amounts[$0], $0) }
            pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.2 < $1.2 }
            for (offset, pair) in pairs.enumerated() {
                days[lower + offset] = pair.0
                amounts[lower + offset] = pair.1
            }
            return
        }
        var i = lower + 1
        while i < upper {
            let d = days[i]
            let a = amounts[i]
            var j = i - 1
            while j >= lower, days[j] > d {
                days[j + 1] = days[j]
                amounts[j + 1] = amounts[j]
                j -= 1
            }
            days[j + 1] = d
            amounts[j + 1] = a
            i += 1
        }
    }

    // MARK: - Binary search

    /// First index in `lower..<upper` whose value is ≥ `value`.
    @inline(__always)
    static func lowerBound(_ values: [Int32], _ lower: Int, _ upper: Int, _ value: Int32) -> Int {
        var low = lower
        var high = upper
        while low < high {
            let mid = (low + high) >> 1
            if values[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// First index in `lower..<upper` whose value is > `value`.
    @inline(__always)
    static func upperBound(_ values: [Int32], _ lower: Int, _ upper: Int, _ value: Int32) -> Int {
        var low = lower
        var high = upper
        while low < high {
            let mid = (low + high) >> 1
            if values[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
