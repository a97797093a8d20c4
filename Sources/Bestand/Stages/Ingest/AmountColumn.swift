/// Order amounts in cents: 4 bytes each while every amount fits 32 bits (order lines up to
/// ±21,474,836.47), else 8 bytes each. The first amount beyond widens the column once.
package struct AmountColumn: RandomAccessCollection, Sendable {
    private var narrow: [Int32] = []
    private var wide: [Int64] = []
    private(set) var isWide = false

    /// The amounts as they are held, for code that works on the whole column.
    package enum Values {
        case narrow([Int32])
        case wide([Int64])
    }

    package init() {}

    /// A column of the given values.
    package init(_ values: Values) {
        switch values {
        case .narrow(let values): narrow = values
        case .wide(let values):
            wide = values
            isWide = true
        }
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { isWide ? wide.count : narrow.count }

    package subscript(position: Int) -> Int64 { isWide ? wide[position] : Int64(narrow[position]) }

    mutating func append(_ cents: Int64) {
        if isWide {
            wide.append(cents)
        } else if let small = Int32(exactly: cents) {
            narrow.append(small)
        } else {
            widen()
            wide.append(cents)
        }
    }

    /// Copies the amount of row `from` to row `to` (compaction moves rows forward).
    mutating func copy(from: Int, to: Int) {
        if isWide { wide[to] = wide[from] } else { narrow[to] = narrow[from] }
    }

    /// Keeps the first `count` amounts; the memory stays.
    mutating func truncate(to count: Int) {
        if isWide { wide.removeSubrange(count...) } else { narrow.removeSubrange(count...) }
    }

    mutating func reserveCapacity(_ capacity: Int) {
        if isWide { wide.reserveCapacity(capacity) } else { narrow.reserveCapacity(capacity) }
    }

    /// Moves the amounts out; the column is left empty.
    mutating func take() -> Values {
        defer { self = AmountColumn() }
        return isWide ? .wide(wide) : .narrow(narrow)
    }

    private mutating func widen() {
        wide.reserveCapacity(narrow.capacity)
        for value in narrow { wide.append(Int64(value)) }
        narrow = []
        isWide = true
    }
}
