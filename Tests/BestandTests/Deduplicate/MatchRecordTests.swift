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
}
