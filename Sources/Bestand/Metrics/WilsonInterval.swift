import Foundation

/// The 95 % Wilson score interval of a proportion (z = 1.96).
package enum WilsonInterval {
    package static let z = 1.96

    /// Bounds for `successes` out of `trials`; nil when `trials` is 0.
    ///
    /// center = (p + z²/2n) / (1 + z²/n), half-width = z/(1 + z²/n) · √(p(1−p)/n + z²/4n²).
    package static func bounds(successes: Int, trials: Int) -> (low: Double, high: Double)? {
        guard trials > 0 else { return nil }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return (max(0, center - half), min(1, center + half))
    }
}
