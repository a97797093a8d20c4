/// Canonicalizes e-mail addresses and VAT identification numbers for exact matching.
///
/// Both functions run in O(n) for a text of n Unicode scalars, ASCII on a fast path.
package enum EmailNormalizer {
    /// The trimmed, lowercased address, or nil unless it has exactly one "@", a non-empty local
    /// part, and a domain that contains a dot (neither first, last, nor doubled); whitespace or
    /// control characters inside make it nil too. Dots and "+" tags of the local part are kept:
    /// "  Anna.Schmidt+Shop@Example.DE " → "anna.schmidt+shop@example.de". O(n).
    package static func normalize(_ email: String) -> String? {
        var email = email
        return email.withUTF8 { normalize(utf8: $0) }
    }

    /// `normalize` of an address's well-formed UTF-8.
    static func normalize(utf8 email: UnsafeBufferPointer<UInt8>) -> String? {
        withNormalized(utf8: email) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 of `normalize(utf8:)`, made on the stack, and returns its
    /// result; nil (without a call) when the text is no address.
    static func withNormalized<R>(utf8 email: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard !email.isEmpty else { return nil }
        // Lowercasing a scalar yields at most three (and 4 bytes a scalar at most).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 12 * email.count) { out in
            var address = Address(out: out)
            if !email.contains(where: { $0 >= 0x80 }) {
                // ASCII (almost every address) byte by byte.
                for byte in email { guard address.append(ascii: byte) else { return nil } }
            } else {
                for scalar in String(decoding: email, as: UTF8.self).unicodeScalars {
                    if scalar.value < 0x80 {
                        guard address.append(ascii: UInt8(truncatingIfNeeded: scalar.value)) else { return nil }
                    } else if scalar.properties.isWhitespace {
                        address.pendingBlank = address.count > 0
                    } else {
                        guard !address.pendingBlank else { return nil }
                        for byte in scalar.properties.lowercaseMapping.utf8 {
                            out[address.count] = byte
                            address.count += 1
                        }
                    }
                }
            }
            guard address.isValid else { return nil }
            return body(UnsafeBufferPointer(rebasing: out[0..<address.count]))
        }
    }

    /// The lowercased bytes of an address as they are appended, and where its "@" is.
    private struct Address {
        let out: UnsafeMutableBufferPointer<UInt8>
        var count = 0
        /// Blanks came after text: only more blanks may follow.
        var pendingBlank = false
        var at = -1

        /// Appends an ASCII byte; false when the address cannot be valid any more.
        @inline(__always)
        mutating func append(ascii byte: UInt8) -> Bool {
            if Text.isSpace(byte) {
                pendingBlank = count > 0
                return true
            }
            guard !pendingBlank, byte >= 0x20, byte != 0x7F else { return false }
            if byte == atSign {
                guard at < 0 else { return false }
                at = count
            }
            out[count] = byte &- 0x41 < 26 ? byte | 0x20 : byte
            count += 1
            return true
        }

        /// Whether the bytes are an address: a local part and a domain with a dot (neither
        /// first, last, nor doubled).
        var isValid: Bool {
            guard at > 0 else { return false }
            let domain = UnsafeBufferPointer(rebasing: out[(at + 1)..<count])
            guard let first = domain.first, let last = domain.last, first != dot, last != dot, domain.contains(dot)
            else { return false }
            var previous: UInt8 = 0
            for byte in domain {
                if byte == dot && previous == dot { return false }
                previous = byte
            }
            return true
        }
    }

    /// The VAT identification number in canonical form, or nil when it is none.
    ///
    /// Uppercases and removes spaces, dots and dashes; the result must be two ASCII letters
    /// followed by 8 to 12 ASCII letters or digits (the range of all EU formats):
    /// "de 123.456-789" → "DE123456789". Any other character makes it nil. O(n).
    package static func vatId(_ text: String) -> String? {
        guard !text.isEmpty else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(16)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x2E || value == 0x2D || isBlank(scalar) { continue }  // "." "-"
            guard value < 0x80 else { return nil }
            let byte = UInt8(truncatingIfNeeded: value)
            if byte &- 0x61 < 26 {
                out.append(byte & ~0x20)
            } else if byte &- 0x41 < 26 || byte &- 0x30 < 10 {
                out.append(byte)
            } else {
                return nil
            }
            guard out.count <= 14 else { return nil }
        }
        guard out.count >= 10, out[0] &- 0x41 < 26, out[1] &- 0x41 < 26 else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `scalar` is white space (including no-break spaces). O(1).
    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    private static let atSign = UInt8(ascii: "@")
    private static let dot = UInt8(ascii: ".")
}
