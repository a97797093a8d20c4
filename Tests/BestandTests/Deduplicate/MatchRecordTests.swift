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

    /// A hash that happens to equal the "no value" mark is moved aside, so its record still
    /// has a block; every other hash is its own blocking value.
    @Test func aHashEqualToNoneStillBlocks() {
        let none = MatchRecord.BlockKeys.none
        #expect(MatchRecord.BlockKeys.value(StableHash(value: none)) == none + 1)
        #expect(MatchRecord.BlockKeys.value(StableHash(value: none + 1)) == none + 1)
        #expect(MatchRecord.BlockKeys.value(StableHash(value: 42)) == 42)
        #expect(MatchRecord.BlockKeys().email == none)
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

    /// The cheap bound never turns away a pair that Jaro-Winkler scores at the token floor or
    /// above, nor a sound-alike pair, and it does turn away most unlike pairs. Tokens from a
    /// small alphabet (so that many pairs come near the floor) and real first names.
    @Test func tokenFloorBoundKeepsEveryPairThatReachesTheFloor() {
        var random = SeededRandom(seed: 9)
        var tokens = ["monika", "wolfgang", "fischer", "fritz", "fritsch", "meier", "mayer", "schmidt", "schmitt", "anna", "hanna"]
        let alphabet = Array("aeinrst".unicodeScalars) + ["ü", "ß"]
        for _ in 0..<600 {
            tokens.append(String(String.UnicodeScalarView((0..<(1 + random.below(9))).map { _ in alphabet[random.below(alphabet.count)] })))
        }
        var turnedAway = 0
        var unlike = 0
        for x in tokens {
            for y in tokens {
                let (a, b) = (Array(x.unicodeScalars), Array(y.unicodeScalars))
                let letters = { (token: [Unicode.Scalar]) in token.reduce(UInt64(0)) { $0 | 1 << UInt64($1.value & 63) } }
                let mayReach = a.withUnsafeBufferPointer { a in
                    b.withUnsafeBufferPointer { b in MatchRecord.mayReachTokenFloor(a, letters(Array(a)), b, letters(Array(b))) }
                }
                let score = JaroWinkler.similarity(a, b)
                let soundAlike = a.count == b.count && a.count >= 4 && a.first == b.first && a.last == b.last
                if score >= MatchRecord.tokenFloor || soundAlike { #expect(mayReach, "\(x) \(y) \(score)") }
                if score < 0.6 {
                    unlike += 1
                    if !mayReach { turnedAway += 1 }
                }
            }
        }
        // Not vacuous: most unlike pairs are turned away without Jaro-Winkler.
        #expect(unlike > 10_000)
        #expect(turnedAway * 2 > unlike)
    }
}
