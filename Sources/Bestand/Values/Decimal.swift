/// Fixed-point rendering of exact values: cents as money, fractions as rates.
package enum Decimal {
    /// Cents as `-1234.50` (two decimals, no grouping).
    package static func money(_ cents: Int64) -> String {
        let magnitude = cents.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + String(whole) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// multiplier · numerator / denominator with `decimals` digits, rounded half away from zero,
    /// exactly (128-bit integer arithmetic). nil when the denominator is zero.
    package static func ratio(_ numerator: Int64, _ denominator: Int64, decimals: Int = 4, multiplier: Int64 = 1) -> String? {
        guard denominator != 0 else { return nil }
        let negative = (numerator < 0) != (denominator < 0) && numerator != 0
        var scale: UInt128 = 1
        for _ in 0..<decimals { scale *= 10 }
        // round(n/d · scale) half away from zero = floor((2·n·scale + d) / (2·d)).
        let n = UInt128(numerator.magnitude) * UInt128(multiplier.magnitude)
        let d = UInt128(denominator.magnitude)
        let scaled = (2 * n * scale + d) / (2 * d)
        let whole = String(scaled / scale)
        var fraction = String(scaled % scale)
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        let text = decimals > 0 ? "\(whole).\(fraction)" : whole
        return (negative && scaled != 0 ? "-" : "") + text
    }

    /// A double with `decimals` digits, rounded half away from zero (for timings and rates
    /// that are not exact fractions).
    package static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int64(scaled / scale)
        var fraction = String(Int64(scaled) - whole * Int64(scale))
        fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
        let sign = value < 0 && scaled != 0 ? "-" : ""
        return decimals > 0 ? "\(sign)\(whole).\(fraction)" : "\(sign)\(whole)"
    }
}
