/// Second-order conversion of a first-purchase cohort within a window (SPEC §6).
package struct SecondOrderRow: Sendable, Equatable {
    /// The cohort's period index; nil for the `all` cohort over the report cohorts.
    package var cohort: Int?
    package var windowDays: Int
    package var eligible: Int
    package var converted: Int
    /// Lower median of days from first to second purchase day over the cohort's members with a
    /// second purchase (any window); nil if none.
    package var medianDaysToSecond: Int?
}

package enum SecondOrderConversion {
    /// For each report cohort (then `all`) and each window w: eligible = members with
    /// first_purchase + w ≤ asOf; converted = eligible members whose second purchase day s has
    /// s − first_purchase ≤ w. O(customers + cohorts · windows).
    package static func rows(
        _ history: CustomerHistory, calendar: PeriodCalendar, periods: [Int], windows: [Int]
    ) -> [SecondOrderRow] {
        guard let firstCohort = periods.first, let lastCohort = periods.last else { return [] }
        // Per cohort: (first purchase, days to second or nil) of each member.
        var members = [[(first: Int32, gap: Int?)]](repeating: [], count: lastCohort - firstCohort + 1)
        for c in 0..<history.customerCount {
            guard let first = history.purchaseDay(c, 0) else { continue }
            let cohort = calendar.index(of: first)
            guard cohort >= firstCohort, cohort <= lastCohort else { continue }
            members[cohort - firstCohort].append((first, history.purchaseDay(c, 1).map { Int($0 - first) }))
        }
        var rows: [SecondOrderRow] = []
        let groups = periods.map { Optional($0) } + [nil]
        for cohort in groups {
            let group = cohort.map { members[$0 - firstCohort] } ?? members.flatMap { $0 }
            let gaps = group.compactMap(\.gap).sorted()
            let median = gaps.isEmpty ? nil : gaps[(gaps.count - 1) / 2]
            for window in windows {
                var eligible = 0
                var converted = 0
                for member in group where Int(member.first) + window <= Int(history.asOf) {
                    eligible += 1
                    if let gap = member.gap, gap <= window { converted += 1 }
                }
                rows.append(
                    SecondOrderRow(
                        cohort: cohort, windowDays: window, eligible: eligible, converted: converted, medianDaysToSecond: median))
            }
        }
        return rows
    }
}
