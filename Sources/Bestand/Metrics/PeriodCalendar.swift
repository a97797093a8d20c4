/// Calendar months, quarters or years numbered consecutively (SPEC §6).
///
/// A period index counts periods since year 0: months `12·year + month − 1`, quarters
/// `4·year + quarter − 1`, years `year`. Consecutive indexes are consecutive periods.
package struct PeriodCalendar: Sendable {
    package let kind: PeriodKind

    package init(_ kind: PeriodKind) {
        self.kind = kind
    }

    private var monthsPerPeriod: Int {
        switch kind {
        case .month: return 1
        case .quarter: return 3
        case .year: return 12
        }
    }

    /// The period containing a day.
    package func index(of day: Int32) -> Int {
        let (year, month, _) = Day.civil(day)
        return (year * 12 + month - 1) / monthsPerPeriod
    }

    /// First day of a period.
    package func firstDay(_ index: Int) -> Int32 {
        let months = index * monthsPerPeriod
        return Day.number(year: months / 12, month: months % 12 + 1, day: 1)
    }

    /// Last day of a period.
    package func lastDay(_ index: Int) -> Int32 {
        firstDay(index + 1) - 1
    }

    /// `2025-03`, `2025-Q1` or `2025`.
    package func label(_ index: Int) -> String {
        switch kind {
        case .month:
            let month = index % 12 + 1
            return "\(index / 12)-\(month < 10 ? "0" : "")\(month)"
        case .quarter: return "\(index / 4)-Q\(index % 4 + 1)"
        case .year: return "\(index)"
        }
    }

    /// The latest period whose last day is on or before `asOf`.
    package func latestComplete(asOf: Int32) -> Int {
        let current = index(of: asOf)
        return lastDay(current) <= asOf ? current : current - 1
    }

    /// The `count` latest complete periods, oldest first.
    package func reportPeriods(asOf: Int32, count: Int) -> [Int] {
        let last = latestComplete(asOf: asOf)
        return Array((last - count + 1)...last)
    }
}
