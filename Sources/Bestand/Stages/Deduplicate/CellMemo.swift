/// Values computed from the cells of a text column, remembered by the cells' bytes: a cell
/// written exactly as an earlier one takes that one's value instead of computing it again
/// (names and street lines repeat in a customer base, and duplicates share theirs). One memo
/// serves one worker's chunk of rows: few large chunks meet more values again
/// (`Parallel.memoChunk`). O(length of the cell) besides `make`.
struct CellMemo<Value> {
    /// Per hash of a cell's bytes: the first row with it, and its value.
    private var seen: [UInt64: (row: Int, value: Value)] = [:]
    /// The hash of a cell's bytes (tests put in one that collides).
    private let hash: (UnsafeBufferPointer<UInt8>) -> UInt64

    init(hash: @escaping (UnsafeBufferPointer<UInt8>) -> UInt64 = { ByteInterner.hash($0, tag: 0) }) {
        self.hash = hash
    }

    /// `make` of the bytes of cell `row`, or the value of an earlier row with the same bytes.
    mutating func value(_ column: TextColumn, _ row: Int, make: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
        column.withBytes(row) { bytes in
            let hash = hash(bytes)
            if let earlier = seen[hash] {
                // Equal hashes of different bytes (a collision) compute their own value.
                return column.withBytes(earlier.row) { $0.elementsEqual(bytes) } ? earlier.value : make(bytes)
            }
            let value = make(bytes)
            seen[hash] = (row, value)
            return value
        }
    }
}
