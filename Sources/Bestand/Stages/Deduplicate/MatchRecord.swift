/// A customer record reduced to what matching compares, every field normalised once.
struct MatchRecord {
    var key: Int32
    /// The prepared name; empty until `Name(_:)` is stored for records that a block compares.
    var name = Name()
    var postcode: String
    /// The canonical street name (compared as Unicode scalars, for address pairs only).
    var streetName: String
    var houseNumber: String
    var birthDate: Int32
    /// The hashed blocking values (the phone is kept only as its hash: phone_name blocks on it
    /// and compares names).
    var blockKeys = BlockKeys()

    /// Prepares the blocking fields of row `row` of the customer table and hashes its blocking
    /// values; the name is prepared as `Name` only for records that a block will compare.
    /// `streets` remembers the street lines normalised before. O(length of the fields).
    init(
        _ customers: borrowing CustomerTable, row: Int, phoneCountryCode: String,
        addressBlocking: DeduplicationSettings.AddressBlocking, streets: inout CellMemo<StreetNormalizer.Street>
    ) {
        key = customers.key[row]
        // E-mail addresses and streets are read as bytes; the short fields as strings, which
        // hold up to 15 bytes without an allocation. The exact values are kept as their hashes
        // only (the exact rules normalise them again for the records of a block).
        let email = customers.email.withBytes(row) { bytes in
            EmailNormalizer.withNormalized(utf8: bytes) { BlockKeys.value(StableHash().adding(utf8: $0)) }
        }
        let vatId = EmailNormalizer.vatId(customers.vatId[row]).map { BlockKeys.value(StableHash().adding($0)) }
        let phone = PhoneNormalizer.normalize(customers.phone[row], countryCode: phoneCountryCode)
        postcode = Self.postcodeKey(customers.postcode[row])
        let street = streets.value(customers.street, row) { StreetNormalizer.normalize(utf8: $0) }
        streetName = street.name
        houseNumber = street.number
        birthDate = customers.birthDate[row]
        if let email { blockKeys.email = email }
        if let vatId { blockKeys.vatId = vatId }
        if let phone { blockKeys.phone = BlockKeys.value(StableHash().adding(phone)) }
        if !postcode.isEmpty, !streetName.isEmpty {
            // Postcode, house number and the street's initial: typing errors rarely hit the
            // first letter, and real blocks stay small.
            var hash = StableHash().adding(postcode)
            if addressBlocking == .postcodeAndNumber {
                hash = hash.adding(houseNumber).adding(String(streetName.unicodeScalars.first!))
            }
            blockKeys.address = BlockKeys.value(hash)
        }
    }

    /// A record's blocking value per rule, hashed once (`BlockKeys.none`: in no block of the
    /// rule), so that building the blocks reads flat integers, not strings.
    struct BlockKeys {
        static let none = Int.min
        var email = none
        var vatId = none
        var phone = none
        var address = none

        /// A hash as a blocking value: `none` is moved aside (a hash is only a hash).
        static func value(_ hash: StableHash) -> Int { hash.value == none ? none + 1 : hash.value }
    }

    /// The postcode's digits and capital letters (ASCII on a fast path): "D-10115 " → "D10115".
    static func postcodeKey(_ text: String) -> String {
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            if bytes.allSatisfy({ $0 &- 0x30 < 10 || $0 &- 0x41 < 26 }) { return text }
            return String(decoding: bytes.filter { $0 &- 0x30 < 10 || $0 &- 0x41 < 26 }, as: UTF8.self)
        }
        if case .some(.some(let key)) = ascii { return key }
        return String(text.unicodeScalars.filter { $0.properties.numericType != nil || ("A"..."Z").contains($0) })
    }

    /// A name as matching compares it: folded, without its legal form, in tokens, each with
    /// its Kölner Phonetik code. One array a name (a large run prepares about a million).
    struct Name {
        /// Per token where its scalars end, then per token where its code ends, both counted
        /// from `4 · tokenCount`, where the scalars begin: those of every token (sorted), then
        /// those of every token's code. Between the ends and the scalars, per token the 64 bits
        /// of `letters` as two words.
        private(set) var storage: [UInt32] = []
        private(set) var tokenCount = 0
        var legalForm: String?

        /// Where the scalars begin in `storage`, after the ends and the letters.
        private var scalarsStart: Int { 4 * tokenCount }

        init() {}

        /// Folds the name, removes its legal form and computes the tokens' phonetic codes. A
        /// core that folds to ASCII (almost every name) is split and coded on its bytes; other
        /// cores go through `personTokens` and `ColognePhonetics.code`, with the same result.
        init(_ text: String) {
            var text = text
            self = text.withUTF8 { Name(utf8: $0) }
        }

        /// `Name(_:)` of a name's well-formed UTF-8.
        init(utf8: UnsafeBufferPointer<UInt8>) {
            var (bytes, core, legalForm, tokens, coreTokens) = NameNormalizer.companyNameBytes(utf8: utf8)
            guard bytes[core].allSatisfy({ $0 < 0x80 }) else {
                self = Name(tokensOf: String(decoding: bytes[core], as: UTF8.self), legalForm: legalForm)
                return
            }
            self.legalForm = legalForm
            // Folded ASCII folds to itself, so the tokens are those of `personTokens` (the core's
            // tokens without titles, kept in place), and byte order is the order of their strings.
            var count = 0
            for index in coreTokens where !NameNormalizer.isTitle(bytes, tokens[index]) {
                tokens[count] = tokens[index]
                count += 1
            }
            tokens[0..<count].sort { bytes[$0].lexicographicallyPrecedes(bytes[$1]) }
            tokenCount = count
            storage.reserveCapacity(scalarsStart + 2 * core.count)
            storage.append(contentsOf: repeatElement(0, count: scalarsStart))
            for index in 0..<count {
                for byte in bytes[tokens[index]] { storage.append(UInt32(byte)) }
                storage[index] = UInt32(storage.count - scalarsStart)
            }
            for index in 0..<count {
                ColognePhonetics.appendCode(ofFoldedASCII: bytes[tokens[index]], to: &storage)
                storage[count + index] = UInt32(storage.count - scalarsStart)
            }
            storeLetters()
        }

        /// The name prepared from the text of its folded core, as `personTokens` splits it.
        init(tokensOf core: String, legalForm: String?) {
            self.legalForm = legalForm
            let words = NameNormalizer.personTokens(core)
            tokenCount = words.count
            storage.append(contentsOf: repeatElement(0, count: scalarsStart))
            for (index, word) in words.enumerated() {
                for scalar in word.unicodeScalars { storage.append(scalar.value) }
                storage[index] = UInt32(storage.count - scalarsStart)
            }
            for (index, word) in words.enumerated() {
                for scalar in ColognePhonetics.code(word).unicodeScalars { storage.append(scalar.value) }
                storage[words.count + index] = UInt32(storage.count - scalarsStart)
            }
            storeLetters()
        }

        /// Stores each token's `letters` between the ends and the scalars.
        private mutating func storeLetters() {
            for index in 0..<tokenCount {
                var letters: UInt64 = 0
                for offset in token(index) { letters |= 1 << UInt64(storage[scalarsStart + offset] & 63) }
                storage[2 * tokenCount + 2 * index] = UInt32(truncatingIfNeeded: letters)
                storage[2 * tokenCount + 2 * index + 1] = UInt32(truncatingIfNeeded: letters >> 32)
            }
        }

        /// Which scalars token `index` holds, as a bit per scalar value modulo 64 (a set bit may
        /// stand for several scalars).
        @inline(__always)
        func letters(_ index: Int) -> UInt64 {
            UInt64(storage[2 * tokenCount + 2 * index]) | UInt64(storage[2 * tokenCount + 2 * index + 1]) << 32
        }

        /// The scalars of all tokens, which are equal for equal token lists.
        var tokenScalars: Int { tokenCount == 0 ? 0 : Int(storage[tokenCount - 1]) }

        /// The range of token `index` among the scalars.
        @inline(__always)
        func token(_ index: Int) -> Range<Int> { (index == 0 ? 0 : Int(storage[index - 1]))..<Int(storage[index]) }

        /// The range of token `index`'s phonetic code among the scalars.
        @inline(__always)
        func code(_ index: Int) -> Range<Int> { Int(storage[tokenCount + index - 1])..<Int(storage[tokenCount + index]) }

        /// The scalars of the tokens and their codes, as `Unicode.Scalar` (the same memory).
        @inline(__always)
        func withScalars<R>(_ body: (UnsafeBufferPointer<Unicode.Scalar>) -> R) -> R {
            storage.withUnsafeBufferPointer { stored in
                UnsafeBufferPointer(rebasing: stored[scalarsStart...]).withMemoryRebound(to: Unicode.Scalar.self, body)
            }
        }

        /// Whether both names have the same tokens.
        func sameTokens(as other: borrowing Name) -> Bool {
            guard tokenCount == other.tokenCount else { return false }
            for index in 0..<tokenCount where storage[index] != other.storage[index] { return false }
            let base = scalarsStart
            return storage[base..<(base + tokenScalars)].elementsEqual(other.storage[base..<(base + other.tokenScalars)])
        }
    }

    /// Name similarity 0…1: the average of the symmetric best matches over the name's tokens
    /// (Jaro-Winkler per token pair), but 0 when any token of either name finds no match of at
    /// least `tokenFloor` (Jens is not Jonas, so Jens Müller is not Jonas Müller), when either
    /// name is empty, or when the two carry different legal forms (Müller GmbH is not Müller AG).
    /// A token pair of equal length, first and last letter and equal Kölner Phonetik code
    /// (Meier/Mayer, Schmidt/Schmitt) scores at least `phoneticFloor`. O(tokens² · length²).
    /// The records are read in place (a copy of each would cost a dozen reference counts).
    static func nameSimilarity(_ a: UnsafePointer<MatchRecord>, _ b: UnsafePointer<MatchRecord>) -> Double {
        guard a.pointee.name.tokenCount > 0, b.pointee.name.tokenCount > 0 else { return 0 }
        if let formA = a.pointee.name.legalForm, let formB = b.pointee.name.legalForm, formA != formB { return 0 }
        if a.pointee.name.sameTokens(as: b.pointee.name) { return 1 }
        guard let forward = bestMatchAverage(a.pointee.name, b.pointee.name),
            let backward = bestMatchAverage(b.pointee.name, a.pointee.name)
        else { return 0 }
        return (forward + backward) / 2
    }

    static let tokenFloor = 0.85
    static let phoneticFloor = 0.9

    /// Average over the tokens of `a` of their best match in `b`; nil when a token's best
    /// match is below `tokenFloor`.
    private static func bestMatchAverage(_ a: borrowing Name, _ b: borrowing Name) -> Double? {
        a.withScalars { scalarsA in
            b.withScalars { scalarsB in
                var total = 0.0
                for index in 0..<a.tokenCount {
                    let token = UnsafeBufferPointer(rebasing: scalarsA[a.token(index)])
                    var best = 0.0
                    for otherIndex in 0..<b.tokenCount {
                        let other = UnsafeBufferPointer(rebasing: scalarsB[b.token(otherIndex)])
                        if !mayReachTokenFloor(token, a.letters(index), other, b.letters(otherIndex)) { continue }
                        var score = token.elementsEqual(other) ? 1 : JaroWinkler.similarity(token, other)
                        if score < phoneticFloor,
                            soundAlike(
                                token, UnsafeBufferPointer(rebasing: scalarsA[a.code(index)]), other,
                                UnsafeBufferPointer(rebasing: scalarsB[b.code(otherIndex)]))
                        {
                            score = phoneticFloor
                        }
                        best = max(best, score)
                        if best == 1 { break }
                    }
                    if best < tokenFloor { return nil }
                    total += best
                }
                return total / Double(a.tokenCount)
            }
        }
    }

    /// Whether two different tokens may score `tokenFloor` or more, by a bound that is cheap
    /// beside Jaro-Winkler; false only when they cannot (a pair below the floor never decides a
    /// name's similarity). Sound-alike pairs may. Otherwise the matches m of Jaro are at most
    /// the scalars of each token less its letters that the other lacks, so jaro ≤ (m/|a| +
    /// m/|b| + 1) / 3, and Winkler's prefix ℓ adds ℓ · 0.1 · (1 − jaro). O(1) but the prefix.
    @inline(__always)
    static func mayReachTokenFloor(
        _ a: UnsafeBufferPointer<Unicode.Scalar>, _ lettersA: UInt64, _ b: UnsafeBufferPointer<Unicode.Scalar>,
        _ lettersB: UInt64
    ) -> Bool {
        let (n, m) = (a.count, b.count)
        if n == 0 || m == 0 { return n == m }
        if n == m && n >= 4 && a.first == b.first && a.last == b.last { return true }
        let matches = min(n - (lettersA & ~lettersB).nonzeroBitCount, m - (lettersB & ~lettersA).nonzeroBitCount)
        guard matches > 0 else { return false }
        let jaro = (Double(matches) / Double(n) + Double(matches) / Double(m) + 1) / 3
        var prefix = 0
        while prefix < min(4, n, m) && a[prefix] == b[prefix] { prefix += 1 }
        // A margin far above rounding: a pair that Jaro-Winkler might score at the floor is compared.
        return jaro + Double(prefix) * 0.1 * (1 - jaro) >= tokenFloor - 1e-9
    }

    /// Spelling variants of one name: same length, same first and last letter, same phonetic code.
    private static func soundAlike(
        _ a: UnsafeBufferPointer<Unicode.Scalar>, _ codeA: UnsafeBufferPointer<Unicode.Scalar>,
        _ b: UnsafeBufferPointer<Unicode.Scalar>, _ codeB: UnsafeBufferPointer<Unicode.Scalar>
    ) -> Bool {
        a.count == b.count && a.count >= 4 && a.first == b.first && a.last == b.last && !codeA.isEmpty
            && codeA.elementsEqual(codeB)
    }
}
