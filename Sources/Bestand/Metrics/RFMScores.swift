/// Recency, frequency and monetary scores 1–5 among customers with a purchase (SPEC §5).
package enum RFMScores {
    /// Scores for the `buyers`: floor((rank − 1) · 5 / n) + 1, where rank is the 1-based
    /// position when sorted by `key` ascending, then by master_id (`idRank`). 0 for customers
    /// not among the buyers. O(n).
    package static func scores(count: Int, buyers: [Int32], idRank: [Int32], key: (Int) -> Int64) -> [UInt8] {
        var ranked = buyers.map { RankKey(key: key(Int($0)), idRank: idRank[Int($0)], customer: $0) }
        RankKey.sort(&ranked)
        var scores = [UInt8](repeating: 0, count: count)
        let n = ranked.count
        for (index, entry) in ranked.enumerated() {
            scores[Int(entry.customer)] = UInt8(index * 5 / n + 1)
        }
        return scores
    }
}
