/// ABC classes by 12-month revenue (SPEC §5).
package enum ABCClassification {
    /// Classes for customers with revenue > 0; nil for the others.
    ///
    /// Customers with revenue > 0 are ranked by revenue descending, then by `idRank` (master_id
    /// byte order) ascending. With S the total and `before` the revenue ranked ahead of a
    /// customer: A if 100·before < aPercent·S, else B if 100·before < bPercent·S, else C.
    /// Exact in 128-bit integers. O(n log n).
    package static func classify(
        revenue: [Int64], idRank: [Int32], aPercent: Int, bPercent: Int
    ) -> [ABCClass?] {
        var ranked: [RankKey] = []
        for c in 0..<revenue.count where revenue[c] > 0 {
            ranked.append(RankKey(key: -revenue[c], idRank: idRank[c], customer: Int32(c)))
        }
        RankKey.sort(&ranked)
        let total = ranked.reduce(Int128(0)) { $0 - Int128($1.key) }
        var classes = [ABCClass?](repeating: nil, count: revenue.count)
        var before = Int128(0)
        for entry in ranked {
            if 100 * before < Int128(aPercent) * total {
                classes[Int(entry.customer)] = .a
            } else if 100 * before < Int128(bPercent) * total {
                classes[Int(entry.customer)] = .b
            } else {
                classes[Int(entry.customer)] = .c
            }
            before -= Int128(entry.key)
        }
        return classes
    }
}

/// A customer's place in a ranking: by `key` ascending, then by master_id order.
struct RankKey: Comparable {
    var key: Int64
    var idRank: Int32
    var customer: Int32

    static func < (a: RankKey, b: RankKey) -> Bool {
        a.key != b.key ? a.key < b.key : a.idRank < b.idRank
    }
}

extension RankKey {
    /// Sorts `keys` into the order of `<`, keeping entries that compare equal in their order
    /// (as `sort()` does): a least-significant-digit radix sort, 11 bits a pass over `idRank`
    /// and then `key`, skipping the passes in which every entry has the same digit (the high
    /// bits of amounts and ranks). O(n) with a scratch copy.
    static func sort(_ keys: inout [RankKey]) {
        let count = keys.count
        guard count > 256 else {
            keys.sort()
            return
        }
        let digitBits = 11
        let buckets = 1 << digitBits
        // Three passes over the 32 bits of the rank, six over the 64 of the key; signs flipped
        // so that unsigned digits order as the signed values.
        let passes = 9
        @inline(__always) func digit(_ entry: RankKey, _ pass: Int) -> Int {
            let bits =
                pass < 3
                ? UInt64(UInt32(bitPattern: entry.idRank) ^ 0x8000_0000) >> UInt64(pass * digitBits)
                : (UInt64(bitPattern: entry.key) ^ (1 << 63)) >> UInt64((pass - 3) * digitBits)
            return Int(truncatingIfNeeded: bits) & (buckets - 1)
        }
        var histograms = [Int](repeating: 0, count: passes * buckets)
        keys.withUnsafeBufferPointer { entries in
            for entry in entries {
                for pass in 0..<passes { histograms[pass * buckets + digit(entry, pass)] += 1 }
            }
        }
        var scratch = [RankKey](repeating: RankKey(key: 0, idRank: 0, customer: 0), count: count)
        var inScratch = false
        keys.withUnsafeMutableBufferPointer { keysBuffer in
            scratch.withUnsafeMutableBufferPointer { scratchBuffer in
                var source = keysBuffer.baseAddress!
                var target = scratchBuffer.baseAddress!
                var offsets = [Int](repeating: 0, count: buckets)
                for pass in 0..<passes {
                    let histogram = pass * buckets
                    if histograms[histogram + digit(source[0], pass)] == count { continue }
                    var sum = 0
                    for bucket in 0..<buckets {
                        offsets[bucket] = sum
                        sum += histograms[histogram + bucket]
                    }
                    for index in 0..<count {
                        let entry = source[index]
                        let bucket = digit(entry, pass)
                        target[offsets[bucket]] = entry
                        offsets[bucket] += 1
                    }
                    swap(&source, &target)
                    inScratch.toggle()
                }
            }
        }
        if inScratch { swap(&keys, &scratch) }
    }
}
