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
        var ranked: [Int32] = []
        for c in 0..<revenue.count where revenue[c] > 0 { ranked.append(Int32(c)) }
        ranked.sort {
            let ra = revenue[Int($0)]
            let rb = revenue[Int($1)]
            return ra != rb ? ra > rb : idRank[Int($0)] < idRank[Int($1)]
        }
        let total = ranked.reduce(Int128(0)) { $0 + Int128(revenue[Int($1)]) }
        var classes = [ABCClass?](repeating: nil, count: revenue.count)
        var before = Int128(0)
        for c in ranked {
            if 100 * before < Int128(aPercent) * total {
                classes[Int(c)] = .a
            } else if 100 * before < Int128(bPercent) * total {
                classes[Int(c)] = .b
            } else {
                classes[Int(c)] = .c
            }
            before += Int128(revenue[Int(c)])
        }
        return classes
    }
}
