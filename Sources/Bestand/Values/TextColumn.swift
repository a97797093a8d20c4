/// A column of texts held as their UTF-8 bytes one after the other in one array.
///
/// Ingest appends the bytes of a field as they lie in the reader's buffer: no `String` a cell
/// (each of which is a heap allocation beyond 15 bytes), and a million rows are two arrays to
/// keep and free. A cell is read as bytes (`withBytes`) or made a `String` when asked for.
/// The bytes must be well-formed UTF-8, as every decoded input field is.
package struct TextColumn: Sendable, RandomAccessCollection, Equatable {
    private var bytes: [UInt8] = []
    /// Per cell, where its bytes end.
    private var ends: [Int] = []

    package init() {}

    package init(_ texts: [String]) {
        for text in texts { append(text) }
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { ends.count }

    /// The text of cell `row`. O(length).
    package subscript(row: Int) -> String { withBytes(row) { Text.string($0) } }

    /// Calls `body` with the bytes of cell `row`.
    package func withBytes<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = row == 0 ? 0 : ends[row - 1]
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<ends[row]])) }
    }

    /// Whether cell `row` is empty. O(1).
    package func isEmpty(at row: Int) -> Bool { ends[row] == (row == 0 ? 0 : ends[row - 1]) }

    /// The bytes of all cells together.
    package var byteCount: Int { bytes.count }

    /// Makes room for `cells` cells in all of `byteCount` bytes, without regrowing while they
    /// are appended (room never written is never resident).
    package mutating func reserve(cells: Int, byteCount: Int) {
        ends.reserveCapacity(cells)
        bytes.reserveCapacity(byteCount)
    }

    package mutating func append(_ cell: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: cell)
        ends.append(bytes.count)
    }

    package mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }
}
