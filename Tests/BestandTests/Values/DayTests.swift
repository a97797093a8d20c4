import Testing

@testable import Bestand

@Suite struct DayTests {
    @Test(arguments: [
        (1970, 1, 1, Int32(0)),
        (1970, 1, 2, Int32(1)),
        (1969, 12, 31, Int32(-1)),
        (2000, 3, 1, Int32(11_017)),  // 30 years · 365 + 7 leap days + Jan 31 + Feb 29 = 10957 + 60
        (2024, 2, 29, Int32(19_782)),
        (1900, 1, 1, Int32(-25_567)),
    ])
    func dayNumbersMatchTheCalendar(year: Int, month: Int, day: Int, expected: Int32) {
        #expect(Day.number(year: year, month: month, day: day) == expected)
        let civil = Day.civil(expected)
        #expect(civil.year == year && civil.month == month && civil.day == day)
    }

    @Test func everyDayOfFourCenturiesRoundTrips() {
        var expected = Day.number(year: 1899, month: 1, day: 1)
        for year in 1899...2301 {
            for month in 1...12 {
                for day in 1...Day.daysInMonth(year: year, month: month) {
                    #expect(Day.number(year: year, month: month, day: day) == expected)
                    expected += 1
                }
            }
        }
    }

    @Test(arguments: [
        (1900, false), (2000, true), (2024, true), (2023, false), (2100, false),
    ])
    func leapYears(year: Int, leap: Bool) {
        #expect(Day.isLeapYear(year) == leap)
    }

    @Test func isoTextRoundTrips() {
        #expect(Day.iso(Day.number(year: 2025, month: 6, day: 30)) == "2025-06-30")
        #expect(Day.parseISO("2025-06-30") == Day.number(year: 2025, month: 6, day: 30))
        #expect(Day.parseISO("2025-02-29") == nil)
        #expect(Day.parseISO("2025-6-30") == nil)
        #expect(Day.parseISO("30.06.2025") == nil)
    }
}
