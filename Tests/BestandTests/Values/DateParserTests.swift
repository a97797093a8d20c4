import Foundation
import Testing

@testable import Bestand

@Suite struct DateParserTests {
    let berlin = DateParser(zone: ZoneOffsets(zone: TimeZone(identifier: "Europe/Berlin")!))

    static func day(_ y: Int, _ m: Int, _ d: Int) -> Int32 { Day.number(year: y, month: m, day: d) }

    @Test(arguments: [
        ("2025-03-05", day(2025, 3, 5)),
        ("05.03.2025", day(2025, 3, 5)),
        ("5.3.2025", day(2025, 3, 5)),
        ("05.3.2025", day(2025, 3, 5)),
        ("5.03.2025", day(2025, 3, 5)),
        ("29.02.2024", day(2024, 2, 29)),
        ("2024-02-29", day(2024, 2, 29)),
        ("1900-01-01", day(1900, 1, 1)),
        // Date-times without an offset are local already.
        ("2025-03-05T14:22:00", day(2025, 3, 5)),
        ("2025-03-05 23:59:59", day(2025, 3, 5)),
        ("2025-03-05T23:59", day(2025, 3, 5)),
        ("2025-03-05T14:22:00.123", day(2025, 3, 5)),
        // With an offset: moved to Berlin time first.
        ("2025-03-05T14:22:00Z", day(2025, 3, 5)),
        ("2025-03-05T22:59:59Z", day(2025, 3, 5)),  // 23:59:59 CET
        ("2025-03-05T23:00:00Z", day(2025, 3, 6)),  // midnight CET: the next day
        ("2025-06-30T21:59:59Z", day(2025, 6, 30)),  // 23:59:59 CEST
        ("2025-06-30T22:00:00Z", day(2025, 7, 1)),  // midnight CEST
        ("2025-06-30T23:30:00+01:00", day(2025, 7, 1)),  // 22:30Z = 00:30 CEST
        ("2025-07-01T00:30:00+02:00", day(2025, 7, 1)),
        ("2025-03-05T01:00:00+05:00", day(2025, 3, 4)),  // 20:00Z on the 4th = 21:00 CET
        ("2025-03-05T20:00:00-05:00", day(2025, 3, 6)),  // 01:00Z on the 6th = 02:00 CET
        ("2025-03-05T14:22:00+0100", day(2025, 3, 5)),
        ("2025-03-05T14:22:00+01", day(2025, 3, 5)),
        // Across the spring DST change (2024-03-31 02:00 CET → 03:00 CEST, 01:00Z).
        ("2024-03-30T23:30:00Z", day(2024, 3, 31)),  // 00:30 CET on the 31st
        ("2024-03-31T21:59:00Z", day(2024, 3, 31)),  // 23:59 CEST
        ("2024-03-31T22:00:00Z", day(2024, 4, 1)),  // 00:00 CEST on April 1st
        // Across the autumn change (2024-10-27 03:00 CEST → 02:00 CET, 01:00Z).
        ("2024-10-26T22:00:00Z", day(2024, 10, 27)),  // 00:00 CEST
        ("2024-10-27T22:59:00Z", day(2024, 10, 27)),  // 23:59 CET
        ("2024-10-27T23:00:00Z", day(2024, 10, 28)),
        // Leap day at midnight.
        ("2024-02-28T23:00:00Z", day(2024, 2, 29)),
        ("2024-02-29T23:00:00Z", day(2024, 3, 1)),
    ])
    func validDates(text: String, expected: Int32) {
        #expect(berlin.parse(text) == .day(expected))
    }

    @Test(arguments: [
        "", "2025", "2025-13-01", "2025-02-29", "2025-04-31", "31.02.2024", "32.01.2025", "1.13.2025",
        "2025/03/05", "05-03-2025", "05.03.25", "123.4.2025", "2025-03-05T", "2025-03-05T24:00:00",
        "2025-03-05T12:60:00", "2025-03-05T12:00:61", "2025-03-05T12:00:00+25:00", "2025-03-05T12:00:00X",
        "2025-03-05T12:00:00Z1", "2025-03-05x", "not-a-date", "0000-01-01", "2025-03-05T12:00:00.",
        "05.03.2025 14:22",
    ])
    func invalidDates(text: String) {
        #expect(berlin.parse(text) == .invalid)
    }

    @Test(arguments: ["1899-12-31", "31.12.1899", "1899-12-31T23:30:00+01:00", "0001-01-01"])
    func datesBefore1900AreRejected(text: String) {
        #expect(berlin.parse(text) == .beforeEarliest)
    }

    @Test func offsetThatMovesPast1900Boundary() {
        // 1899-12-31T23:30:00Z is 00:30 on 1900-01-01 in Berlin (UTC+1 then): accepted.
        #expect(berlin.parse("1899-12-31T23:30:00Z") == .day(Self.day(1900, 1, 1)))
    }

    /// A parser remembers the days of the dates it has read: reading many dates (more than it
    /// keeps, with look-alikes that differ only in their last bytes, and invalid ones among them)
    /// again and again gives the same result as a parser that reads each date once.
    @Test func rememberedDaysGiveTheSameResults() {
        var random = SeededRandom(seed: 11)
        var texts: [String] = []
        for _ in 0..<6_000 {
            let year = 1895 + random.below(140)
            let month = 1 + random.below(13)
            let day = 1 + random.below(31)
            let iso = "\(year)-\(Self.pad(month))-\(Self.pad(day))"
            switch random.below(4) {
            case 0: texts.append(iso)
            case 1: texts.append("\(Self.pad(day)).\(Self.pad(month)).\(year)")
            case 2: texts.append(iso + "T23:\(Self.pad(random.below(60))):00+0\(random.below(3)):00")
            default: texts.append(iso + "T00:30:00Z")
            }
        }
        let parser = DateParser(zone: Self.berlinZone)
        for _ in 0..<3 {
            for index in texts.indices.shuffled(using: &random) {
                let fresh = DateParser(zone: Self.berlinZone)
                #expect(parser.parse(texts[index]) == fresh.parse(texts[index]), "\(texts[index])")
            }
        }
    }

    /// The cached offsets are the zone's own: every hour from 1980 to 2040 (more than the
    /// cache holds, so that slots are reused), in a scrambled order and each asked twice,
    /// against Foundation asked directly.
    @Test func zoneOffsetsAgreeWithTheZoneAcrossTheCache() {
        let zone = TimeZone(identifier: "Europe/Berlin")!
        let offsets = ZoneOffsets(zone: zone)
        let first: Int64 = 87_660  // 1980-01-01T00:00Z in hours
        let hours: Int64 = 525_960  // sixty years; the prime step below visits each once
        var hour: Int64 = 0
        var mismatches = 0
        var firstMismatch: Int64?
        for _ in 0..<hours {
            hour = (hour + 7_919) % hours
            let seconds = (first + hour) * 3600 + 1_799
            let expected = Int32(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
            if offsets.offset(atUTC: seconds) != expected || offsets.offset(atUTC: seconds) != expected {
                mismatches += 1
                firstMismatch = firstMismatch ?? seconds
            }
        }
        #expect(mismatches == 0, "first at \(firstMismatch.map(String.init) ?? "-") s")
    }

    private static var berlinZone: ZoneOffsets { ZoneOffsets(zone: TimeZone(identifier: "Europe/Berlin")!) }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
