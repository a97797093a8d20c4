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
        let fraction = Int64(scaled) - whole * Int64(scale)
        let negative = value < 0 && scaled != 0
        // Written into a buffer on the stack: merges.csv and the link texts need a million.
        guard whole >= 0, fraction >= 0, decimals <= 18 else {
            return fixedByText(whole: whole, fraction: fraction, negative: negative, decimals: decimals)
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var count = 0
            func append(_ byte: UInt8) {
                buffer[count] = byte
                count += 1
            }
            func appendDigits(_ number: Int64, width: Int) {
                var digits = 1
                var rest = number / 10
                while rest > 0 {
                    digits += 1
                    rest /= 10
                }
                for _ in digits..<max(width, digits) { append(0x30) }
                var value = number
                for index in stride(from: count + digits - 1, through: count, by: -1) {
                    buffer[index] = UInt8(0x30 + value % 10)
                    value /= 10
                }
                count += digits
            }
            if negative { append(UInt8(ascii: "-")) }
            appendDigits(whole, width: 1)
            if decimals > 0 {
                append(UInt8(ascii: "."))
                appendDigits(fraction, width: decimals)
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<count]), as: UTF8.self)
        }
    }

    /// `fixed` from its parts through `String` (for parts beyond the fast path's digits).
    static func fixedByText(whole: Int64, fraction: Int64, negative: Bool, decimals: Int) -> String {
        var fraction = String(fraction)
        fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
        let sign = negative ? "-" : ""
        return decimals > 0 ? "\(sign)\(whole).\(fraction)" : "\(sign)\(whole)"
    }
}
