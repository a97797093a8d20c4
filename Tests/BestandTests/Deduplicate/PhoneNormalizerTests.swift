import Testing

@testable import Bestand

@Suite struct PhoneNormalizerTests {
    @Test(arguments: [
        ("+49 30 1234567", "49301234567"),
        ("0049 30 1234567", "49301234567"),
        ("030 1234567", "49301234567"),
        ("(030) 1234567", "49301234567"),
        ("+49 (0)30 1234567", "49301234567"),
        ("+49 (0) 30 1234567", "49301234567"),
        ("+49 030 1234567", "49301234567"),
        ("+49 (030) 1234567", "49301234567"),
        ("030 / 123 45 67", "49301234567"),
        ("030\u{00A0}1234567", "49301234567"),
        ("0049 (0)30 123456", "4930123456"),
        ("030/1234-56", "4930123456"),
        ("030-123 456", "4930123456"),
        ("+49 30 123456", "4930123456"),
        ("030.123.456", "4930123456"),
        ("+43 1 234567", "431234567"),
        ("0043 1 234567", "431234567"),
        ("0171 2345678", "491712345678"),
        ("030 1234567 ext. 12", "49301234567"),
        ("030 1234567 x12", "49301234567"),
        ("030 1234567 Durchwahl 3", "49301234567"),
        ("49301234567", "49301234567"),
    ])
    func normalize(phone: String, expected: String) {
        #expect(PhoneNormalizer.normalize(phone) == expected)
    }

    @Test func countryCodeReplacesTheTrunkPrefix() {
        #expect(PhoneNormalizer.normalize("01 234567", countryCode: "43") == "431234567")
        #expect(PhoneNormalizer.normalize("+49 30 1234567", countryCode: "43") == "49301234567")
    }

    @Test(arguments: [
        "",
        "12345",
        "030 12",
        "+49",
        "Tel. 030 1234567",
        "030 CALL ME",
        "ext 12",
        "030 1234567 + 1",
        "1234567890123456",
        "unbekannt",
        "030 12345ä6",
    ])
    func rejected(phone: String) {
        #expect(PhoneNormalizer.normalize(phone) == nil)
    }

    @Test(arguments: [
        ("030/1234-56", "+49 30 123456"),
        ("030/1234-56", "0049 (0)30 123456"),
        ("+49 (0)30 1234567", "030 1234567"),
    ])
    func spellingsAgree(a: String, b: String) {
        #expect(PhoneNormalizer.normalize(a) == PhoneNormalizer.normalize(b))
    }

    @Test(arguments: [
        ("030 1234567", "040 1234567"),
        ("030 1234567", "030 1234568"),
        ("+49 30 1234567", "+43 30 1234567"),
    ])
    func differentNumbersDiffer(a: String, b: String) {
        #expect(PhoneNormalizer.normalize(a) != PhoneNormalizer.normalize(b))
    }
}
