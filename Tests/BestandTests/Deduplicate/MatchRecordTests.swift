import Testing

@testable import Bestand

@Suite struct MatchRecordTests {
    /// Digits and capital letters stay, everything else goes; the ASCII fast path and the
    /// Unicode path agree ("１２" are full-width digits, which count as digits).
    @Test(arguments: [
        ("10115", "10115"), (" 10115 ", "10115"), ("D-10115", "D10115"), ("d-10115", "10115"),
        ("SW1A 1AA", "SW1A1AA"), ("", ""), ("１２ 345", "１２345"), ("Ö-1010", "1010"),
    ])
    func postcodeKeyKeepsDigitsAndCapitals(text: String, key: String) {
        #expect(MatchRecord.postcodeKey(text) == key)
    }

    /// The byte path for names that fold to ASCII gives what the text path gives: same tokens
    /// in the same order, same codes, same legal form. Hand-picked edges, then random names.
    @Test func preparedNamesAgreeWithTheTextPath() {
        var names = [
            "", "GmbH", "Müller GmbH & Co. KG", "Frau Dr. Anna Schmidt", "Schmidt, Anna", "Meier 2000 Bau AG",
            "Xaver Cox-Chaos", "Ökobau Fuß e.K.", "Jean-Luc Picard Ltd", "Дмитрий Müller", "  dr  ", "A1B2 C3",
            "Christoph Schulz", "Sachse Zach", "Pfeiffer Phil", "Anna Claudia Crone", "Bau Clemens-Crämer",
        ]
        var random = SeededRandom(seed: 42)
        let pieces = [
            "Müller", "Mayer", "GmbH", "&", "Co.", "KG", "Dr.", "Herr", "ß", "x", "Chr", "Schulz", "7", "-", ",", "é", "Łódź", "AG",
        ]
        for _ in 0..<2_000 {
            names.append((0..<(1 + random.below(5))).map { _ in pieces[random.below(pieces.count)] }.joined(separator: " "))
        }
        for text in names {
            let fast = MatchRecord.Name(text)
            let company = NameNormalizer.companyName(text)
            let reference = MatchRecord.Name(tokensOf: company.core, legalForm: company.legalForm)
            #expect(fast.storage == reference.storage, "\(text)")
            #expect(fast.tokenCount == reference.tokenCount, "\(text)")
            #expect(fast.legalForm == reference.legalForm, "\(text)")
        }
    }
}
