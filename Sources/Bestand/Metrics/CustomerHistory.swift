import Dispatch

/// Every master customer's valid orders as of the evaluation date, summed per day.
///
/// Compressed rows: master `c` owns days `start[c]..<start[c+1]` (ascending) with their net
/// amount, and purchase days (net > 0) `purchaseStart[c]..<purchaseStart[c+1]`. A date-range
/// revenue takes O(log days + days in the range) of one customer. Built in O(orders) in the
/// memory of the order rows themselves.
package struct CustomerHistory: Sendable {
    package let asOf: Int32
    package private(set) var start: [Int32]
    package private(set) var day: [Int32]
    /// The net amount of each day: in 32 bits when every master's amounts fit there (see
    /// `daySumsFit`), else all in 64.
    private var net: AmountColumn
    package private(set) var purchaseStart: [Int32]
    package private(set) var purchaseDay: [Int32]
    /// Earliest prospect-type interaction per master on or before the as-of date (`Int32.max`: none).
    package private(set) var firstProspectInteraction: [Int32]

    package var customerCount: Int { start.count - 1 }

    /// Valid orders are the winning rows that are not cancelled, dated on or before `asOf` (ingest
    /// kept only winners dated on or before the as-of date). The rows' columns become the
    /// history's: they are grouped by master and sorted and summed per day in place.
    package init(orders: consuming OrderTable, base: borrowing CustomerBase, asOf: Int32) {
        self.asOf = asOf
        let masters = base.masterCount
        var master: [Int32] = []
        var orderDay: [Int32] = []
        var amountColumn = AmountColumn()
        swap(&master, &orders.customer)
        swap(&orderDay, &orders.date)
        swap(&amountColumn, &orders.amount)

        // Each row's master; rows that are not valid go to an extra last group.
        var count = [Int32](repeating: 0, count: masters + 2)
        for row in master.indices {
            let group = orders.cancelled[row] || orderDay[row] > asOf ? masters : Int(base.masterOfKey[Int(master[row])])
            master[row] = Int32(group)
            count[group + 1] += 1
        }
        orders = OrderTable()
        for group in 0...masters { count[group + 1] += count[group] }
        let days: Days
        // Taken straight into the pattern, so that no second reference keeps the array shared.
        switch amountColumn.take() {
        case .narrow(var amounts):
            Self.groupAndSort(&master, &orderDay, &amounts, bounds: count)
            if Self.daySumsFit(amounts, bounds: count) {
                days = Self.sumPerDay(&orderDay, &amounts, bounds: count)
                net = AmountColumn(.narrow(amounts))
            } else {
                // A day's sum might not fit 32 bits: the amounts widen first.
                var wide = amounts.map { Int64($0) }
                amounts = []
                days = Self.sumPerDay(&orderDay, &wide, bounds: count)
                net = AmountColumn(.wide(wide))
            }
        case .wide(var amounts):
            Self.groupAndSort(&master, &orderDay, &amounts, bounds: count)
            days = Self.sumPerDay(&orderDay, &amounts, bounds: count)
            net = AmountColumn(.wide(amounts))
        }
        start = days.start
        day = orderDay
        purchaseStart = days.purchaseStart
        purchaseDay = days.purchaseDay

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

    /// Sum of `c`'s valid order amounts dated in `first...last`. O(log days + days in the range)
    /// of `c`.
    package func revenue(_ c: Int, from first: Int32, through last: Int32) -> Int64 {
        let upper = Int(start[c + 1])
        var index = Self.lowerBound(day, Int(start[c]), upper, first)
        var sum: Int64 = 0
        while index < upper, day[index] <= last {
            sum += net[index]
            index += 1
        }
        return sum
    }

    /// Sum of all of `c`'s valid order amounts (all are on or before the as-of date).
    package func revenueTotal(_ c: Int) -> Int64 {
        var sum: Int64 = 0
        for index in Int(start[c])..<Int(start[c + 1]) { sum += net[index] }
        return sum
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

    /// The per-master bounds and purchase days that `sumPerDay` builds beside the day arrays.
    private struct Days {
        var start: [Int32]
        var purchaseStart: [Int32]
        var purchaseDay: [Int32]
    }

    /// Groups the rows by master (`group`, with `bounds` from a count per group; the last group
    /// holds the rows that are not valid), then sorts each master's rows by day (insertion
    /// sort: a customer has few), masters in chunks on all cores. O(rows).
    private static func groupAndSort<Amount>(
        _ group: inout [Int32], _ days: inout [Int32], _ amounts: inout [Amount], bounds: [Int32]
    ) {
        groupInPlace(&group, &days, &amounts, bounds: bounds)
        group = []
        days.withUnsafeMutableBufferPointer { days in
            amounts.withUnsafeMutableBufferPointer { amounts in
                guard let dayBase = days.baseAddress, let amountBase = amounts.baseAddress else { return }
                let (dayBox, amountBox) = (UnsafeMutablePointerBox(dayBase), UnsafeMutablePointerBox(amountBase))
                Parallel.forEachChunk(count: bounds.count - 2) { masters in
                    for c in masters { sortByDay(dayBox.pointer!, amountBox.pointer!, Int(bounds[c]), Int(bounds[c + 1])) }
                }
            }
        }
    }

    /// Whether each master's amounts, added up as absolute values, stay within 32 bits: then
    /// every sum of a day does too. One master of more turnover puts all days in 64 bits. O(rows),
    /// masters in chunks on all cores.
    private static func daySumsFit(_ amounts: [Int32], bounds: [Int32]) -> Bool {
        Parallel.mapChunks(count: bounds.count - 2) { masters in
            for c in masters {
                var total: Int64 = 0
                for row in Int(bounds[c])..<Int(bounds[c + 1]) { total += Int64(amounts[row].magnitude) }
                if total > Int32.max { return false }
            }
            return true
        }.allSatisfy { $0 }
    }

    /// Sums each master's rows per day (rows grouped and sorted), so that the arrays end as the
    /// day arrays; every sum must fit `Amount`. Each master's days are summed within its own
    /// rows and its purchase days listed, masters in chunks on all cores; then the days move
    /// forward to their places, in master order. O(rows).
    private static func sumPerDay<Amount: FixedWidthInteger & SendableMetatype>(
        _ days: inout [Int32], _ amounts: inout [Amount], bounds: [Int32]
    ) -> Days {
        let masters = bounds.count - 2
        // Per master (at c + 1) its days, then its purchase days; prefix sums below.
        var start = [Int32](repeating: 0, count: masters + 1)
        var purchaseStart = [Int32](repeating: 0, count: masters + 1)
        var purchaseDay: [Int32] = []
        days.withUnsafeMutableBufferPointer { days in
            amounts.withUnsafeMutableBufferPointer { amounts in
                guard let dayBase = days.baseAddress, let amountBase = amounts.baseAddress else { return }
                let (dayBox, amountBox) = (UnsafeMutablePointerBox(dayBase), UnsafeMutablePointerBox(amountBase))
                start.withUnsafeMutableBufferPointer { start in
                    purchaseStart.withUnsafeMutableBufferPointer { purchaseStart in
                        let (startBox, purchaseBox) = (UnsafeMutablePointerBox(start.baseAddress), UnsafeMutablePointerBox(purchaseStart.baseAddress))
                        Parallel.forEachChunk(count: masters) { chunk in
                            let (days, amounts) = (dayBox.pointer!, amountBox.pointer!)
                            for c in chunk {
                                var i = Int(bounds[c])
                                let upper = Int(bounds[c + 1])
                                var written = i
                                var purchases: Int32 = 0
                                while i < upper {
                                    let date = days[i]
                                    var sum: Int64 = 0
                                    while i < upper, days[i] == date {
                                        sum += Int64(amounts[i])
                                        i += 1
                                    }
                                    days[written] = date
                                    amounts[written] = Amount(sum)
                                    written += 1
                                    if sum > 0 { purchases += 1 }
                                }
                                startBox.pointer![c + 1] = Int32(written) - bounds[c]
                                purchaseBox.pointer![c + 1] = purchases
                            }
                        }
                    }
                }
                for c in 0..<masters {
                    start[c + 1] += start[c]
                    purchaseStart[c + 1] += purchaseStart[c]
                }
                purchaseDay = [Int32](repeating: 0, count: Int(purchaseStart[masters]))
                let (dayStarts, purchaseStarts) = (start, purchaseStart)
                purchaseDay.withUnsafeMutableBufferPointer { purchaseDay in
                    let purchaseDayBox = UnsafeMutablePointerBox(purchaseDay.baseAddress)
                    Parallel.forEachChunk(count: masters) { chunk in
                        let (days, amounts) = (dayBox.pointer!, amountBox.pointer!)
                        for c in chunk {
                            var next = Int(purchaseStarts[c])
                            let first = Int(bounds[c])
                            for i in first..<(first + Int(dayStarts[c + 1] - dayStarts[c])) where amounts[i] > 0 {
                                purchaseDayBox.pointer![next] = days[i]
                                next += 1
                            }
                        }
                    }
                }
                // Forward only (a master's place is at or before its rows), so in master order
                // nothing is overwritten before it has moved.
                for c in 0..<masters where start[c] != bounds[c] {
                    let (from, to) = (Int(bounds[c]), Int(start[c]))
                    for offset in 0..<Int(start[c + 1] - start[c]) {
                        dayBase[to + offset] = dayBase[from + offset]
                        amountBase[to + offset] = amountBase[from + offset]
                    }
                }
            }
        }
        let written = Int(start[masters])
        days.removeLast(days.count - written)
        amounts.removeLast(amounts.count - written)
        return Days(start: start, purchaseStart: purchaseStart, purchaseDay: purchaseDay)
    }

    /// Reorders the rows of the three columns so that the rows of group `g` (its number in
    /// `group`) fill `bounds[g]..<bounds[g+1]`, in place. Two passes of a bucket permutation
    /// (American flag sort): first into at most 256 ranges of neighbouring groups, so that the
    /// rows are written in few places at a time, then within each range by group, where the
    /// rows of a range lie close together (the ranges on all cores). O(rows); not stable.
    static func groupInPlace<Amount>(_ group: inout [Int32], _ days: inout [Int32], _ amounts: inout [Amount], bounds: [Int32]) {
        let groups = bounds.count - 1
        guard groups > 0 else { return }
        var bits = 0
        while (groups - 1) >> bits >= 256 { bits += 1 }
        let shift = bits
        group.withUnsafeMutableBufferPointer { group in
            days.withUnsafeMutableBufferPointer { days in
                amounts.withUnsafeMutableBufferPointer { amounts in
                    let rows = Rows(group: group.baseAddress, days: days.baseAddress, amounts: amounts.baseAddress)
                    if shift == 0 {
                        permute(rows, bounds: bounds, buckets: 0..<groups, shift: 0)
                        return
                    }
                    let ranges = (groups - 1) >> shift + 1
                    let rangeBounds = (0...ranges).map { bounds[min($0 << shift, groups)] }
                    permute(rows, bounds: rangeBounds, buckets: 0..<ranges, shift: shift)
                    Parallel.forEachChunk(count: ranges, minimumChunk: 1) { chunk in
                        for range in chunk {
                            permute(rows, bounds: bounds, buckets: (range << shift)..<min((range + 1) << shift, groups), shift: 0)
                        }
                    }
                }
            }
        }
    }

    /// The three columns of the rows, for the workers of `groupInPlace`.
    private struct Rows<Amount>: @unchecked Sendable {
        let group: UnsafeMutablePointer<Int32>?
        let days: UnsafeMutablePointer<Int32>?
        let amounts: UnsafeMutablePointer<Amount>?
    }

    /// Moves every row of `buckets` (whose rows fill `bounds[buckets.lowerBound]..<
    /// bounds[buckets.upperBound]`) to bucket `group >> shift`, whose rows fill
    /// `bounds[b]..<bounds[b+1]`: each displaced row is carried on to its own bucket until the
    /// cycle closes.
    private static func permute<Amount>(_ rows: Rows<Amount>, bounds: [Int32], buckets: Range<Int>, shift: Int) {
        guard let group = rows.group, let days = rows.days, let amounts = rows.amounts else { return }
        let first = buckets.lowerBound
        var next = Array(bounds[first...buckets.upperBound])
        for bucket in buckets {
            while next[bucket - first] < bounds[bucket + 1] {
                let hole = Int(next[bucket - first])
                var carried = (group[hole], days[hole], amounts[hole])
                while true {
                    let target = Int(carried.0) >> shift - first
                    let position = Int(next[target])
                    next[target] += 1
                    if position == hole {
                        (group[hole], days[hole], amounts[hole]) = carried
                        break
                    }
                    let displaced = (group[position], days[position], amounts[position])
                    (group[position], days[position], amounts[position]) = carried
                    carried = displaced
                }
            }
        }
    }

    /// Sorts `lower..<upper` of both columns by day (the order within a day does not matter: the
    /// days are summed, and the grouping before kept no file order). Insertion sort for short
    /// runs, the standard sort beyond 32 orders.
    private static func sortByDay<Amount>(
        _ days: UnsafeMutablePointer<Int32>, _ amounts: UnsafeMutablePointer<Amount>, _ lower: Int, _ upper: Int
    ) {
        if upper - lower > 32 {
            var pairs = (lower..<upper).map { (days[$0], amounts[$0]) }
            pairs.sort { $0.0 < $1.0 }
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
