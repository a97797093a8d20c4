import Testing

@testable import Bestand

@Suite struct PeriodCalendarTests {
    static func day(_ text: String) -> Int32 { Day.parseISO(text)! }

    @Test(arguments: [
        (PeriodKind.month, "2024-02-15", "2024-02", "2024-02-01", "2024-02-29"),
        (.month, "2025-12-31", "2025-12", "2025-12-01", "2025-12-31"),
        (.quarter, "2025-01-01", "2025-Q1", "2025-01-01", "2025-03-31"),
        (.quarter, "2024-11-30", "2024-Q4", "2024-10-01", "2024-12-31"),
        (.year, "2024-06-30", "2024", "2024-01-01", "2024-12-31"),
    ])
    func periodsOfADay(kind: PeriodKind, date: String, label: String, first: String, last: String) {
        let calendar = PeriodCalendar(kind)
        let index = calendar.index(of: Self.day(date))
        #expect(calendar.label(index) == label)
        #expect(calendar.firstDay(index) == Self.day(first))
        #expect(calendar.lastDay(index) == Self.day(last))
        #expect(calendar.firstDay(index + 1) == calendar.lastDay(index) + 1)
    }

    @Test(arguments: [
        // The as-of date on a period's last day completes it; any earlier day does not.
        (PeriodKind.quarter, "2025-03-31", ["2024-Q3", "2024-Q4", "2025-Q1"]),
        (.quarter, "2025-03-30", ["2024-Q2", "2024-Q3", "2024-Q4"]),
        (.month, "2024-03-01", ["2023-12", "2024-01", "2024-02"]),
        (.month, "2024-02-29", ["2023-12", "2024-01", "2024-02"]),
        (.year, "2025-06-30", ["2022", "2023", "2024"]),
    ])
    func reportPeriodsAreTheLatestComplete(kind: PeriodKind, asOf: String, labels: [String]) {
        let calendar = PeriodCalendar(kind)
        #expect(calendar.reportPeriods(asOf: Self.day(asOf), count: 3).map(calendar.label) == labels)
    }
}
