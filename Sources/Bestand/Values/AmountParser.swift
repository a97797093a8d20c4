/// Parses money amounts from field bytes into exact integer cents (SPEC §3).
///
/// Grammar, with spaces allowed between the parts:
/// `[sign] [currency] [sign] digits[groups][decimal digits] [currency]`, at most one sign and
/// one currency (`€` or `EUR`, any case). Thousands separators (the other one of `.`/`,`,
/// or a space) must form groups of three. Digits beyond the cents are rounded half away
/// from zero. At most 12 integer digits (below a trillion), so that sums over tens of
/// millions of rows stay far inside 64 bits; a longer number is a data error such as an order
/// number in the amount column.
package struct AmountParser: Sendable {
    package static let maximumIntegerDigits = 12

    /// The decimal separator byte, `.` or `,`.
    package let decimalSeparator: UInt8

    package init(decimalSeparator: UInt8) {
        self.decimalSeparator = decimalSeparator
    }

    /// Cents, or nil when the text is not an amount. O(length), no allocation.
    package func parse(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        let n = b.count
        var i = 0
        var negative = false
        var sawSign = false
        var sawCurrency = false

        // Prefix: signs and a currency in either order.
        while i < n {
            let byte = b[i]
            if byte == space {
                i += 1
                continue
            }
            if let length = nonBreakingSpaceLength(b, at: i) {
                i += length
                continue
            }
            if byte == minus || byte == plus {
                guard !sawSign else { return nil }
                sawSign = true
                negative = byte == minus
                i += 1
            } else if let length = currencyLength(b, at: i) {
                guard !sawCurrency else { return nil }
                sawCurrency = true
                i += length
            } else {
                break
            }
        }

        // The number: integer part with optional grouping, then an optional fraction.
        let groupSeparator = decimalSeparator == comma ? dot : comma
        var integer: Int64 = 0
        var integerDigits = 0
        var digitsInGroup = 0
        var grouping: UInt8 = 0  // the separator in use, once one was seen
        while i < n {
            let byte = b[i]
            if isDigit(byte) {
                integerDigits += 1
                digitsInGroup += 1
                guard integerDigits <= Self.maximumIntegerDigits else { return nil }
                integer = integer * 10 + Int64(byte &- 0x30)
                i += 1
            } else if (byte == groupSeparator || byte == space) && i + 1 < n && isDigit(b[i + 1]) {
                // A separator is a grouping only if digits follow; a space before a currency is not.
                if grouping == 0 {
                    guard digitsInGroup >= 1, digitsInGroup <= 3 else { return nil }
                    grouping = byte
                } else {
                    guard byte == grouping, digitsInGroup == 3 else { return nil }
                }
                digitsInGroup = 0
                i += 1
            } else {
                break
            }
        }
        guard integerDigits > 0, grouping == 0 || digitsInGroup == 3 else { return nil }

        var cents = integer * 100
        if i < n, b[i] == decimalSeparator {
            i += 1
            var fractionDigits = 0
            var roundUp = false
            while i < n, isDigit(b[i]) {
                let digit = Int64(b[i] &- 0x30)
                switch fractionDigits {
                case 0: cents += digit * 10
                case 1: cents += digit
                case 2: roundUp = digit >= 5
                default: break
                }
                fractionDigits += 1
                i += 1
            }
            guard fractionDigits > 0 else { return nil }
            if roundUp { cents += 1 }
        }

        // Suffix: spaces and a currency, if none came before the number.
        while i < n {
            let byte = b[i]
            if byte == space {
                i += 1
            } else if let length = nonBreakingSpaceLength(b, at: i) {
                i += length
            } else if let length = currencyLength(b, at: i), !sawCurrency {
                sawCurrency = true
                i += length
            } else {
                return nil
            }
        }
        return negative ? -cents : cents
    }

    package func parse(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// Length of a no-break space (U+00A0, U+202F) at `i`, else nil.
    @inline(__always)
    private func nonBreakingSpaceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        if b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
        if b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xAF { return 3 }
        return nil
    }

    /// Length of `€` (UTF-8) or `EUR` at `i`, else nil.
    @inline(__always)
    private func currencyLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        if b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x82, b[i + 2] == 0xAC { return 3 }
        if b[i] | 0x20 == UInt8(ascii: "e"), i + 2 < b.count, b[i + 1] | 0x20 == UInt8(ascii: "u"),
            b[i + 2] | 0x20 == UInt8(ascii: "r")
        {
            return 3
        }
        return nil
    }

    @inline(__always) private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

private let space = UInt8(ascii: " ")
private let minus = UInt8(ascii: "-")
private let plus = UInt8(ascii: "+")
private let dot = UInt8(ascii: ".")
private let comma = UInt8(ascii: ",")
