#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A direct index of ids that are a prefix and a decimal number: `A-10639601`, `K100001`,
/// `A-00012345`, `4711`.
///
/// Per id space, prefix and count of digits (a series), an array indexed by the number holds
/// one cell per id, so a lookup hashes nothing, and ids read roughly in number order (as order
/// numbers are) touch memory in order. The count of digits keeps `A-7` and `A-007` apart. A
/// cell holds `value + 1`, 0 while the id has none; the caller fills every empty cell it is
/// handed. Ids of any other form, and numbers that the index declines, go to a hash index
/// instead; an id takes the same way every time it comes (see `cell`).
///
/// A series' window of numbers grows (by up to half its span) while all windows together stay
/// within `max(minimumSpan, 8 · ids in them)` cells of 4 bytes: at most 16 MiB beyond 32 bytes
/// an id, and 4 to 6 bytes an id for dense numbers. A number that would make the windows
/// sparser is declined, and so is every later one beyond it in its series (an outlier such as
/// a mistyped order number costs a hash lookup, not the window). O(length of the id) a lookup,
/// amortised. Not safe for concurrent use: its owners mutate it only while they hold the one
/// reference.
final class NumberedIds: @unchecked Sendable {
    private struct Series {
        var tag: UInt16
        var digits: Int
        var prefix: [UInt8]
        /// The number of cell 0 (-1 until the first number comes).
        var base: Int
        var cells: UnsafeMutablePointer<UInt32>
        var span: Int
        /// The nearest numbers below and above the window that were declined: the window never
        /// grows over them.
        var declinedBelow = -1
        var declinedAbove = Int.max
    }

    private var series: [Series] = []
    /// The series of the last lookup, tried first.
    private var recent = 0
    private let minimumSpan: Int
    /// Cells handed out empty (which the callers filled), and cells of all windows.
    private var ids = 0
    private var cellCount = 0
    static let maximumSeries = 32
    static let maximumPrefix = 32

    init(minimumSpan: Int = 1 << 22) {
        self.minimumSpan = minimumSpan
    }

    deinit {
        for entry in series { entry.cells.deallocate() }
    }

    /// An id split into the length of its prefix, its count of trailing digits (1 to 18) and
    /// their number.
    struct Split {
        var prefix: Int
        var digits: Int
        var number: Int
    }

    /// The cell of `id` under id space `tag`, which `split` took apart as `split`; valid until
    /// the next call. nil when the id's series declines the number (the caller then uses a hash
    /// index). A declined id is declined each time: a window never grows over a declined
    /// number, and numbers inside a window were never declined.
    func cell(_ id: UnsafeBufferPointer<UInt8>, _ split: Split, tag: UInt16) -> UnsafeMutablePointer<UInt32>? {
        let prefix = UnsafeBufferPointer(rebasing: id[0..<split.prefix])
        let number = split.number
        guard let index = seriesIndex(prefix, digits: split.digits, tag: tag) else { return nil }
        // A new series' window is centred on its first number.
        if series[index].base < 0 { series[index].base = max(0, number - series[index].span / 2) }
        var offset = number - series[index].base
        if offset < 0 || offset >= series[index].span {
            guard widen(index, toInclude: number) else { return nil }
            offset = number - series[index].base
        }
        let cell = series[index].cells + offset
        if cell.pointee == 0 { ids += 1 }
        return cell
    }

    /// The content of the cell of `id` (split as `split`) if its series holds its number: 0
    /// when the id has no value yet. nil when the number lies outside its series' window or the
    /// series does not exist (the id then is not in this index). Changes nothing. O(length).
    func existingCell(_ id: UnsafeBufferPointer<UInt8>, _ split: Split, tag: UInt16) -> UInt32? {
        let prefix = UnsafeBufferPointer(rebasing: id[0..<split.prefix])
        guard let index = existingSeries(prefix, digits: split.digits, tag: tag) else { return nil }
        let entry = series[index]
        let offset = split.number - entry.base
        return entry.base >= 0 && offset >= 0 && offset < entry.span ? entry.cells[offset] : nil
    }

    /// An index of its own with the same series, windows and cells.
    func copy() -> NumberedIds {
        let copy = NumberedIds(minimumSpan: minimumSpan)
        copy.series = series.map { entry in
            var entry = entry
            let cells = UnsafeMutablePointer<UInt32>.allocate(capacity: entry.span)
            cells.initialize(from: entry.cells, count: entry.span)
            entry.cells = cells
            return entry
        }
        copy.recent = recent
        copy.ids = ids
        copy.cellCount = cellCount
        return copy
    }

    /// The prefix, count of digits and number of an id that ends in 1 to 18 digits after a
    /// prefix of at most `maximumPrefix` bytes; nil for any other id.
    @inline(__always)
    static func split(_ id: UnsafeBufferPointer<UInt8>) -> Split? {
        var start = id.count
        while start > 0, id[start - 1] &- 0x30 < 10 { start -= 1 }
        let digits = id.count - start
        guard digits > 0, digits <= 18, start <= maximumPrefix else { return nil }
        var number = 0
        for index in start..<id.count { number = number &* 10 &+ Int(id[index] &- 0x30) }
        return Split(prefix: start, digits: digits, number: number)
    }

    /// The series of `prefix` and `digits` under `tag`, if there is one (the series of the last
    /// lookup tried first). Changes nothing.
    @inline(__always)
    private func existingSeries(_ prefix: UnsafeBufferPointer<UInt8>, digits: Int, tag: UInt16) -> Int? {
        func matches(_ entry: Series) -> Bool {
            entry.tag == tag && entry.digits == digits && entry.prefix.count == prefix.count
                && (prefix.isEmpty || memcmp(entry.prefix, prefix.baseAddress!, prefix.count) == 0)
        }
        if recent < series.count, matches(series[recent]) { return recent }
        return series.indices.first { matches(series[$0]) }
    }

    /// The series of `prefix` and `digits` under `tag`, made if new and the limit allows.
    @inline(__always)
    private func seriesIndex(_ prefix: UnsafeBufferPointer<UInt8>, digits: Int, tag: UInt16) -> Int? {
        if let found = existingSeries(prefix, digits: digits, tag: tag) {
            recent = found
            return found
        }
        guard series.count < Self.maximumSeries else { return nil }
        let span = min(4096, minimumSpan)
        let cells = UnsafeMutablePointer<UInt32>.allocate(capacity: span)
        cells.initialize(repeating: 0, count: span)
        series.append(Series(tag: tag, digits: digits, prefix: Array(prefix), base: -1, cells: cells, span: span))
        cellCount += span
        recent = series.count - 1
        return recent
    }

    /// Moves and grows the window of series `index` to hold `number`; false when that would
    /// make the windows too sparse or cover a declined number (and then `number` is declined).
    private func widen(_ index: Int, toInclude number: Int) -> Bool {
        var entry = series[index]
        let low = min(entry.base, number)
        let high = max(entry.base + entry.span, number + 1)
        // What the other windows leave of all windows' allowance.
        let allowed = max(minimumSpan, 8 * ids) - (cellCount - entry.span)
        guard high - low <= allowed, low > entry.declinedBelow, high <= entry.declinedAbove else {
            if number < entry.base {
                series[index].declinedBelow = max(entry.declinedBelow, number)
            } else {
                series[index].declinedAbove = min(entry.declinedAbove, number)
            }
            return false
        }
        // Room for half the span again on the side that grew, as far as the limits allow.
        let slack = min((high - low) / 2, allowed - (high - low))
        let newLow = number < entry.base ? max(entry.declinedBelow + 1, low - slack) : low
        let newHigh = number < entry.base ? high : min(entry.declinedAbove, high + slack)
        let cells = UnsafeMutablePointer<UInt32>.allocate(capacity: newHigh - newLow)
        let shift = entry.base - newLow
        cells.initialize(repeating: 0, count: shift)
        (cells + shift).moveInitialize(from: entry.cells, count: entry.span)
        (cells + shift + entry.span).initialize(repeating: 0, count: newHigh - newLow - shift - entry.span)
        entry.cells.deallocate()
        entry.cells = cells
        entry.base = newLow
        cellCount += newHigh - newLow - entry.span
        entry.span = newHigh - newLow
        series[index] = entry
        return true
    }
}
