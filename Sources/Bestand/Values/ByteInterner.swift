/// Maps byte strings (with a small numeric tag) to dense `Int32` ids, in first-seen order.
///
/// Open addressing with linear probing over one byte arena: interning allocates only when the
/// arena or the table grows. Lookup and insert are O(length) expected.
package struct ByteInterner: Sendable {
    private var arena: [UInt8] = []
    private var ends: [Int] = []
    private var tags: [UInt16] = []
    private var hashes: [UInt64] = []
    private var slots: [Int32]
    private var mask: Int

    package init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    package var count: Int { ends.count }

    /// The id of `bytes` under `tag`, adding it if new.
    package mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, tag: UInt16 = 0) -> Int32 {
        let hash = Self.hash(bytes, tag: tag)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash, tags[Int(id)] == tag, equals(Int(id), bytes) { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(ends.count)
        arena.append(contentsOf: bytes)
        ends.append(arena.count)
        tags.append(tag)
        hashes.append(hash)
        slots[slot] = id
        if ends.count * 2 > slots.count { grow() }
        return id
    }

    package mutating func intern(_ text: String, tag: UInt16 = 0) -> Int32 {
        var text = text
        return text.withUTF8 { intern($0, tag: tag) }
    }

    /// The id of `bytes` under `tag` if it was interned.
    package func find(_ bytes: UnsafeBufferPointer<UInt8>, tag: UInt16 = 0) -> Int32? {
        let hash = Self.hash(bytes, tag: tag)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash, tags[Int(id)] == tag, equals(Int(id), bytes) { return id }
            slot = (slot + 1) & mask
        }
    }

    package func tag(of id: Int32) -> UInt16 { tags[Int(id)] }

    /// The text of an id.
    package func string(_ id: Int32) -> String {
        let start = id == 0 ? 0 : ends[Int(id) - 1]
        return arena.withUnsafeBufferPointer { Text.string(UnsafeBufferPointer(rebasing: $0[start..<ends[Int(id)]])) }
    }

    /// The bytes of an id.
    package func bytes(_ id: Int32) -> ArraySlice<UInt8> {
        let start = id == 0 ? 0 : ends[Int(id) - 1]
        return arena[start..<ends[Int(id)]]
    }

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = id == 0 ? 0 : ends[id - 1]
        guard ends[id] - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { stored in
            bytes.count == 0 || memcmpBytes(stored.baseAddress! + start, bytes.baseAddress!, bytes.count)
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for id in 0..<ends.count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    /// FNV-1a over the tag and the bytes, finished with a 64-bit mix.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, tag: UInt16) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(tag)
        for byte in bytes {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h
    }
}

@inline(__always)
private func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for i in 0..<count where a[i] != b[i] { return false }
    return true
}
