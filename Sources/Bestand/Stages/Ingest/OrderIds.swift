#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The order ids read so far, to find the earlier row that a repeated id replaces (SPEC §4).
///
/// Ingest looks every order row up as it is read, so a repeat is known at once and the ids
/// need not be kept once ingest ends. Each distinct id is stored once, as `row (4 bytes) · id
/// space (varint) · length (varint) · id`, where `row` is the latest row with
/// that id, in segments of memory that never move (growth adds a segment and copies nothing).
/// Open addressing with linear probing over slots of `offset << 24 | 24 bits of the hash`,
/// filled to at most 85 % (sized for 80 %: 10 bytes of slots an id); a probe touches the entry
/// only when the fingerprints agree. An id of 10 bytes takes an entry of 16 (ids that end in a
/// number mostly go to `NumberedIds` instead). O(length of the id) per row expected.
final class OrderIdIndex {
    /// The base address of every segment number; an entry larger than a segment gets several
    /// consecutive numbers over one allocation.
    private var segments: [UnsafeMutablePointer<UInt8>] = []
    /// Every allocation with its first segment number and the bytes used in it.
    private var allocations: [(base: UnsafeMutablePointer<UInt8>, firstSegment: Int, used: Int)] = []
    private let segmentBits: Int
    /// `offset << 24 | fingerprint`, where `offset` is the entry's offset + 1; 0 is empty.
    private var table: ZeroedTable
    /// The hash bits kept in a slot (all 24 but in tests, which force fingerprint agreement).
    private let fingerprintMask: UInt64
    private(set) var count = 0

    init(capacity: Int = 1 << 16, fingerprintBits: Int = 24, segmentBits: Int = 22) {
        table = ZeroedTable(count: Self.slotCount(for: capacity))
        fingerprintMask = (1 << UInt64(fingerprintBits)) - 1
        self.segmentBits = segmentBits
    }

    deinit {
        for allocation in allocations { allocation.base.deallocate() }
    }

    /// Slots for `ids` distinct ids at a fill of 80 %.
    private static func slotCount(for ids: Int) -> Int { max(1024, ids / 4 * 5 + 4) }

    /// Where the probe for `hash` starts: the high half of `hash · slots`, an even spread over
    /// any table size (the fingerprint takes the low bits).
    @inline(__always)
    private func home(_ hash: UInt64) -> Int { Int(hash.multipliedFullWidth(by: UInt64(table.count)).high) }

    /// Records that `row` carries `bytes` under id space `tag`, whose hash is `hash`
    /// (`ByteInterner.hash(bytes, tag: tag)`); returns the latest earlier row with the same id space
    /// and id, or nil when the id is new.
    func replace(_ bytes: UnsafeBufferPointer<UInt8>, tag: UInt16, row: Int32, hash: UInt64) -> Int32? {
        let fingerprint = hash & fingerprintMask
        let slots = table.slots
        let size = table.count
        var slot = home(hash)
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFF_FFFF == fingerprint {
                let stored = address(Int(entry >> 24) - 1)
                if matches(stored, bytes, tag: tag) {
                    let previous = UnsafeRawPointer(stored).loadUnaligned(as: Int32.self)
                    UnsafeMutableRawPointer(stored).storeBytes(of: row, as: Int32.self)
                    return previous
                }
            }
            slot += 1
            if slot == size { slot = 0 }
        }
        slots[slot] = UInt64(append(bytes, tag: tag, row: row) + 1) << 24 | fingerprint
        count += 1
        if count * 20 > size * 17 { grow(to: Self.slotCount(for: count * 3 / 2)) }
        return nil
    }

    /// The memory of the entry at `offset`.
    @inline(__always)
    private func address(_ offset: Int) -> UnsafeMutablePointer<UInt8> {
        segments[offset >> segmentBits] + (offset & (1 << segmentBits - 1))
    }

    /// Writes a new entry where the last one ends (or at the start of a new allocation when it
    /// does not fit) and returns its offset.
    private func append(_ bytes: UnsafeBufferPointer<UInt8>, tag: UInt16, row: Int32) -> Int {
        let size = 4 + Self.varintSize(Int(tag)) + Self.varintSize(bytes.count) + bytes.count
        let segmentSize = 1 << segmentBits
        if allocations.isEmpty || allocations[allocations.count - 1].used + size > segmentSize {
            // A new allocation of whole segments (one, but for an entry larger than a segment).
            let segmentCount = (size + segmentSize - 1) >> segmentBits
            let base = UnsafeMutablePointer<UInt8>.allocate(capacity: segmentCount << segmentBits)
            allocations.append((base, segments.count, 0))
            for index in 0..<segmentCount { segments.append(base + index << segmentBits) }
        }
        let last = allocations.count - 1
        let offset = allocations[last].firstSegment << segmentBits + allocations[last].used
        var write = allocations[last].base + allocations[last].used
        UnsafeMutableRawPointer(write).storeBytes(of: row, as: Int32.self)
        write += 4
        write = Self.writeVarint(Int(tag), at: write)
        write = Self.writeVarint(bytes.count, at: write)
        if bytes.count > 0 { write.update(from: bytes.baseAddress!, count: bytes.count) }
        // Whole segments of a large entry are used up, so that the next entry starts anew.
        allocations[last].used =
            size > segmentSize ? ((size + segmentSize - 1) >> segmentBits) << segmentBits : allocations[last].used + size
        return offset
    }

    private static func varintSize(_ value: Int) -> Int {
        var size = 1
        var rest = value >> 7
        while rest > 0 {
            size += 1
            rest >>= 7
        }
        return size
    }

    private static func writeVarint(_ value: Int, at pointer: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var rest = value
        var write = pointer
        while rest >= 0x80 {
            write.pointee = UInt8(rest & 0x7F) | 0x80
            write += 1
            rest >>= 7
        }
        write.pointee = UInt8(rest)
        return write + 1
    }

    private static func readVarint(_ pointer: inout UnsafePointer<UInt8>) -> Int {
        var value = 0
        var shift = 0
        while true {
            let byte = pointer.pointee
            pointer += 1
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// The id space and the id bytes of the entry at `stored`, and the entry's size.
    @inline(__always)
    private static func entry(at stored: UnsafeMutablePointer<UInt8>) -> (tag: UInt16, bytes: UnsafeBufferPointer<UInt8>, size: Int) {
        var read = UnsafePointer(stored + 4)
        let tag = UInt16(truncatingIfNeeded: readVarint(&read))
        let length = readVarint(&read)
        return (tag, UnsafeBufferPointer(start: read, count: length), read + length - UnsafePointer(stored))
    }

    private func matches(_ stored: UnsafeMutablePointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>, tag: UInt16) -> Bool {
        let (storedTag, storedBytes, _) = Self.entry(at: stored)
        guard storedTag == tag, storedBytes.count == bytes.count else { return false }
        return bytes.count == 0 || memcmp(storedBytes.baseAddress!, bytes.baseAddress!, bytes.count) == 0
    }

    /// The slot where a lookup of `hash` starts, loaded so that it is in the cache for the lookup.
    @inline(__always)
    func firstSlot(hash: UInt64) -> UInt64 { table.slots[home(hash)] }

    /// Where `firstSlot` results go, so that their loads are not optimised away.
    var sink: UInt64 = 0

    /// Makes room for `ids` distinct ids in all, so that no growth happens before.
    func reserve(_ ids: Int) {
        let size = Self.slotCount(for: ids)
        if size > table.count { grow(to: size) }
    }

    /// Re-inserts every entry into `size` new slots, walking the entries in order. O(ids).
    private func grow(to size: Int) {
        // The old slots go first: the entries alone tell where everything belongs.
        table = ZeroedTable(count: size)
        let next = table.slots
        for allocation in allocations {
            var position = 0
            while position < allocation.used {
                let (tag, bytes, entrySize) = Self.entry(at: allocation.base + position)
                let hash = ByteInterner.hash(bytes, tag: tag)
                var slot = home(hash)
                while next[slot] != 0 {
                    slot += 1
                    if slot == size { slot = 0 }
                }
                let offset = allocation.firstSegment << segmentBits + position
                next[slot] = UInt64(offset + 1) << 24 | hash & fingerprintMask
                position += entrySize
                // A large entry used up its segments.
                if entrySize > 1 << segmentBits { break }
            }
        }
    }
}

/// The indexes of order ids that ingest's order lookups use: numbered ids go to `NumberedIds`,
/// all others to the hash index.
final class OrderIds {
    /// Order ids that are a prefix and a number: the latest row + 1.
    let numbered = NumberedIds()
    let hashed = OrderIdIndex()
}
