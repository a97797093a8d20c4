import Testing

@testable import Bestand

@Suite struct CustomerHistoryTests {
    /// The history of many masters (several chunks of the parallel passes) against sums
    /// written out here: per customer its days with a net sum above 0, its total and its
    /// revenue of a range, with same-day orders and credit notes.
    @Test func historyOfManyMastersMatchesPlainSums() throws {
        var random = SeededRandom(seed: 11)
        let customers = 12_000
        var orders = ""
        var perDay: [Int: [Int32: Int64]] = [:]
        for row in 0..<(3 * customers) {
            let customer = random.below(customers)
            let day = Day.parseISO("2025-01-01")! + Int32(random.below(40))
            let cents = Int64(random.below(60_000)) - 10_000
            let amount = "\(cents < 0 ? "-" : "")\(cents.magnitude / 100).\(String(cents.magnitude % 100 + 100).dropFirst())"
            orders += "\(row),C\(customer),\(Day.iso(day)),\(amount),\n"
            perDay[customer, default: [:]][day, default: 0] += cents
        }
        let profiles = try analyze(orders: orders).profiles
        let history = profiles.history
        let (first, last) = (Day.parseISO("2025-01-10")!, Day.parseISO("2025-01-25")!)
        var mismatches = 0
        for (customer, days) in perDay {
            let c = profiles.master("C\(customer)")
            let purchases = days.filter { $0.value > 0 }.keys.sorted()
            let ranged = days.filter { $0.key >= first && $0.key <= last }.values.reduce(0, +)
            if (0..<history.purchaseCount(c)).map({ history.purchaseDay(c, $0)! }) != purchases
                || history.revenueTotal(c) != days.values.reduce(0, +)
                || history.revenue(c, from: first, through: last) != ranged
            {
                mismatches += 1
            }
        }
        #expect(perDay.count > 10_000)
        #expect(mismatches == 0)
    }

    /// The in-place grouping puts every row in its group's range and loses none: for group
    /// counts below, at and far above the 256 ranges of its first pass (whose ranges the second
    /// pass groups on all cores).
    @Test(arguments: [1, 7, 256, 257, 5_000, 70_000])
    func groupingInPlaceKeepsEveryRowInItsGroup(groups: Int) {
        var random = SeededRandom(seed: UInt64(groups))
        let rows = 20_000
        var group = (0..<rows).map { _ in Int32(random.below(groups)) }
        // Day and amount name the row, so that each row can be followed.
        var days = (0..<rows).map { Int32($0) }
        // Above every group number, so that row and group can be told apart again.
        var amounts = group.enumerated().map { Int64($0.offset) << 20 + Int64($0.element) }
        var bounds = [Int32](repeating: 0, count: groups + 1)
        for g in group { bounds[Int(g) + 1] += 1 }
        for g in 0..<groups { bounds[g + 1] += bounds[g] }

        CustomerHistory.groupInPlace(&group, &days, &amounts, bounds: bounds)

        for g in 0..<groups {
            for index in Int(bounds[g])..<Int(bounds[g + 1]) {
                #expect(group[index] == Int32(g))
                // The row's three values still belong together.
                #expect(amounts[index] == Int64(days[index]) << 20 + Int64(g))
            }
        }
        #expect(Set(days).count == rows)
    }
}
