/// A customer record reduced to what matching compares, every field normalised once.
struct MatchRecord {
    var key: Int32
    var email: String?
    var vatId: String?
    var phone: String?
    /// The prepared name; empty until `Name(_:)` is stored for records that a block compares.
    var name = Name()
    var postcode: String
    /// The canonical street name (compared as Unicode scalars, for address pairs only).
    var streetName: String
    var houseNumber: String
    var birthDate: Int32

    /// Prepares the blocking fields of row `row` of the customer table; the name is prepared
    /// as `Name` only for records that a block will compare. O(length of the fields).
    init(_ customers: CustomerTable, row: Int, phoneCountryCode: String) {
        key = customers.key[row]
        email = EmailNormalizer.normalize(customers.email[row])
        vatId = EmailNormalizer.vatId(customers.vatId[row])
        phone = PhoneNormalizer.normalize(customers.phone[row], countryCode: phoneCountryCode)
        postcode = Self.postcodeKey(customers.postcode[row])
        let street = StreetNormalizer.normalize(customers.street[row])
        streetName = street.name
        houseNumber = street.number
        birthDate = customers.birthDate[row]
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

    /// A name as matching compares it: folded, without its legal form, in tokens.
    struct Name {
        /// Name tokens after folding and legal-form removal, sorted, as Unicode scalars.
        var tokens: [[Unicode.Scalar]] = []
        /// Kölner Phonetik code of each name token.
        var phonetics: [String] = []
        var legalForm: String?

        init() {}

        /// Folds the name, removes its legal form and computes the tokens' phonetic codes.
        init(_ text: String) {
            let company = NameNormalizer.companyName(text)
            legalForm = company.legalForm
            let words = NameNormalizer.personTokens(company.core)
            tokens = words.map { Array($0.unicodeScalars) }
            phonetics = words.map(ColognePhonetics.code)
        }
    }

    /// Name similarity 0…1: the average of the symmetric best matches over the name's tokens
    /// (Jaro-Winkler per token pair), but 0 when any token of either name finds no match of at
    /// least `tokenFloor` (Jens is not Jonas, so Jens Müller is not Jonas Müller), when either
    /// name is empty, or when the two carry different legal forms (Müller GmbH is not Müller AG).
    /// A token pair of equal length, first and last letter and equal Kölner Phonetik code
    /// (Meier/Mayer, Schmidt/Schmitt) scores at least `phoneticFloor`. O(tokens² · length²).
    static func nameSimilarity(_ a: borrowing MatchRecord, _ b: borrowing MatchRecord) -> Double {
        guard !a.name.tokens.isEmpty, !b.name.tokens.isEmpty else { return 0 }
        if let formA = a.name.legalForm, let formB = b.name.legalForm, formA != formB { return 0 }
        if a.name.tokens == b.name.tokens { return 1 }
        guard let forward = bestMatchAverage(a.name, b.name), let backward = bestMatchAverage(b.name, a.name) else { return 0 }
        return (forward + backward) / 2
    }

    static let tokenFloor = 0.85
    static let phoneticFloor = 0.9

    /// Average over the tokens of `a` of their best match in `b`; nil when a token's best
    /// match is below `tokenFloor`.
    private static func bestMatchAverage(_ a: borrowing Name, _ b: borrowing Name) -> Double? {
        var total = 0.0
        for (index, token) in a.tokens.enumerated() {
            var best = 0.0
            for (otherIndex, other) in b.tokens.enumerated() {
                var score = token == other ? 1 : JaroWinkler.similarity(token, other)
                if score < phoneticFloor, soundAlike(token, a.phonetics[index], other, b.phonetics[otherIndex]) {
                    score = phoneticFloor
                }
                best = max(best, score)
                if best == 1 { break }
            }
            if best < tokenFloor { return nil }
            total += best
        }
        return total / Double(a.tokens.count)
    }

    /// Spelling variants of one name: same length, same first and last letter, same phonetic code.
    private static func soundAlike(_ a: [Unicode.Scalar], _ codeA: String, _ b: [Unicode.Scalar], _ codeB: String) -> Bool {
        a.count == b.count && a.count >= 4 && a.first == b.first && a.last == b.last && !codeA.isEmpty && codeA == codeB
    }
}
