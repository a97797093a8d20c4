/// The order ids of all order rows, kept in row order for deduplication by id.
///
/// Ingest only appends (the bytes to one arena, the hash to the order table): no lookup per
/// row, so reading stays sequential in memory. Deduplicate then sorts the rows by hash and
/// compares the bytes of rows with equal hashes, which makes the result exact.
package struct OrderIds: Sendable {
    /// Each row's id space (2 bytes) and order id, one after the other.
    private var arena: [UInt8] = []
    /// End of each row's bytes in `arena`.
    private var ends: [Int] = []

    package init() {}

    package var count: Int { ends.count }

    /// Stores the id of the next row and returns its hash (which covers the id space too).
    package mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, tag: UInt16) -> UInt64 {
        arena.append(UInt8(tag >> 8))
        arena.append(UInt8(tag & 0xFF))
        arena.append(contentsOf: bytes)
        ends.append(arena.count)
        return ByteInterner.hash(bytes, tag: tag)
    }

    /// Whether rows `a` and `b` have the same id space and order id.
    package func same(_ a: Int, _ b: Int) -> Bool {
        let startA = a == 0 ? 0 : ends[a - 1]
        let startB = b == 0 ? 0 : ends[b - 1]
        let length = ends[a] - startA
        guard ends[b] - startB == length else { return false }
        return arena.withUnsafeBufferPointer { stored in
            for offset in 0..<length where stored[startA + offset] != stored[startB + offset] { return false }
            return true
        }
    }

    /// Row indexes ordered by hash, rows with equal hashes in row order. LSD radix sort,
    /// four passes of 16 bits: O(rows).
    package static func rowsByHash(_ hashes: [UInt64]) -> [Int32] {
        var keys = hashes
        var rows = (0..<Int32(hashes.count)).map { $0 }
        var nextKeys = [UInt64](repeating: 0, count: keys.count)
        var nextRows = [Int32](repeating: 0, count: keys.count)
        var counts = [Int](repeating: 0, count: 65_537)
        for pass in 0..<4 {
            let shift = UInt64(pass * 16)
            for index in counts.indices { counts[index] = 0 }
            for key in keys { counts[Int((key >> shift) & 0xFFFF) + 1] += 1 }
            for digit in 0..<65_536 { counts[digit + 1] += counts[digit] }
            for index in keys.indices {
                let digit = Int((keys[index] >> shift) & 0xFFFF)
                let slot = counts[digit]
                nextKeys[slot] = keys[index]
                nextRows[slot] = rows[index]
                counts[digit] = slot + 1
            }
            swap(&keys, &nextKeys)
            swap(&rows, &nextRows)
        }
        return rows
    }
}
