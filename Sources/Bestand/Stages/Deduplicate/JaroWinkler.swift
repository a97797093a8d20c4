/// Jaro-Winkler string similarity on Unicode scalars, for single strings and token lists.
///
/// Jaro counts the m characters that match within a window of ⌊max(|a|, |b|) / 2⌋ − 1
/// positions and the t transpositions among them (half the matched characters out of order,
/// rounded down as in Winkler's reference implementation): jaro = (m/|a| + m/|b| + (m − t)/m) / 3.
/// Winkler adds ℓ · 0.1 · (1 − jaro) for a common prefix of ℓ ≤ 4 scalars, with no threshold.
package enum JaroWinkler {
    /// The Jaro-Winkler similarity in 0…1: 1 for two empty strings, 0 when exactly one is empty.
    /// O(|a| · |b|) time in the worst case, O(|a| + |b|) stack space, no heap allocation.
    package static func similarity(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in similarity(a, b) }
        }
    }

    /// The Jaro-Winkler similarity of the Unicode scalars of two strings. O(|a| · |b|).
    package static func similarity(_ a: String, _ b: String) -> Double {
        similarity(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    /// Order-independent similarity of two token lists: each token of the shorter list is scored
    /// with its best Jaro-Winkler match in the other list, and the scores are averaged. For lists of
    /// equal length both directions are averaged, so the result is symmetric. 1 for two empty
    /// lists, 0 when exactly one is empty. ["anna", "schmidt"] vs ["schmidt", "anna"] = 1.
    /// O(n · m) string comparisons for lists of n and m tokens.
    package static func tokenSimilarity(_ a: [String], _ b: [String]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        // All scalars in one buffer; token k spans bounds[k]..<bounds[k + 1].
        var scalars: [Unicode.Scalar] = []
        var bounds: [Int] = [0]
        bounds.reserveCapacity(a.count + b.count + 1)
        for list in [a, b] {
            for token in list {
                scalars.append(contentsOf: token.unicodeScalars)
                bounds.append(scalars.count)
            }
        }
        let n = a.count
        let m = b.count
        return scalars.withUnsafeBufferPointer { all in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: n + m) { best -> Double in
                best.initialize(repeating: 0)
                for i in 0..<n {
                    let x = UnsafeBufferPointer(rebasing: all[bounds[i]..<bounds[i + 1]])
                    for j in 0..<m {
                        let y = UnsafeBufferPointer(rebasing: all[bounds[n + j]..<bounds[n + j + 1]])
                        let score = similarity(x, y)
                        if score > best[i] { best[i] = score }
                        if score > best[n + j] { best[n + j] = score }
                    }
                }
                let leftMean = best[0..<n].reduce(0, +) / Double(n)
                let rightMean = best[n...].reduce(0, +) / Double(m)
                if n < m { return leftMean }
                if m < n { return rightMean }
                return (leftMean + rightMean) / 2
            }
        }
    }

    /// The Jaro-Winkler similarity of two scalar buffers. O(|a| · |b|).
    static func similarity(_ a: UnsafeBufferPointer<Unicode.Scalar>, _ b: UnsafeBufferPointer<Unicode.Scalar>) -> Double {
        let n = a.count
        let m = b.count
        if n == 0 && m == 0 { return 1 }
        if n == 0 || m == 0 { return 0 }
        let window = max(0, max(n, m) / 2 - 1)
        let jaro = n <= 64 && m <= 64 ? shortJaro(a, b, window: window) : longJaro(a, b, window: window)
        var prefix = 0
        while prefix < min(4, n, m) && a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    /// Jaro of strings of at most 64 scalars each, with the matched positions as bits.
    @inline(__always)
    static func shortJaro(_ a: UnsafeBufferPointer<Unicode.Scalar>, _ b: UnsafeBufferPointer<Unicode.Scalar>, window: Int) -> Double {
        let n = a.count
        let m = b.count
        var matchedA: UInt64 = 0
        var matchedB: UInt64 = 0
        var matches = 0
        for i in 0..<n {
            let low = max(0, i - window)
            let high = min(m - 1, i + window)
            guard low <= high else { continue }
            for j in low...high where matchedB & (1 << UInt64(j)) == 0 && a[i] == b[j] {
                matchedA |= 1 << UInt64(i)
                matchedB |= 1 << UInt64(j)
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        // The k-th matched scalar of `a` against the k-th of `b`.
        var outOfOrder = 0
        while matchedA != 0 {
            if a[matchedA.trailingZeroBitCount] != b[matchedB.trailingZeroBitCount] { outOfOrder += 1 }
            matchedA &= matchedA - 1
            matchedB &= matchedB - 1
        }
        return jaro(matches: matches, outOfOrder: outOfOrder, n, m)
    }

    /// Jaro of strings of any length, with the matched positions as flags on the stack.
    static func longJaro(_ a: UnsafeBufferPointer<Unicode.Scalar>, _ b: UnsafeBufferPointer<Unicode.Scalar>, window: Int) -> Double {
        let n = a.count
        let m = b.count
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: n + m) { matched -> Double in
            matched.initialize(repeating: false)
            var matches = 0
            for i in 0..<n {
                let low = max(0, i - window)
                let high = min(m - 1, i + window)
                guard low <= high else { continue }
                for j in low...high where !matched[n + j] && a[i] == b[j] {
                    matched[i] = true
                    matched[n + j] = true
                    matches += 1
                    break
                }
            }
            guard matches > 0 else { return 0 }
            var outOfOrder = 0
            var j = 0
            for i in 0..<n where matched[i] {
                while !matched[n + j] { j += 1 }
                if a[i] != b[j] { outOfOrder += 1 }
                j += 1
            }
            return jaro(matches: matches, outOfOrder: outOfOrder, n, m)
        }
    }

    /// (m/|a| + m/|b| + (m − t)/m) / 3, with t half the matches out of order (rounded down).
    @inline(__always)
    private static func jaro(matches: Int, outOfOrder: Int, _ n: Int, _ m: Int) -> Double {
        let count = Double(matches)
        let transpositions = Double(outOfOrder / 2)
        return (count / Double(n) + count / Double(m) + (count - transpositions) / count) / 3
    }
}
