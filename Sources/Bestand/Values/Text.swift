#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte-level helpers for field text: trimming, ASCII case folding, decoding.
package enum Text {
    /// Whether `a` comes before `b` in the byte order of their UTF-8 (the order of the output
    /// tables' ids). O(length), no allocation.
    @inline(__always)
    package static func bytesPrecede(_ a: String, _ b: String) -> Bool { compareBytes(a, b) < 0 }

    /// Negative, zero or positive as `a` comes before, equals or follows `b` in the byte order of
    /// their UTF-8 (unlike `==`, which holds canonically equivalent strings equal). O(length).
    @inline(__always)
    package static func compareBytes(_ a: String, _ b: String) -> Int {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? Int(order) : x.count - y.count
            }
        }
    }

    /// Whether a byte is ASCII white space (space, tab, CR, LF, VT, FF).
    @inline(__always)
    package static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// The field without surrounding white space (ASCII and U+00A0 no-break space).
    @inline(__always)
    package static func trimmed(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        // Most fields neither start nor end with a byte that could begin or end white space.
        if let base = field.baseAddress, field.count > 0 {
            let first = base[0]
            let last = base[field.count - 1]
            if first > 0x20, first != 0xC2, last > 0x20, last != 0xA0 { return field }
        }
        var start = 0
        var end = field.count
        while start < end {
            if isSpace(field[start]) {
                start += 1
            } else if field[start] == 0xC2, start + 1 < end, field[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            if isSpace(field[end - 1]) {
                end -= 1
            } else if end - start >= 2, field[end - 1] == 0xA0, field[end - 2] == 0xC2 {
                end -= 2
            } else {
                break
            }
        }
        return UnsafeBufferPointer(rebasing: field[start..<end])
    }

    /// A `String` from UTF-8 bytes.
    package static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Whole-value, case-insensitive comparison of trimmed text with a list of lowercased words.
    ///
    /// ASCII is folded byte by byte; text with other letters is lowercased through `String`.
    package static func matchesAny(_ field: UnsafeBufferPointer<UInt8>, _ lowercasedWords: [[UInt8]]) -> Bool {
        if field.contains(where: { $0 >= 0x80 }) {
            let lowered = Array(string(field).lowercased().utf8)
            return lowercasedWords.contains(lowered)
        }
        for word in lowercasedWords where word.count == field.count {
            var equal = true
            for i in 0..<field.count where asciiLower(field[i]) != word[i] {
                equal = false
                break
            }
            if equal { return true }
        }
        return false
    }

    @inline(__always)
    package static func asciiLower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
