/// Customers of a first-purchase cohort active in a later period (SPEC §6).
package struct CohortRow: Sendable, Equatable {
    package var cohort: Int
    package var cohortSize: Int
    package var offset: Int
    package var active: Int
}

package enum Cohorts {
    /// For each report period as cohort C and each k ≥ 0 with C + k complete (C + k ≤ the
    /// latest complete period): the members of C with a purchase day in C + k. O(purchase days).
    package static func rows(_ history: CustomerHistory, calendar: PeriodCalendar, periods: [Int]) -> [CohortRow] {
        guard let firstCohort = periods.first, let lastComplete = periods.last else { return [] }
        let width = lastComplete - firstCohort + 1
        // active[cohort − first][offset]
        var size = [Int](repeating: 0, count: width)
        var active = [[Int]](repeating: [Int](repeating: 0, count: width), count: width)
        for c in 0..<history.customerCount where history.purchaseCount(c) > 0 {
            let cohort = calendar.index(of: history.purchaseDay(c, 0)!)
            guard cohort >= firstCohort, cohort <= lastComplete else { continue }
            size[cohort - firstCohort] += 1
            var previous = Int.min
            for n in 0..<history.purchaseCount(c) {
                let period = calendar.index(of: history.purchaseDay(c, n)!)
                guard period <= lastComplete else { break }
                if period != previous {
                    active[cohort - firstCohort][period - cohort] += 1
                    previous = period
                }
            }
        }
        var rows: [CohortRow] = []
        for cohort in firstCohort...lastComplete {
            for offset in 0...(lastComplete - cohort) {
                rows.append(
                    CohortRow(
                        cohort: cohort, cohortSize: size[cohort - firstCohort], offset: offset,
                        active: active[cohort - firstCohort][offset]))
            }
        }
        return rows
    }
}
