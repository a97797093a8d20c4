/// Splits a street line into a canonical street name and house number.
///
/// The street is folded like ``NameNormalizer/fold(_:)``. Street suffixes are unified and glued
/// to the word before them: "straße", "strasse" and "str." become "str", "platz" and "pl."
/// become "pl", and a separate "weg", "allee", "gasse" or "ring" joins the preceding word, so
/// "Haupt Str.", "Hauptstr." and "Hauptstraße" all give "hauptstr". The house number is taken
/// from the end of the line (or, failing that, a leading number such as "5 Main Street"): digits
/// without leading zeros plus an optional letter, lowercase and without spaces, and a range
/// "5-7" or "5/7" kept with its mark. O(n) for a line of n Unicode scalars.
package enum StreetNormalizer {
    /// A street line's canonical name and house number.
    package typealias Street = (name: String, number: String)

    /// The canonical street name and house number ("" when there is none):
    /// "Hauptstraße 5 A" → ("hauptstr", "5a"), "Römerstr. 65-67" → ("roemerstr", "65-67"). O(n).
    package static func normalize(_ street: String) -> Street {
        normalize(folded: NameNormalizer.foldedBytes(street, keepingRangeMarks: true))
    }

    /// `normalize` of a street line's well-formed UTF-8.
    static func normalize(utf8: UnsafeBufferPointer<UInt8>) -> Street {
        normalize(folded: NameNormalizer.foldedBytes(utf8, keepingRangeMarks: true))
    }

    private static func normalize(folded bytes: [UInt8]) -> Street {
        // Tokens, name and number on the stack: at most a token a byte; the number is made of
        // the bytes, the name of the bytes (suffixes only get shorter) and a space a token.
        return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: bytes.count + 1) { tokenBuffer in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3 * bytes.count + 2) { out in
                let tokens = UnsafeBufferPointer(rebasing: tokenBuffer[0..<splitTokens(bytes, into: tokenBuffer)])
                var number = ByteBuffer(UnsafeMutableBufferPointer(rebasing: out[0..<(bytes.count + 1)]))
                var name = ByteBuffer(UnsafeMutableBufferPointer(rebasing: out[(bytes.count + 1)...]))

                var nameTokens = 0..<tokens.count
                if let start = houseNumber(endingAt: tokens.count - 1, tokens, bytes, into: &number) {
                    nameTokens = 0..<start
                } else if tokens.count > 1, isNumber(tokens[0], bytes) {
                    appendNumber(tokens[0], bytes, to: &number)
                    nameTokens = 1..<tokens.count
                }
                for index in nameTokens {
                    let range = tokens[index]
                    if isMark(range, bytes) { continue }
                    let canonical = canonicalSuffix(range, bytes)
                    if let canonical, !name.isEmpty {
                        name.append(contentsOf: canonical)  // a separate suffix joins the word before it
                    } else {
                        if !name.isEmpty { name.append(space) }
                        appendGluedSuffixCanonical(range, bytes, to: &name)
                    }
                }
                return (name.string, number.string)
            }
        }
    }

    /// Bytes appended into memory that the caller provides (and sized to fit).
    private struct ByteBuffer {
        let memory: UnsafeMutableBufferPointer<UInt8>
        private(set) var count = 0

        init(_ memory: UnsafeMutableBufferPointer<UInt8>) { self.memory = memory }

        var isEmpty: Bool { count == 0 }
        var string: String { String(decoding: UnsafeBufferPointer(rebasing: memory[0..<count]), as: UTF8.self) }

        mutating func append(_ byte: UInt8) {
            memory[count] = byte
            count += 1
        }

        mutating func append<S: Sequence<UInt8>>(contentsOf bytes: S) {
            for byte in bytes { append(byte) }
        }
    }

    /// Splits the folded bytes into their space-separated tokens, and each token where a digit
    /// follows a non-digit ("hauptstr5" → "hauptstr", "5"); returns how many it wrote.
    private static func splitTokens(_ bytes: [UInt8], into tokens: UnsafeMutableBufferPointer<Range<Int>>) -> Int {
        var count = 0
        var start = 0
        for index in 0...bytes.count {
            if index == bytes.count || bytes[index] == space {
                if index > start {
                    tokens[count] = start..<index
                    count += 1
                }
                start = index + 1
            } else if index > start, isDigit(bytes[index]), !isDigit(bytes[index - 1]) {
                tokens[count] = start..<index
                count += 1
                start = index
            }
        }
        return count
    }

    // MARK: - House numbers

    /// Parses the house number (a number, or a range of two) whose last token is at `end`,
    /// appends it to `number` and returns the index of its first token; nil when there is none.
    private static func houseNumber(
        endingAt end: Int, _ tokens: UnsafeBufferPointer<Range<Int>>, _ bytes: [UInt8], into number: inout ByteBuffer
    ) -> Int? {
        guard let last = singleNumber(endingAt: end, tokens, bytes) else { return nil }
        var start = last.start
        if start >= 2, isMark(tokens[start - 1], bytes), let first = singleNumber(endingAt: start - 2, tokens, bytes) {
            appendNumber(first.digits, bytes, to: &number)
            if let letter = first.letter { number.append(bytes[letter]) }
            number.append(bytes[tokens[start - 1].lowerBound])
            start = first.start
        }
        appendNumber(last.digits, bytes, to: &number)
        if let letter = last.letter { number.append(bytes[letter]) }
        return start
    }

    /// A house number's first token, its digits, and the index of its letter, all within the folded bytes.
    private typealias SingleNumber = (start: Int, digits: Range<Int>, letter: Int?)

    /// A single house number ending at token `end`: "5", "5a", or "5" followed by a one-letter token.
    private static func singleNumber(endingAt end: Int, _ tokens: UnsafeBufferPointer<Range<Int>>, _ bytes: [UInt8]) -> SingleNumber? {
        guard end >= 0 else { return nil }
        let range = tokens[end]
        if range.count == 1, isLetter(bytes[range.lowerBound]), end >= 1, isDigits(tokens[end - 1], bytes) {
            return (end - 1, tokens[end - 1], range.lowerBound)
        }
        guard isNumber(range, bytes) else { return nil }
        if isLetter(bytes[range.upperBound - 1]) {
            return (end, range.lowerBound..<(range.upperBound - 1), range.upperBound - 1)
        }
        return (end, range, nil)
    }

    /// Appends the digits of `range` (and a trailing letter, if any) without leading zeros.
    private static func appendNumber(_ range: Range<Int>, _ bytes: [UInt8], to number: inout ByteBuffer) {
        var index = range.lowerBound
        while index < range.upperBound - 1, bytes[index] == zero, isDigit(bytes[index + 1]) { index += 1 }
        number.append(contentsOf: bytes[index..<range.upperBound])
    }

    /// Digits followed by at most one letter.
    private static func isNumber(_ range: Range<Int>, _ bytes: [UInt8]) -> Bool {
        guard isDigit(bytes[range.lowerBound]) else { return false }
        let last = bytes[range.upperBound - 1]
        let digitsEnd = isLetter(last) ? range.upperBound - 1 : range.upperBound
        return isDigits(range.lowerBound..<digitsEnd, bytes)
    }

    private static func isDigits(_ range: Range<Int>, _ bytes: [UInt8]) -> Bool {
        !range.isEmpty && range.allSatisfy { isDigit(bytes[$0]) }
    }

    private static func isMark(_ range: Range<Int>, _ bytes: [UInt8]) -> Bool {
        range.count == 1 && (bytes[range.lowerBound] == hyphen || bytes[range.lowerBound] == slash)
    }

    @inline(__always) private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    @inline(__always) private static func isLetter(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }

    // MARK: - Suffixes

    /// The canonical spelling when the whole token is a street suffix, else nil.
    private static func canonicalSuffix(_ range: Range<Int>, _ bytes: [UInt8]) -> [UInt8]? {
        for (spelling, canonical) in suffixes where NameNormalizer.equal(bytes, range, spelling) {
            return canonical
        }
        return nil
    }

    /// Appends the token, replacing a glued "strasse" or "platz" at its end by "str" or "pl".
    private static func appendGluedSuffixCanonical(_ range: Range<Int>, _ bytes: [UInt8], to name: inout ByteBuffer) {
        for (ending, canonical) in gluedEndings where range.count >= ending.count {
            let start = range.upperBound - ending.count
            if NameNormalizer.equal(bytes, start..<range.upperBound, ending) {
                name.append(contentsOf: bytes[range.lowerBound..<start])
                name.append(contentsOf: canonical)
                return
            }
        }
        name.append(contentsOf: bytes[range])
    }

    private static let space = UInt8(ascii: " ")
    private static let hyphen = UInt8(ascii: "-")
    private static let slash = UInt8(ascii: "/")
    private static let zero = UInt8(ascii: "0")

    private static let suffixes: [([UInt8], [UInt8])] = [
        ("strasse", "str"), ("str", "str"), ("platz", "pl"), ("pl", "pl"),
        ("weg", "weg"), ("allee", "allee"), ("gasse", "gasse"), ("ring", "ring"),
    ].map { (Array($0.utf8), Array($1.utf8)) }

    private static let gluedEndings: [([UInt8], [UInt8])] = [("strasse", "str"), ("platz", "pl")]
        .map { (Array($0.utf8), Array($1.utf8)) }
}
