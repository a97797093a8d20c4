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
    private let recent = RecentDays()

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
        // `YYYY-MM-DD` (alone or before a time) and `DD.MM.YYYY`: the day of the ten date bytes
        // is looked up first, for an export names the same few thousand days again and again.
        // A longer field with dots is never a date.
        if n >= 10, n == 10 || b[4] == dash {
            let date: Int32
            if let known = recent.day(of: b.baseAddress!) {
                date = known
            } else {
                guard let parsed = parseDateOnly(UnsafeBufferPointer(rebasing: b[0..<10])) else { return nil }
                recent.remember(parsed, of: b.baseAddress!)
                date = parsed
            }
            return n == 10 ? date : parseTime(b, date: date)
        }
        return parseDateOnly(b)
    }

    /// A field of date forms without a time; nil for anything else.
    private func parseDateOnly(_ b: UnsafeBufferPointer<UInt8>) -> Int32? {
        let n = b.count
        guard n >= 8 else { return nil }
        if b[4] == dash {
            guard n >= 10, b[7] == dash, let year = number(b, 0, 4), let month = number(b, 5, 2),
                let day = number(b, 8, 2), Day.isValid(year: year, month: month, day: day)
            else { return nil }
            return n == 10 ? Day.number(year: year, month: month, day: day) : nil
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

/// The day numbers of ten-byte dates seen lately, by their bytes: direct-mapped, 16,384
/// entries (256 KiB), a later date taking the place of an earlier one in the same entry. Only
/// valid dates enter. With 4,096 entries, one date in five of a large export (1,841 days in
/// random order) missed; with 16,384, one in twelve.
private final class RecentDays {
    private static let bits = 14
    /// Per entry: the first eight bytes, the last two (with bit 16 set when the entry is used),
    /// and the day.
    private let heads = UnsafeMutablePointer<UInt64>.allocate(capacity: 1 << bits)
    private let tails = UnsafeMutablePointer<UInt32>.allocate(capacity: 1 << bits)
    private let days = UnsafeMutablePointer<Int32>.allocate(capacity: 1 << bits)

    init() {
        tails.initialize(repeating: 0, count: 1 << Self.bits)
        heads.initialize(repeating: 0, count: 1 << Self.bits)
        days.initialize(repeating: 0, count: 1 << Self.bits)
    }

    deinit {
        heads.deallocate()
        tails.deallocate()
        days.deallocate()
    }

    @inline(__always)
    private static func key(_ bytes: UnsafePointer<UInt8>) -> (head: UInt64, tail: UInt32, entry: Int) {
        let head = UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self)
        let tail = UInt32(bytes[8]) | UInt32(bytes[9]) << 8 | 1 << 16
        let mixed = (head ^ UInt64(tail) << 40) &* 0x9E37_79B9_7F4A_7C15
        return (head, tail, Int(truncatingIfNeeded: mixed >> UInt64(64 - bits)))
    }

    /// The day of the ten bytes at `bytes`, if they were remembered.
    @inline(__always)
    func day(of bytes: UnsafePointer<UInt8>) -> Int32? {
        let (head, tail, entry) = Self.key(bytes)
        return heads[entry] == head && tails[entry] == tail ? days[entry] : nil
    }

    func remember(_ day: Int32, of bytes: UnsafePointer<UInt8>) {
        let (head, tail, entry) = Self.key(bytes)
        heads[entry] = head
        tails[entry] = tail
        days[entry] = day
    }
}
