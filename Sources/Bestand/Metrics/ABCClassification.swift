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
        ranked.sort()
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
