/// Parses the date forms of SPEC §3 from field bytes into day numbers.
///
/// Accepted: `YYYY-MM-DD`, `DD.MM.YYYY`, `D.M.YYYY`, and ISO 8601 date-times
/// `YYYY-MM-DD[T| ]HH:MM[:SS[.fraction]][Z|±HH:MM|±HHMM|±HH]`. A date-time with an offset
/// is moved into the pipeline's zone before its date is taken; one without is already local.
package struct DateParser {
    package enum Result: Equatable {
        case day(Int32)
        case invalid
        case beforeEarliest
    }

    private let zone: ZoneOffsets

    package init(zone: ZoneOffsets) {
        self.zone = zone
    }

    /// Parses trimmed field bytes. O(length).
    package func parse(_ field: UnsafeBufferPointer<UInt8>) -> Result {
        guard let day = parseDay(field) else { return .invalid }
        return day < Day.earliest ? .beforeEarliest : .day(day)
    }

    package func parse(_ text: String) -> Result {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    private func parseDay(_ b: UnsafeBufferPointer<UInt8>) -> Int32? {
        let n = b.count
        guard n >= 8 else { return nil }
        if b[4] == dash {
            guard n >= 10, b[7] == dash, let year = number(b, 0, 4), let month = number(b, 5, 2),
                let day = number(b, 8, 2), Day.isValid(year: year, month: month, day: day)
            else { return nil }
            let date = Day.number(year: year, month: month, day: day)
            if n == 10 { return date }
            return parseTime(b, date: date)
        }
        // D.M.YYYY with one or two digits for day and month.
        guard let firstDot = b.firstIndex(of: dot), firstDot == 1 || firstDot == 2,
            let day = number(b, 0, firstDot)
        else { return nil }
        let monthStart = firstDot + 1
        guard monthStart < n, let secondDot = b[monthStart...].firstIndex(of: dot),
            secondDot - monthStart == 1 || secondDot - monthStart == 2,
            let month = number(b, monthStart, secondDot - monthStart),
            n - secondDot - 1 == 4, let year = number(b, secondDot + 1, 4),
            Day.isValid(year: year, month: month, day: day)
        else { return nil }
        return Day.number(year: year, month: month, day: day)
    }

    /// Parses `[T| ]HH:MM[:SS[.fff]][offset]` after a date at byte 10.
    private func parseTime(_ b: UnsafeBufferPointer<UInt8>, date: Int32) -> Int32? {
        let n = b.count
        guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == space, n >= 16,
            let hour = number(b, 11, 2), b[13] == colon, let minute = number(b, 14, 2),
            hour <= 23, minute <= 59
        else { return nil }
        var i = 16
        var second = 0
        if i < n, b[i] == colon {
            guard i + 3 <= n, let s = number(b, i + 1, 2), s <= 59 else { return nil }
            second = s
            i += 3
            if i < n, b[i] == dot || b[i] == comma {
                i += 1
                let start = i
                while i < n, isDigit(b[i]) { i += 1 }
                guard i > start else { return nil }
            }
        }
        if i == n { return date }  // no offset: already local time
        var offsetSeconds = 0
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            guard i + 1 == n else { return nil }
        } else if b[i] == UInt8(ascii: "+") || b[i] == dash {
            let sign = b[i] == dash ? -1 : 1
            guard i + 3 <= n, let hours = number(b, i + 1, 2), hours <= 18 else { return nil }
            var minutes = 0
            var j = i + 3
            if j < n {
                if b[j] == colon { j += 1 }
                guard j + 2 == n, let m = number(b, j, 2), m <= 59 else { return nil }
                minutes = m
            }
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        let utc = Int64(date) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        return zone.localDay(atUTC: utc)
    }

    private func number(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= b.count else { return nil }
        var value = 0
        for i in start..<start + count {
            guard isDigit(b[i]) else { return nil }
            value = value * 10 + Int(b[i] &- 0x30)
        }
        return value
    }

    @inline(__always) private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

private let dash = UInt8(ascii: "-")
private let dot = UInt8(ascii: ".")
private let comma = UInt8(ascii: ",")
private let colon = UInt8(ascii: ":")
private let space = UInt8(ascii: " ")
