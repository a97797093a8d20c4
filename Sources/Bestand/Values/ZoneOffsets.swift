import Foundation

/// UTC offsets of one time zone, looked up through Foundation and cached per UTC hour.
///
/// Offsets change at most on hour boundaries in every zone bestand targets, so an hour's
/// offset is asked once; a lookup is then an array read. Not thread-safe: one per reader.
package final class ZoneOffsets {
    package let zone: TimeZone
    /// Direct-mapped cache: hour → offset, 65,536 entries (about seven and a half years of
    /// hours, so that the timestamps of a few years of orders, in any order, ask the zone once
    /// an hour; 512 KiB).
    private var cachedHour = [Int32](repeating: .min, count: 1 << 16)
    private var cachedOffset = [Int32](repeating: 0, count: 1 << 16)

    package init(zone: TimeZone) {
        self.zone = zone
    }

    /// Seconds to add to a UTC instant (seconds since 1970) to get local wall time.
    package func offset(atUTC seconds: Int64) -> Int32 {
        let hour = seconds >= 0 ? seconds / 3600 : (seconds - 3599) / 3600
        let slot = Int(hour & 0xFFFF)
        // Hours beyond 32 bits (some 245,000 years from 1970) are not cached.
        let cacheable = hour > Int64(Int32.min) && hour <= Int64(Int32.max)
        if cacheable, cachedHour[slot] == Int32(truncatingIfNeeded: hour) { return cachedOffset[slot] }
        let offset = Int32(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(hour * 3600))))
        if cacheable {
            cachedHour[slot] = Int32(truncatingIfNeeded: hour)
            cachedOffset[slot] = offset
        }
        return offset
    }

    /// The local calendar day (day number) of a UTC instant.
    package func localDay(atUTC seconds: Int64) -> Int32 {
        let local = seconds + Int64(offset(atUTC: seconds))
        return Int32(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    /// Today's day number in this zone for the given instant.
    package func today(now: Date) -> Int32 {
        localDay(atUTC: Int64(now.timeIntervalSince1970.rounded(.down)))
    }
}
