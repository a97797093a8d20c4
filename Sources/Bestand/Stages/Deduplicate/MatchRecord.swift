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

    /// Name similarity 0…1: symmetric best-match over tokens, where a token pair scores its
    /// Jaro-Winkler similarity, raised to `phoneticFloor` when the Kölner Phonetik codes agree
    /// (Meier = Mayer); 0 when either name is empty or the two carry different legal forms
    /// (Müller GmbH is not Müller AG). O(tokens² · token length²).
    static func nameSimilarity(_ a: MatchRecord, _ b: MatchRecord) -> Double {
        guard !a.nameTokens.isEmpty, !b.nameTokens.isEmpty else { return 0 }
        if let formA = a.legalForm, let formB = b.legalForm, formA != formB { return 0 }
        if a.nameTokens == b.nameTokens { return 1 }
        return (bestMatchAverage(a, b) + bestMatchAverage(b, a)) / 2
    }

    static let phoneticFloor = 0.9

    /// Average over the tokens of `a` of their best match in `b`.
    private static func bestMatchAverage(_ a: MatchRecord, _ b: MatchRecord) -> Double {
        var total = 0.0
        for (index, token) in a.nameTokens.enumerated() {
            var best = 0.0
            for (otherIndex, other) in b.nameTokens.enumerated() {
                var score = token == other ? 1 : JaroWinkler.similarity(token, other)
                if score < phoneticFloor, !a.namePhonetics[index].isEmpty, a.namePhonetics[index] == b.namePhonetics[otherIndex] {
                    score = phoneticFloor
                }
                best = max(best, score)
                if best == 1 { break }
            }
            total += best
        }
        return total / Double(a.nameTokens.count)
    }
}
