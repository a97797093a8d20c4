/// Canonicalizes phone numbers to international digits without "+", E.164-like.
///
/// "+49 30 1234567", "0049 30 1234567", "030 1234567", "(030) 1234567" and "+49 (0)30 1234567"
/// all give "49301234567": a leading "+" or "00" marks an international number, a single leading
/// 0 is the national trunk prefix and is replaced by the country code, a "(0)" after the country
/// code is dropped, and so is a stray 0 right after the default country code ("+49 030 …").
/// Digits without any prefix are taken as international already. Spaces and punctuation are
/// ignored; an extension marker ("x", "ext", "extension", "dw", "durchwahl", "app", "apparat")
/// ends the number and what follows it is dropped. O(n) for a text of n Unicode scalars.
package enum PhoneNormalizer {
    /// The canonical digits, or nil when fewer than 6 digits follow the prefix, the result has
    /// more than 15 digits, a "+" follows a digit, or the text has letters other than an
    /// extension marker. O(n).
    package static func normalize(_ phone: String, countryCode: String = "49") -> String? {
        guard !phone.isEmpty else { return nil }
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var plus = false
        var parenthesisStart = -1
        let scalars = phone.unicodeScalars
        var index = scalars.startIndex
        scan: while index < scalars.endIndex {
            let scalar = scalars[index]
            let value = scalar.value
            if value &- 0x30 < 10 {
                digits.append(UInt8(truncatingIfNeeded: value))
            } else if value == 0x2B {  // "+"
                guard !plus, digits.isEmpty else { return nil }
                plus = true
            } else if value == 0x28 {  // "("
                parenthesisStart = digits.count
            } else if value == 0x29 {  // ")": drop a lone trunk "(0)" after the country code
                if parenthesisStart > 0, digits.count == parenthesisStart + 1, digits.last == zero {
                    digits.removeLast()
                }
                parenthesisStart = -1
            } else if isLetter(scalar) {
                var word: [UInt8] = []
                while index < scalars.endIndex, isLetter(scalars[index]) {
                    let letter = scalars[index].value
                    guard letter < 0x80 else { return nil }
                    word.append(UInt8(truncatingIfNeeded: letter) | 0x20)
                    scalars.formIndex(after: &index)
                }
                guard !digits.isEmpty, extensionMarkers.contains(word) else { return nil }
                break scan
            }
            scalars.formIndex(after: &index)
        }

        var start = 0
        var national = false
        if plus {
            start = 0
        } else if digits.count >= 2, digits[0] == zero, digits[1] == zero {
            start = 2
        } else if digits.first == zero {
            start = 1
            national = true
        }
        let code = countryCode.utf8.filter { $0 &- 0x30 < 10 }
        if !national, digits.count > start + code.count, digits[start..<(start + code.count)].elementsEqual(code),
            digits[start + code.count] == zero
        {
            digits.remove(at: start + code.count)
        }
        guard digits.count - start >= 6 else { return nil }
        var result: [UInt8] = national ? code : []
        result.append(contentsOf: digits[start...])
        guard result.count <= 15 else { return nil }
        return String(decoding: result, as: UTF8.self)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) &- 0x61 < 26 }
        return scalar.properties.isAlphabetic
    }

    private static let zero = UInt8(ascii: "0")

    private static let extensionMarkers: [[UInt8]] = ["x", "ext", "extension", "dw", "durchwahl", "app", "apparat"]
        .map { Array($0.utf8) }
}
