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
        // The digits and the country code's digits on the stack (one byte a digit at most).
        let capacity = phone.utf8.count + countryCode.utf8.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer -> String? in
            var code = 0
            for byte in countryCode.utf8 where byte &- 0x30 < 10 {
                buffer[code] = byte
                code += 1
            }
            let codeDigits = UnsafeBufferPointer(rebasing: buffer[0..<code])
            let digits = UnsafeMutableBufferPointer(rebasing: buffer[code...])
            guard let scanned = scanDigits(phone, into: digits) else { return nil }
            var count = scanned.count

            var start = 0
            var national = false
            if scanned.plus {
                start = 0
            } else if count >= 2, digits[0] == zero, digits[1] == zero {
                start = 2
            } else if count >= 1, digits[0] == zero {
                start = 1
                national = true
            }
            if !national, count > start + code,
                UnsafeBufferPointer(rebasing: digits[start..<(start + code)]).elementsEqual(codeDigits),
                digits[start + code] == zero
            {
                // "+49 030 …": the stray trunk 0 after the country code goes.
                for index in (start + code)..<(count - 1) { digits[index] = digits[index + 1] }
                count -= 1
            }
            guard count - start >= 6, (national ? code : 0) + count - start <= 15 else { return nil }
            let number = String(decoding: UnsafeBufferPointer(rebasing: digits[start..<count]), as: UTF8.self)
            return national ? String(decoding: codeDigits, as: UTF8.self) + number : number
        }
    }

    /// Writes the digits of the number into `digits`; returns their count and whether a "+"
    /// came first. A "(0)" right after the country code is dropped, and an extension marker ends
    /// the number. Nil when a "+" follows a digit or comes twice, or the text has letters other
    /// than an extension marker.
    private static func scanDigits(_ phone: String, into digits: UnsafeMutableBufferPointer<UInt8>) -> (count: Int, plus: Bool)? {
        var count = 0
        var plus = false
        var parenthesisStart = -1
        let scalars = phone.unicodeScalars
        var index = scalars.startIndex
        scan: while index < scalars.endIndex {
            let scalar = scalars[index]
            let value = scalar.value
            if value &- 0x30 < 10 {
                digits[count] = UInt8(truncatingIfNeeded: value)
                count += 1
            } else if value == 0x2B {  // "+"
                guard !plus, count == 0 else { return nil }
                plus = true
            } else if value == 0x28 {  // "("
                parenthesisStart = count
            } else if value == 0x29 {  // ")": drop a lone trunk "(0)" after the country code
                if parenthesisStart > 0, count == parenthesisStart + 1, digits[count - 1] == zero {
                    count -= 1
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
                guard count > 0, extensionMarkers.contains(word) else { return nil }
                break scan
            }
            scalars.formIndex(after: &index)
        }
        return (count, plus)
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
