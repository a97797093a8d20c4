/// Kölner Phonetik: a digit code per name that equal-sounding German spellings share.
///
/// Letters are read after folding `ä` → a, `ö` → o, `ü` → u, `ß` → s and dropping other accents;
/// everything that is no Latin letter separates words and is otherwise ignored. Each letter gets a
/// code from its neighbours within the word (A E I J O U Y → 0, H → none, B → 1, P → 1 or 3
/// before H, D T → 2 or 8 before C S Z, F V W → 3, G K Q → 4, C → 4 or 8, X → 48 or 8 after
/// C K Q, L → 5, M N → 6, R → 7, S Z → 8). Adjacent equal digits collapse, across words too,
/// then every 0 but a leading one is removed: "Müller-Lüdenscheidt" → "65752682",
/// "Meyer" → "67", "Schmidt" → "862". O(n) for a text of n Unicode scalars.
package enum ColognePhonetics {
    /// The phonetic code of `text`, "" when it has no Latin letter. O(n).
    package static func code(_ text: String) -> String {
        var encoder = Encoder<UInt8>()
        var word: [UInt8] = []
        word.reserveCapacity(16)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            var spelling: UInt32
            switch value {
            case 0xC4, 0xE4: spelling = 0x61  // ä → a
            case 0xD6, 0xF6: spelling = 0x6F  // ö → o
            case 0xDC, 0xFC: spelling = 0x75  // ü → u
            case 0xDF, 0x1E9E: spelling = 0x73  // ß → s
            default: spelling = NameNormalizer.latinSpelling(scalar)
            }
            if spelling == 0 {
                if value >= 0x80 && NameNormalizer.isCombiningMark(scalar) { continue }
                encoder.encode(word)
                word.removeAll(keepingCapacity: true)
                continue
            }
            while spelling != 0 {
                word.append(UInt8(truncatingIfNeeded: spelling))
                spelling >>= 8
            }
        }
        encoder.encode(word)
        return String(decoding: encoder.digits, as: UTF8.self)
    }

    /// Appends the code of a folded ASCII token (lowercase letters and digits) to `scalars`, as
    /// Unicode scalar values; the same as `code` of the token's text. O(length).
    static func appendCode(ofFoldedASCII token: ArraySlice<UInt8>, to scalars: inout [UInt32]) {
        // The encoder appends to the caller's array, moved in and out (no copy, no allocation).
        var encoder = Encoder<UInt32>()
        swap(&encoder.digits, &scalars)
        var wordStart = token.startIndex
        for index in token.indices where !(0x61...0x7A).contains(token[index]) {
            encoder.encode(token[wordStart..<index])
            wordStart = index + 1
        }
        encoder.encode(token[wordStart..<token.endIndex])
        swap(&encoder.digits, &scalars)
    }

    /// The code of each token, in order. O(total length).
    package static func codes(ofTokens tokens: [String]) -> [String] {
        tokens.map { code($0) }
    }

    /// Appends codes word by word to `digits` (as ASCII digits), collapsing repeats and dropping
    /// non-leading zeros.
    private struct Encoder<Digit: FixedWidthInteger> {
        var digits: [Digit] = []
        /// Digits appended so far (`digits` may hold more before them).
        var emitted = 0
        /// The last digit produced before collapsing, zeros included; 0xFF at the start.
        var last: UInt8 = 0xFF

        /// Encodes one word of lowercase ASCII letters. O(word length).
        mutating func encode(_ word: [UInt8]) { encode(word[...]) }

        mutating func encode(_ word: ArraySlice<UInt8>) {
            let first = word.startIndex
            for index in word.indices {
                let letter = Unicode.Scalar(word[index])
                let previous: Unicode.Scalar = index > first ? Unicode.Scalar(word[index - 1]) : " "
                let next: Unicode.Scalar = index + 1 < word.endIndex ? Unicode.Scalar(word[index + 1]) : " "
                switch letter {
                case "a", "e", "i", "j", "o", "u", "y": emit(0)
                case "b": emit(1)
                case "p": emit(next == "h" ? 3 : 1)
                case "d", "t": emit(next == "c" || next == "s" || next == "z" ? 8 : 2)
                case "f", "v", "w": emit(3)
                case "g", "k", "q": emit(4)
                case "c":
                    let hard: Bool
                    switch next {
                    case "a", "h", "k", "o", "q", "u", "x": hard = index == first || (previous != "s" && previous != "z")
                    case "l", "r": hard = index == first
                    default: hard = false
                    }
                    emit(hard ? 4 : 8)
                case "x":
                    if previous == "c" || previous == "k" || previous == "q" {
                        emit(8)
                    } else {
                        emit(4)
                        emit(8)
                    }
                case "l": emit(5)
                case "m", "n": emit(6)
                case "r": emit(7)
                case "s", "z": emit(8)
                default: break  // "h" has no code
                }
            }
        }

        private mutating func emit(_ digit: UInt8) {
            guard digit != last else { return }
            last = digit
            if digit != 0 || emitted == 0 {
                digits.append(Digit(0x30 + digit))
                emitted += 1
            }
        }
    }
}
