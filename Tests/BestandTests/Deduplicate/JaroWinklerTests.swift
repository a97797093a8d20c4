import Testing

@testable import Bestand

@Suite struct JaroWinklerTests {
    static func isClose(_ value: Double, _ expected: Double) -> Bool {
        abs(value - expected) < 0.00005
    }

    @Test(arguments: [
        ("MARTHA", "MARHTA", 0.9611),
        ("DWAYNE", "DUANE", 0.84),
        ("DIXON", "DICKSONX", 0.8133),
        ("CRATE", "TRACE", 0.7333),  // 3 matches (R, A, E) in order, no common prefix: jaro only
        ("Müller", "Muller", 0.9),  // 5 matches: jaro 16/18, prefix 1
        ("abc", "abc", 1),
        ("abc", "xyz", 0),
        ("", "", 1),
        ("abc", "", 0),
        ("", "abc", 0),
    ])
    func similarity(a: String, b: String, expected: Double) {
        #expect(Self.isClose(JaroWinkler.similarity(a, b), expected))
        #expect(Self.isClose(JaroWinkler.similarity(b, a), expected))
        #expect(Self.isClose(JaroWinkler.similarity(Array(a.unicodeScalars), Array(b.unicodeScalars)), expected))
    }

    @Test(arguments: [
        (["anna", "schmidt"], ["schmidt", "anna"], 1.0),
        (["anna"], ["anna", "schmidt"], 1.0),
        (["martha"], ["marhta", "x"], 0.9611),
        // Equal lengths average both directions: (1 + 0.8222) / 2 and (1 + 0) / 2.
        (["abc", "abd"], ["abc", "xyz"], 0.7056),
        ([], [], 1.0),
        (["anna"], [], 0.0),
        ([], ["anna"], 0.0),
    ])
    func tokenSimilarity(a: [String], b: [String], expected: Double) {
        #expect(Self.isClose(JaroWinkler.tokenSimilarity(a, b), expected))
        #expect(Self.isClose(JaroWinkler.tokenSimilarity(b, a), expected))
    }

    @Test func differentNamesScoreLower() {
        let same = JaroWinkler.tokenSimilarity(["anna", "schmidt"], ["schmidt", "anna"])
        let other = JaroWinkler.tokenSimilarity(["anna", "schmidt"], ["peter", "schmidt"])
        #expect(other < same)
        #expect(JaroWinkler.similarity("schmidt", "schmitt") < 1)
    }

    /// Strings of up to 64 scalars keep their matches in bits: the same Jaro as with flags, for
    /// random strings over a small alphabet (many matches and transpositions), of every length
    /// up to the limit.
    @Test func bitsAndFlagsGiveTheSameJaro() {
        var random = SeededRandom(seed: 31)
        let alphabet: [Unicode.Scalar] = ["a", "b", "c", "d", "ä", "e"]
        for _ in 0..<3_000 {
            let a = (0..<(1 + random.below(64))).map { _ in alphabet[random.below(alphabet.count)] }
            let b = (0..<(1 + random.below(64))).map { _ in alphabet[random.below(alphabet.count)] }
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    let window = max(0, max(a.count, b.count) / 2 - 1)
                    #expect(JaroWinkler.shortJaro(a, b, window: window) == JaroWinkler.longJaro(a, b, window: window))
                }
            }
        }
    }
}
