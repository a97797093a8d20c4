import Testing

@testable import Bestand

@Suite struct EmailNormalizerTests {
    @Test(arguments: [
        ("  Anna.Schmidt+Shop@Example.DE ", "anna.schmidt+shop@example.de"),
        ("info@mueller.de", "info@mueller.de"),
        ("INFO@MÜLLER.DE", "info@müller.de"),
        ("\tkontakt@firma.co.uk\n", "kontakt@firma.co.uk"),
    ])
    func normalize(email: String, expected: String) {
        #expect(EmailNormalizer.normalize(email) == expected)
    }

    @Test(arguments: [
        "",
        "   ",
        "anna",
        "anna@",
        "@example.de",
        "anna@example",
        "anna@@example.de",
        "a@b@example.de",
        "anna schmidt@example.de",
        "anna@.de",
        "anna@example.",
        "anna@example..de",
    ])
    func rejected(email: String) {
        #expect(EmailNormalizer.normalize(email) == nil)
        var email = email
        var called = false
        #expect(email.withUTF8 { EmailNormalizer.withNormalized(utf8: $0) { _ in called = true } } == nil)
        #expect(!called)
    }

    @Test func dotsAndTagsAreKept() {
        #expect(EmailNormalizer.normalize("anna.schmidt@example.de") != EmailNormalizer.normalize("annaschmidt@example.de"))
        #expect(EmailNormalizer.normalize("anna+shop@example.de") != EmailNormalizer.normalize("anna@example.de"))
    }

    @Test(arguments: [
        ("DE 123 456 789", "DE123456789"),
        ("de123456789", "DE123456789"),
        ("DE-123.456.789", "DE123456789"),
        (" DE123456789 ", "DE123456789"),
        ("ATU12345678", "ATU12345678"),
        ("NL123456789B01", "NL123456789B01"),
    ])
    func vatId(text: String, expected: String) {
        #expect(EmailNormalizer.vatId(text) == expected)
    }

    @Test(arguments: [
        "",
        "123456789",
        "DE1234567",
        "D1234567890",
        "DE123456789/0",
        "DE 1234 5678 9012 3",
        "DE12345678ä",
    ])
    func vatIdRejected(text: String) {
        #expect(EmailNormalizer.vatId(text) == nil)
    }

    @Test func differentVatIdsDiffer() {
        #expect(EmailNormalizer.vatId("DE123456789") != EmailNormalizer.vatId("DE123456788"))
    }
}
