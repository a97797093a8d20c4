/// Recency, frequency and monetary scores 1–5 among customers with a purchase (SPEC §5).
package enum RFMScores {
    /// Scores per customer for those in `buyers`: floor((rank − 1) · 5 / n) + 1, where rank is
    /// the 1-based position in `precedes` order. 0 for customers not in `buyers`. O(n log n).
    package static func scores(count: Int, buyers: [Int32], precedes: (Int32, Int32) -> Bool) -> [UInt8] {
        var scores = [UInt8](repeating: 0, count: count)
        let ordered = buyers.sorted(by: precedes)
        let n = ordered.count
        for (index, c) in ordered.enumerated() {
            scores[Int(c)] = UInt8(index * 5 / n + 1)
        }
        return scores
    }
}
