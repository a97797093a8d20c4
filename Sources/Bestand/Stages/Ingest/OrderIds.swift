#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The order ids read so far, to find the earlier row that a repeated id replaces (SPEC §4).
///
/// Ingest looks every order row up as it is read, so a repeat is known at once and the ids
/// need not be kept once ingest ends. One byte arena holds each distinct id once, as
/// `row (4 bytes) · id space (2) · length (varint) · bytes`, where `row` is the latest row
/// with that id. Open addressing with linear probing over slots of `arena offset << 24 |
/// 24 bits of the hash`; a probe touches the arena only when the fingerprints agree. About
/// 8 + 2 · 8 bytes per distinct id beside the id itself. O(length of the id) per row expected.
final class OrderIdIndex {
    private var arena: [UInt8] = []
    /// `offset << 24 | fingerprint`, where `offset` is the entry's arena offset + 1; 0 is empty.
    private var table: ZeroedTable
    private var mask: Int
    /// The hash bits kept in a slot (all 24 but in tests, which force fingerprint agreement).
    private let fingerprintMask: UInt64
    private(set) var count = 0

    init(capacity: Int = 1 << 16, fingerprintBits: Int = 24) {
        var size = 1 << 10
        while size * 3 < capacity * 4 { size <<= 1 }
        table = ZeroedTable(count: size)
        mask = size - 1
        fingerprintMask = (1 << UInt64(fingerprintBits)) - 1
    }

    /// Records that `row` carries `bytes` under id space `tag`; returns the latest earlier row
    /// with the same id space and id, or nil when the id is new.
    func replace(_ bytes: UnsafeBufferPointer<UInt8>, tag: UInt16, row: Int32) -> Int32? {
        replace(bytes, tag: tag, row: row, hash: ByteInterner.hash(bytes, tag: tag))
    }

    /// `replace` with the id's hash already computed (`ByteInterner.hash(bytes, tag: tag)`).
    func replace(_ bytes: UnsafeBufferPointer<UInt8>, tag: UInt16, row: Int32, hash: UInt64) -> Int32? {
        let fingerprint = hash >> 40 & fingerprintMask
        var slot = Int(truncatingIfNeeded: hash) & mask
        let slots = table.slots
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFF_FFFF == fingerprint {
                let offset = Int(entry >> 24) - 1
                if matches(offset, bytes, tag: tag) {
                    return arena.withUnsafeMutableBufferPointer { stored in
                        let raw = UnsafeMutableRawPointer(stored.baseAddress! + offset)
                        let previous = raw.loadUnaligned(as: Int32.self)
                        raw.storeBytes(of: row, as: Int32.self)
                        return previous
                    }
                }
            }
            slot = (slot + 1) & mask
        }
        let offset = arena.count
        withUnsafeBytes(of: row) { arena.append(contentsOf: $0) }
        arena.append(UInt8(tag >> 8))
        arena.append(UInt8(tag & 0xFF))
        var length = bytes.count
        while length >= 0x80 {
            arena.append(UInt8(length & 0x7F) | 0x80)
            length >>= 7
        }
        arena.append(UInt8(length))
        arena.append(contentsOf: bytes)
        slots[slot] = UInt64(offset + 1) << 24 | fingerprint
        count += 1
        if count * 4 > table.count * 3 { grow() }
        return nil
    }

    /// The id space, length and start of the id bytes of the entry at `offset`.
    @inline(__always)
    private func entry(at offset: Int, in stored: UnsafeBufferPointer<UInt8>) -> (tag: UInt16, length: Int, start: Int) {
        let tag = UInt16(stored[offset + 4]) << 8 | UInt16(stored[offset + 5])
        var position = offset + 6
        var length = 0
        var shift = 0
        while true {
            let byte = stored[position]
            position += 1
            length |= Int(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return (tag, length, position)
    }

    private func matches(_ offset: Int, _ bytes: UnsafeBufferPointer<UInt8>, tag: UInt16) -> Bool {
        arena.withUnsafeBufferPointer { stored in
            let (storedTag, length, start) = entry(at: offset, in: stored)
            guard storedTag == tag, length == bytes.count else { return false }
            return length == 0 || memcmp(stored.baseAddress! + start, bytes.baseAddress!, length) == 0
        }
    }

    /// The slot where a lookup of `hash` starts, loaded so that it is in the cache for the lookup.
    @inline(__always)
    func firstSlot(hash: UInt64) -> UInt64 { table.slots[Int(truncatingIfNeeded: hash) & mask] }

    /// Where `firstSlot` results go, so that their loads are not optimised away.
    var sink: UInt64 = 0

    /// Makes room for `ids` distinct ids in all, so that no growth happens before.
    func reserve(_ ids: Int) {
        var size = table.count
        while size * 3 < ids * 4 { size <<= 1 }
        if size > table.count { grow(to: size) }
        // Entries of short ids take 16 bytes; capacity beyond what is used costs no memory.
        arena.reserveCapacity(ids * 16)
    }

    /// Doubles the slots and re-inserts every entry, walking the arena in order.
    private func grow() { grow(to: table.count * 2) }

    private func grow(to size: Int) {
        let nextTable = ZeroedTable(count: size)
        let next = nextTable.slots
        let nextMask = size - 1
        arena.withUnsafeBufferPointer { stored in
            var offset = 0
            while offset < stored.count {
                let (tag, length, start) = entry(at: offset, in: stored)
                let hash = ByteInterner.hash(UnsafeBufferPointer(rebasing: stored[start..<(start + length)]), tag: tag)
                var slot = Int(truncatingIfNeeded: hash) & nextMask
                while next[slot] != 0 { slot = (slot + 1) & nextMask }
                next[slot] = UInt64(offset + 1) << 24 | hash >> 40 & fingerprintMask
                offset = start + length
            }
        }
        table = nextTable
        mask = nextMask
    }
}
