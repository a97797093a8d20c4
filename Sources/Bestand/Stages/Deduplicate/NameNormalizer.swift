/// Folds names to one canonical spelling and splits company and person names into comparable parts.
///
/// Folding lowercases, spells German umlauts out (`ä` → `ae`, `ö` → `oe`, `ü` → `ue`, `ß` → `ss`),
/// strips every other accent from Latin letters (precomposed or followed by combining marks),
/// turns every character that is neither a letter nor a digit into a space, collapses runs of
/// spaces and trims. Letters of other scripts are kept, lowercased. All functions run in O(n) for
/// a text of n Unicode scalars (``personTokens(_:)`` adds sorting the tokens); ASCII, Latin-1 and
/// Latin Extended-A take a fast path without allocation beyond the result.
package enum NameNormalizer {
    /// The folded spelling of `text`: "Müller-Lüdenscheidt" → "mueller luedenscheidt". O(n).
    package static func fold(_ text: String) -> String {
        String(decoding: foldedBytes(text), as: UTF8.self)
    }

    /// Splits a company name into its folded core and the canonical legal form, if any.
    ///
    /// The legal form must stand as whole tokens at the end of the folded name, or, when the end
    /// has none, at its start; the longest form wins and the core never becomes empty. Canonical
    /// forms: "gmbh & co kg" (also "ag", "ug", "se", "ltd" with "& co kg" or "& co kgaa"),
    /// "gmbh", "ag", "kg", "kgaa", "ohg", "gbr", "ug", "ek", "ev", "ltd", "inc", "llc", "se",
    /// "partg", "partg mbb", "co kg" and "co". "Müller GmbH & Co. KG" and "Mueller GmbH u. Co KG"
    /// both give ("mueller", "gmbh & co kg"). O(n) plus a constant number of token comparisons.
    package static func companyName(_ text: String) -> (core: String, legalForm: String?) {
        let (bytes, core, legalForm, _, _) = companyNameBytes(text)
        return (String(decoding: bytes[core], as: UTF8.self), legalForm)
    }

    /// `companyName` as the folded bytes of the whole name and the range of its core, with the
    /// name's tokens and which of them the core holds.
    static func companyNameBytes(
        _ text: String
    ) -> (bytes: [UInt8], core: Range<Int>, legalForm: String?, tokens: [Range<Int>], coreTokens: Range<Int>) {
        companyNameBytes(folded: foldedBytes(text))
    }

    /// `companyNameBytes` of a name's well-formed UTF-8.
    static func companyNameBytes(
        utf8: UnsafeBufferPointer<UInt8>
    ) -> (bytes: [UInt8], core: Range<Int>, legalForm: String?, tokens: [Range<Int>], coreTokens: Range<Int>) {
        companyNameBytes(folded: foldedBytes(utf8))
    }

    private static func companyNameBytes(
        folded bytes: [UInt8]
    ) -> (bytes: [UInt8], core: Range<Int>, legalForm: String?, tokens: [Range<Int>], coreTokens: Range<Int>) {
        let tokens = tokenRanges(bytes)
        guard tokens.count > 1 else { return (bytes, bytes.indices, nil, tokens, tokens.indices) }
        if let group = legalFormsByLastToken.first(where: { equal(bytes, tokens[tokens.count - 1], $0.key) }) {
            for form in group.forms where form.tokens.count < tokens.count {
                let first = tokens.count - form.tokens.count
                if matches(form.tokens, bytes, tokens, from: first) {
                    return (bytes, 0..<tokens[first - 1].upperBound, form.canonical, tokens, 0..<first)
                }
            }
        }
        if let group = legalFormsByFirstToken.first(where: { equal(bytes, tokens[0], $0.key) }) {
            for form in group.forms where form.tokens.count < tokens.count {
                if matches(form.tokens, bytes, tokens, from: 0) {
                    return (
                        bytes, tokens[form.tokens.count].lowerBound..<bytes.count, form.canonical, tokens,
                        form.tokens.count..<tokens.count
                    )
                }
            }
        }
        return (bytes, bytes.indices, nil, tokens, tokens.indices)
    }

    /// Whether the token at `range` of folded bytes is a title that `personTokens` drops.
    static func isTitle(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        titles.contains(where: { equal(bytes, range, $0) })
    }

    /// The folded tokens of a person's name without titles, sorted, so word order does not matter.
    ///
    /// "Schmidt, Anna" and "Frau Dr. Anna Schmidt" both give ["anna", "schmidt"]. Dropped titles:
    /// dr, prof, herr, frau, hr, fr, dipl, ing. O(n + k log k) for k tokens.
    package static func personTokens(_ text: String) -> [String] {
        let bytes = foldedBytes(text)
        var result: [String] = []
        for range in tokenRanges(bytes) where !isTitle(bytes, range) {
            result.append(String(decoding: bytes[range], as: UTF8.self))
        }
        result.sort()
        return result
    }

    // MARK: - Folding

    /// The folded UTF-8 bytes of `text`. With `keepingRangeMarks`, each `-` and `/` becomes a
    /// token of its own (for house-number ranges) instead of a space. O(n).
    static func foldedBytes(_ text: String, keepingRangeMarks: Bool = false) -> [UInt8] {
        var text = text
        text.makeContiguousUTF8()  // no copy for native strings
        return text.utf8.withContiguousStorageIfAvailable { foldedBytes($0, keepingRangeMarks: keepingRangeMarks) } ?? []
    }

    /// Folds well-formed UTF-8 (as every Swift string is), ASCII byte by byte. O(n).
    static func foldedBytes(_ input: UnsafeBufferPointer<UInt8>, keepingRangeMarks: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var pendingSpace = false
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte < 0x80 {
                index += 1
                if byte &- 0x61 < 26 || byte &- 0x30 < 10 {
                    append(byte, to: &out, pendingSpace: &pendingSpace)
                } else if byte &- 0x41 < 26 {
                    append(byte | 0x20, to: &out, pendingSpace: &pendingSpace)
                } else if keepingRangeMarks && (byte == hyphen || byte == slash) {
                    if !out.isEmpty { out.append(space) }
                    out.append(byte)
                    pendingSpace = true
                } else {
                    pendingSpace = !out.isEmpty
                }
                continue
            }
            let scalar = decodeScalar(input, at: &index)
            var spelling = latinSpelling(scalar)
            if spelling != 0 {
                while spelling != 0 {
                    append(UInt8(truncatingIfNeeded: spelling), to: &out, pendingSpace: &pendingSpace)
                    spelling >>= 8
                }
            } else if isCombiningMark(scalar) {
                // A decomposed umlaut: the diaeresis right after a, o or u spells out as "e".
                if scalar.value == 0x308, !pendingSpace, let last = out.last,
                    last == 0x61 || last == 0x6F || last == 0x75
                {
                    out.append(0x65)
                }
            } else {
                foldOther(scalar, into: &out, pendingSpace: &pendingSpace)
            }
        }
        return out
    }

    /// Decodes the multi-byte scalar starting at `index` of well-formed UTF-8 and moves past it.
    @inline(__always)
    private static func decodeScalar(_ input: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Unicode.Scalar {
        let lead = UInt32(input[index])
        var value: UInt32
        var length: Int
        if lead < 0xE0 {
            value = lead & 0x1F
            length = 2
        } else if lead < 0xF0 {
            value = lead & 0x0F
            length = 3
        } else {
            value = lead & 0x07
            length = 4
        }
        let end = min(index + length, input.count)
        index += 1
        while index < end {
            value = value << 6 | UInt32(input[index] & 0x3F)
            index += 1
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Lowercase ASCII spelling of a Latin letter, up to four letters packed low byte first, or 0
    /// when `scalar` is no Latin letter with a plain spelling. Umlauts give "ae", "oe", "ue",
    /// `ß` and `ẞ` give "ss"; other accents are dropped. O(1); letters outside Latin-1 and Latin
    /// Extended-A are spelled from their Unicode name (slow, but rare).
    static func latinSpelling(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        switch value {
        case 0x41...0x5A: return value | 0x20
        case 0x61...0x7A: return value
        case 0xC4, 0xE4, 0xC6, 0xE6: return pack(0x61, 0x65)  // ä æ → ae
        case 0xD6, 0xF6, 0x152, 0x153: return pack(0x6F, 0x65)  // ö œ → oe
        case 0xDC, 0xFC: return pack(0x75, 0x65)  // ü → ue
        case 0xDF, 0x1E9E: return pack(0x73, 0x73)  // ß ẞ → ss
        case 0xDE, 0xFE: return pack(0x74, 0x68)  // þ → th
        case 0x132, 0x133: return pack(0x69, 0x6A)  // ĳ → ij
        case 0xD7, 0xF7: return 0  // × ÷
        case 0xC0...0x17F:
            return UInt32(latinBase[Int(value - 0xC0)])
        case 0xFF21...0xFF3A: return value - 0xFF21 + 0x61  // fullwidth A-Z
        case 0xFF41...0xFF5A: return value - 0xFF41 + 0x61  // fullwidth a-z
        case 0x180...0x24F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xFB00...0xFB06:
            return spellingFromName(scalar)
        default:
            return 0
        }
    }

    /// Whether `scalar` is a combining mark that folding drops. O(1).
    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value >= 0x300 && scalar.value <= 0x36F { return true }
        let category = scalar.properties.generalCategory
        return category == .nonspacingMark || category == .enclosingMark
    }

    /// Folds a scalar that is no Latin letter: other letters lowercased, digits of other
    /// scripts as ASCII digits, everything else a space.
    private static func foldOther(_ scalar: Unicode.Scalar, into out: inout [UInt8], pendingSpace: inout Bool) {
        let properties = scalar.properties
        if properties.isAlphabetic {
            for byte in properties.lowercaseMapping.utf8 {
                append(byte, to: &out, pendingSpace: &pendingSpace)
            }
        } else if properties.numericType == .decimal || properties.numericType == .digit,
            let number = properties.numericValue, number >= 0, number <= 9, number == number.rounded()
        {
            append(0x30 + UInt8(number), to: &out, pendingSpace: &pendingSpace)
        } else {
            pendingSpace = !out.isEmpty
        }
    }

    @inline(__always)
    private static func append(_ byte: UInt8, to out: inout [UInt8], pendingSpace: inout Bool) {
        if pendingSpace {
            out.append(space)
            pendingSpace = false
        }
        out.append(byte)
    }

    private static func pack(_ first: UInt8, _ second: UInt8) -> UInt32 {
        UInt32(first) | UInt32(second) << 8
    }

    /// Spells a Latin letter from its Unicode name: "LATIN SMALL LETTER A WITH DOT BELOW" → "a",
    /// "LATIN SMALL LETTER U WITH DIAERESIS AND MACRON" → "ue", "LATIN SMALL LIGATURE FFI" → "ffi".
    /// Names whose letter part is a word ("SCHWA", "TURNED A") give 0.
    private static func spellingFromName(_ scalar: Unicode.Scalar) -> UInt32 {
        guard let name = scalar.properties.name else { return 0 }
        let bytes = Array(name.utf8)
        let prefixes: [(text: String, maximum: Int)] = [
            ("LATIN SMALL LETTER ", 2), ("LATIN CAPITAL LETTER ", 2),
            ("LATIN SMALL LIGATURE ", 4), ("LATIN CAPITAL LIGATURE ", 4),
        ]
        for prefix in prefixes where bytes.starts(with: prefix.text.utf8) {
            var index = prefix.text.utf8.count
            var spelling: UInt32 = 0
            var count = 0
            while index < bytes.count, bytes[index] &- 0x41 < 26 {
                guard count < prefix.maximum else { return 0 }
                spelling |= UInt32(bytes[index] | 0x20) << (8 * UInt32(count))
                count += 1
                index += 1
            }
            guard count > 0 else { return 0 }
            if index == bytes.count { return spelling }
            let rest = bytes[index...]
            guard rest.starts(with: " WITH ".utf8) else { return 0 }
            if count == 1, spelling == 0x61 || spelling == 0x6F || spelling == 0x75,
                rest.starts(with: " WITH DIAERESIS".utf8)
            {
                spelling |= 0x65 << 8
            }
            return spelling
        }
        return 0
    }

    /// Base letters of U+00C0…U+017F; "." marks entries handled in ``latinSpelling(_:)``.
    private static let latinBase: [UInt8] = Array(
        ("aaaa.a.ceeeeiiiidnoooo..ouuu.y.." + "aaaa.a.ceeeeiiiidnoooo..ouuu.y.y"
            + "aaaaaaccccccccddddeeeeeeeeeegggg" + "gggghhhhiiiiiiiiii..jjkkklllllll"
            + "lllnnnnnnnnnoooooo..rrrrrrssssss" + "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs").utf8)

    // MARK: - Tokens

    /// The ranges of the space-separated tokens of folded bytes. O(n).
    static func tokenRanges(_ bytes: [UInt8]) -> [Range<Int>] { tokenRanges(bytes, in: bytes.indices) }

    /// The ranges of the space-separated tokens within `bounds` of folded bytes. O(n).
    static func tokenRanges(_ bytes: [UInt8], in bounds: Range<Int>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = bounds.lowerBound
        for index in bounds where bytes[index] == space {
            if index > start { ranges.append(start..<index) }
            start = index + 1
        }
        if bounds.upperBound > start { ranges.append(start..<bounds.upperBound) }
        return ranges
    }

    /// Whether the token at `range` of `bytes` equals `token`. O(length).
    @inline(__always)
    static func equal(_ bytes: [UInt8], _ range: Range<Int>, _ token: [UInt8]) -> Bool {
        guard range.count == token.count else { return false }
        var offset = 0
        for index in range {
            if bytes[index] != token[offset] { return false }
            offset += 1
        }
        return true
    }

    private static func matches(_ pattern: [[UInt8]], _ bytes: [UInt8], _ tokens: [Range<Int>], from first: Int) -> Bool {
        for (offset, token) in pattern.enumerated() where !equal(bytes, tokens[first + offset], token) {
            return false
        }
        return true
    }

    private static let space = UInt8(ascii: " ")
    private static let hyphen = UInt8(ascii: "-")
    private static let slash = UInt8(ascii: "/")

    private static let titles: [[UInt8]] = ["dr", "prof", "herr", "frau", "hr", "fr", "dipl", "ing"].map { Array($0.utf8) }

    /// A legal form as a sequence of folded tokens.
    private struct LegalForm {
        let tokens: [[UInt8]]
        let canonical: String
        /// Whether the form may also stand at the start; not for initials ("e v") or "& co".
        let atStart: Bool
    }

    /// Legal forms grouped by their last token, each group longest first.
    private static let legalFormsByLastToken = grouped(legalForms, by: { $0.tokens[$0.tokens.count - 1] })

    /// Legal forms grouped by their first token, each group longest first.
    private static let legalFormsByFirstToken = grouped(legalForms.filter(\.atStart), by: { $0.tokens[0] })

    private static func grouped(_ forms: [LegalForm], by key: (LegalForm) -> [UInt8]) -> [(key: [UInt8], forms: [LegalForm])] {
        var groups: [(key: [UInt8], forms: [LegalForm])] = []
        for form in forms {
            if let index = groups.firstIndex(where: { $0.key == key(form) }) {
                groups[index].forms.append(form)
            } else {
                groups.append((key(form), [form]))
            }
        }
        return groups
    }

    /// All legal forms, longest token sequence first.
    private static let legalForms: [LegalForm] = {
        var spellings: [(String, String)] = [
            ("gmbh", "gmbh"), ("mbh", "gmbh"), ("g m b h", "gmbh"),
            ("gesellschaft mit beschraenkter haftung", "gmbh"),
            ("ag", "ag"), ("aktiengesellschaft", "ag"),
            ("kg", "kg"), ("kommanditgesellschaft", "kg"),
            ("kgaa", "kgaa"), ("kommanditgesellschaft auf aktien", "kgaa"),
            ("ohg", "ohg"), ("offene handelsgesellschaft", "ohg"),
            ("gbr", "gbr"), ("gesellschaft buergerlichen rechts", "gbr"),
            ("ug", "ug"), ("ug haftungsbeschraenkt", "ug"), ("ug haftungsbeschrankt", "ug"),
            ("ug haftungsbeschr", "ug"),
            ("e k", "ek"), ("ek", "ek"), ("e kfm", "ek"), ("e kfr", "ek"), ("e kfrau", "ek"),
            ("ekfm", "ek"), ("ekfr", "ek"), ("eingetragener kaufmann", "ek"), ("eingetragene kauffrau", "ek"),
            ("e v", "ev"), ("ev", "ev"), ("eingetragener verein", "ev"),
            ("ltd", "ltd"), ("limited", "ltd"),
            ("inc", "inc"), ("incorporated", "inc"),
            ("llc", "llc"),
            ("se", "se"),
            ("partg", "partg"), ("partnerschaftsgesellschaft", "partg"), ("partg mbb", "partg mbb"),
        ]
        let heads = [
            ("gmbh", "gmbh"), ("ag", "ag"), ("ug", "ug"), ("ug haftungsbeschraenkt", "ug"),
            ("ug haftungsbeschrankt", "ug"), ("se", "se"), ("ltd", "ltd"), ("limited", "ltd"),
        ]
        for connector in ["", "u ", "und "] {
            for company in ["co", "cie"] {
                spellings.append((connector + company, "co"))
                for tail in ["kg", "kgaa"] {
                    spellings.append((connector + company + " " + tail, "co " + tail))
                    for (head, canonical) in heads {
                        spellings.append((head + " " + connector + company + " " + tail, canonical + " & co " + tail))
                    }
                }
            }
        }
        let forms = spellings.map { spelling, canonical in
            let tokens = spelling.utf8.split(separator: space).map { Array($0) }
            let leading = tokens[0]
            let atStart =
                tokens.allSatisfy { $0.count > 1 }
                && !["co", "cie", "und"].contains { Array($0.utf8) == leading }
            return LegalForm(tokens: tokens, canonical: canonical, atStart: atStart)
        }
        return forms.sorted { $0.tokens.count > $1.tokens.count }
    }()
}
