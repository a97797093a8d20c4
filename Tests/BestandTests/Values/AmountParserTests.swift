import Testing

@testable import Bestand

@Suite struct AmountParserTests {
    static let comma = AmountParser(decimalSeparator: UInt8(ascii: ","))
    static let dot = AmountParser(decimalSeparator: UInt8(ascii: "."))

    @Test(arguments: [
        ("12,50", Int64(1250)),
        ("12", 1200),
        ("0,01", 1),
        ("-12,50", -1250),
        ("+12,50", 1250),
        ("1.234,56", 123_456),
        ("1.234.567,89", 123_456_789),
        ("1.234", 123_400),  // grouping only: 1234
        ("1 234,56", 123_456),
        ("12,345", 1235),  // half away from zero
        ("12,344", 1234),
        ("-0,125", -13),
        ("-0,124", -12),
        ("0,005", 1),
        ("0,0049", 0),
        ("12,5", 1250),
        ("12,999", 1300),
        ("12,50 €", 1250),
        ("€ 12,50", 1250),
        ("€12,50", 1250),
        ("12,50€", 1250),
        ("12,50 EUR", 1250),
        ("EUR 12,50", 1250),
        ("12,50 eur", 1250),
        ("-12,50 €", -1250),
        ("€ -12,50", -1250),
        ("-€12,50", -1250),
        ("- 12,50", -1250),
        ("1.050,00 €", 105_000),
        ("12,50\u{00A0}€", 1250),
        ("999999999999,99", 99_999_999_999_999),
    ])
    func decimalComma(text: String, cents: Int64) {
        #expect(Self.comma.parse(text) == cents)
    }

    @Test(arguments: [
        ("129.90", Int64(12_990)),
        ("1,234.56", 123_456),
        ("1,234,567.89", 123_456_789),
        ("49.90 EUR", 4990),
        ("€ 49.90", 4990),
        ("-45.00", -4500),
        ("0.125", 13),
        ("-0.125", -13),
        ("1.234", 123),  // a decimal point here: 1.234 → 1.23
    ])
    func decimalDot(text: String, cents: Int64) {
        #expect(Self.dot.parse(text) == cents)
    }

    @Test(arguments: [
        "", "€", "-", "abc", "12,3,4", "1.23,45", "12.34.56,00", "1.2345,00", ",50", "12,", "12,50 €€",
        "--12", "-12,50-", "12 50 €x", "€ 12 € ", "12,50 USD", "1e5", "0x10", "1234567890123", "1.234.567.890.123,00",
        "12,,50", "1..234", "12-",
    ])
    func invalidWithDecimalComma(text: String) {
        #expect(Self.comma.parse(text) == nil)
    }

    @Test(arguments: ["1,23.45", "12.3.4", "1,2345.00"])
    func invalidWithDecimalDot(text: String) {
        #expect(Self.dot.parse(text) == nil)
    }
}
