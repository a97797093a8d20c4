/// A customer record reduced to what matching compares, every field normalised once.
struct MatchRecord {
    var key: Int32
    var email: String?
    var vatId: String?
    var phone: String?
    /// Name tokens after folding and legal-form removal, sorted, as Unicode scalars.
    var nameTokens: [[Unicode.Scalar]]
    /// Kölner Phonetik code of each name token.
    var namePhonetics: [String]
    var legalForm: String?
    var postcode: String
    var streetName: [Unicode.Scalar]
    var houseNumber: String
    var birthDate: Int32

    /// Prepares the blocking fields of row `row` of the customer table; the name is prepared
    /// by `prepareName` only for records that a block will compare. O(length of the fields).
    init(_ customers: CustomerTable, row: Int, phoneCountryCode: String) {
        key = customers.key[row]
        email = EmailNormalizer.normalize(customers.email[row])
        vatId = EmailNormalizer.vatId(customers.vatId[row])
        phone = PhoneNormalizer.normalize(customers.phone[row], countryCode: phoneCountryCode)
        nameTokens = []
        namePhonetics = []
        postcode = String(customers.postcode[row].unicodeScalars.filter { $0.properties.numericType != nil || ("A"..."Z").contains($0) })
        let street = StreetNormalizer.normalize(customers.street[row])
        streetName = Array(street.name.unicodeScalars)
        houseNumber = street.number
        birthDate = customers.birthDate[row]
    }

    /// Folds the name, removes its legal form and computes the tokens' phonetic codes.
    mutating func prepareName(_ name: String) {
        let company = NameNormalizer.companyName(name)
        legalForm = company.legalForm
        let tokens = NameNormalizer.personTokens(company.core)
        nameTokens = tokens.map { Array($0.unicodeScalars) }
        namePhonetics = tokens.map(ColognePhonetics.code)
    }

    /// Name similarity 0…1: the average of the symmetric best matches over the name's tokens
    /// (Jaro-Winkler per token pair), but 0 when any token of either name finds no match of at
    /// least `tokenFloor` (Jens is not Jonas, so Jens Müller is not Jonas Müller), when either
    /// name is empty, or when the two carry different legal forms (Müller GmbH is not Müller AG).
    /// A token pair of equal length, first and last letter and equal Kölner Phonetik code
    /// (Meier/Mayer, Schmidt/Schmitt) scores at least `phoneticFloor`. O(tokens² · length²).
    static func nameSimilarity(_ a: MatchRecord, _ b: MatchRecord) -> Double {
        guard !a.nameTokens.isEmpty, !b.nameTokens.isEmpty else { return 0 }
        if let formA = a.legalForm, let formB = b.legalForm, formA != formB { return 0 }
        if a.nameTokens == b.nameTokens { return 1 }
        guard let forward = bestMatchAverage(a, b), let backward = bestMatchAverage(b, a) else { return 0 }
        return (forward + backward) / 2
    }

    static let tokenFloor = 0.85
    static let phoneticFloor = 0.9

    /// Average over the tokens of `a` of their best match in `b`; nil when a token's best
    /// match is below `tokenFloor`.
    private static func bestMatchAverage(_ a: MatchRecord, _ b: MatchRecord) -> Double? {
        var total = 0.0
        for (index, token) in a.nameTokens.enumerated() {
            var best = 0.0
            for (otherIndex, other) in b.nameTokens.enumerated() {
                var score = token == other ? 1 : JaroWinkler.similarity(token, other)
                if score < phoneticFloor, soundAlike(token, a.namePhonetics[index], other, b.namePhonetics[otherIndex]) {
                    score = phoneticFloor
                }
                best = max(best, score)
                if best == 1 { break }
            }
            if best < tokenFloor { return nil }
            total += best
        }
        return total / Double(a.nameTokens.count)
    }

    /// Spelling variants of one name: same length, same first and last letter, same phonetic code.
    private static func soundAlike(_ a: [Unicode.Scalar], _ codeA: String, _ b: [Unicode.Scalar], _ codeB: String) -> Bool {
        a.count == b.count && a.count >= 4 && a.first == b.first && a.last == b.last && !codeA.isEmpty && codeA == codeB
    }
}
