#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Maps byte strings (with a small numeric tag) to dense `Int32` ids, in first-seen order.
///
/// Open addressing with linear probing over one byte arena. Each slot holds the id and 32 bits
/// of the hash, so a probe touches the stored bytes only when the fingerprints agree: a new
/// key costs about one cache miss. Ids that are a prefix and a number (`K100001`) and that
/// their series takes are kept in an index by their number (`NumberedIds`) instead, which
/// hashes nothing and touches memory in number order; the hash table holds all other ids.
/// Interning allocates only when the arena, the table or the index grows, or when a copy of
/// the interner makes the index its own. Lookup and insert are O(length) expected.
package struct ByteInterner: Sendable {
    private var arena: [UInt8] = []
    private var ends: [Int] = []
    private var tags: [UInt16] = []
    /// Per id its hash, and whether it is in the table (numbered ids are not).
    private var hashes: [UInt64] = []
    private var inTable: [Bool] = []
    /// Ids in the table.
    private var tableCount = 0
    /// `fingerprint << 32 | (id + 1)`; 0 is an empty slot.
    private var slots: [UInt64]
    private var mask: Int
    /// Numbered ids: `id + 1` per number, the only place these ids are found. Shared by copies
    /// of the interner until one of them interns: it then interns into a copy of its own.
    private var numbered = NumberedIds()

    package init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    package var count: Int { ends.count }

    /// The id of `bytes` under `tag`, adding it if new.
    package mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, tag: UInt16 = 0) -> Int32 {
        intern(bytes, tag: tag, split: NumberedIds.split(bytes))
    }

    /// `intern` of an id that `NumberedIds.split` already took apart (nil: not numbered).
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, tag: UInt16, split: NumberedIds.Split?) -> Int32 {
        if !isKnownUniquelyReferenced(&numbered) { numbered = numbered.copy() }
        guard let split, let cell = numbered.cell(bytes, split, tag: tag) else {
            return intern(bytes, tag: tag, hash: Self.hash(bytes, tag: tag))
        }
        if cell.pointee == 0 { cell.pointee = UInt32(append(bytes, tag: tag, hash: 0, inTable: false) + 1) }
        return Int32(cell.pointee - 1)
    }

    /// `intern` of an id that the numbered index does not take, with its hash already computed
    /// (`hash(bytes, tag: tag)`).
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, tag: UInt16, hash: UInt64) -> Int32 {
        let fingerprint = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry >> 32 == fingerprint {
                let id = Int(entry & 0xFFFF_FFFF) - 1
                if tags[id] == tag, equals(id, bytes) { return Int32(id) }
            }
            slot = (slot + 1) & mask
        }
        let id = append(bytes, tag: tag, hash: hash, inTable: true)
        slots[slot] = fingerprint << 32 | UInt64(id + 1)
        tableCount += 1
        if tableCount * 2 > slots.count { grow() }
        return Int32(id)
    }

    /// Stores a new id's bytes; returns the id.
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, tag: UInt16, hash: UInt64, inTable: Bool) -> Int {
        arena.append(contentsOf: bytes)
        ends.append(arena.count)
        tags.append(tag)
        hashes.append(hash)
        self.inTable.append(inTable)
        return ends.count - 1
    }

    package mutating func intern(_ text: String, tag: UInt16 = 0) -> Int32 {
        var text = text
        return text.withUTF8 { intern($0, tag: tag) }
    }

    /// The id of `bytes` under `tag` if it was interned.
    package func find(_ bytes: UnsafeBufferPointer<UInt8>, tag: UInt16 = 0) -> Int32? {
        if let split = NumberedIds.split(bytes), let cell = numbered.existingCell(bytes, split, tag: tag) {
            return cell == 0 ? nil : Int32(cell - 1)
        }
        let hash = Self.hash(bytes, tag: tag)
        let fingerprint = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry >> 32 == fingerprint {
                let id = Int(entry & 0xFFFF_FFFF) - 1
                if tags[id] == tag, equals(id, bytes) { return Int32(id) }
            }
            slot = (slot + 1) & mask
        }
    }

    package func tag(of id: Int32) -> UInt16 { tags[Int(id)] }

    /// Makes room for `additional` more ids without regrowing: the table grows once now, not
    /// step by step, and the per-id arrays take the ids' bytes at the average length so far.
    mutating func reserve(_ additional: Int) {
        let total = ends.count + additional
        if total > ends.capacity {
            let averageLength = ends.isEmpty ? 8 : arena.count / ends.count + 1
            arena.reserveCapacity(total * averageLength)
            ends.reserveCapacity(total)
            tags.reserveCapacity(total)
            hashes.reserveCapacity(total)
            inTable.reserveCapacity(total)
        }
        var size = slots.count
        while total * 2 > size { size <<= 1 }
        if size > slots.count { rehash(size) }
    }

    /// The slot where a lookup of `hash` starts, loaded so that it is in the cache for the lookup.
    @inline(__always)
    func firstSlot(hash: UInt64) -> UInt64 { slots[Int(truncatingIfNeeded: hash) & mask] }

    /// Calls `body` with the bytes of an id.
    package func withBytes<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = id == 0 ? 0 : ends[Int(id) - 1]
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<ends[Int(id)]])) }
    }

    /// The text of an id.
    package func string(_ id: Int32) -> String {
        let start = id == 0 ? 0 : ends[Int(id) - 1]
        return arena.withUnsafeBufferPointer { Text.string(UnsafeBufferPointer(rebasing: $0[start..<ends[Int(id)]])) }
    }

    /// Whether the bytes of `a` sort before those of `b` (byte-wise, shorter prefix first).
    package func precedes(_ a: Int32, _ b: Int32) -> Bool {
        let startA = a == 0 ? 0 : ends[Int(a) - 1]
        let startB = b == 0 ? 0 : ends[Int(b) - 1]
        let countA = ends[Int(a)] - startA
        let countB = ends[Int(b)] - startB
        return arena.withUnsafeBufferPointer { stored in
            let base = stored.baseAddress!
            let common = min(countA, countB)
            let order = common == 0 ? 0 : memcmp(base + startA, base + startB, common)
            return order != 0 ? order < 0 : countA < countB
        }
    }

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = id == 0 ? 0 : ends[id - 1]
        guard ends[id] - start == bytes.count else { return false }
        if bytes.count == 0 { return true }
        return arena.withUnsafeBufferPointer { stored in
            let a = stored.baseAddress! + start
            let b = bytes.baseAddress!
            for i in 0..<bytes.count where a[i] != b[i] { return false }
            return true
        }
    }

    private mutating func grow() { rehash(slots.count * 2) }

    /// Rebuilds the table with `size` slots (a power of two).
    private mutating func rehash(_ size: Int) {
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for id in 0..<ends.count where inTable[id] {
            let hash = hashes[id]
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (hash >> 32) << 32 | UInt64(id + 1)
        }
    }

    /// A multiply-mix hash over 8-byte words of the bytes, seeded with the tag and length.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, tag: UInt16) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = (UInt64(tag) << 48 ^ UInt64(bytes.count)) &* k
        var i = 0
        let n = bytes.count
        if n > 0 {
            let raw = UnsafeRawPointer(bytes.baseAddress!)
            while i + 8 <= n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k
                h ^= h >> 29
                i += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(bytes[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* k
        }
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        return h
    }
}
