import Testing

@testable import Bestand

@Suite struct NameNormalizerTests {
    @Test(arguments: [
        ("Müller-Lüdenscheidt", "mueller luedenscheidt"),
        ("Mueller", "mueller"),
        ("MÜLLER", "mueller"),
        ("Ärger Öl Übel", "aerger oel uebel"),
        ("Straße", "strasse"),
        ("GROẞ", "gross"),
        ("José García", "jose garcia"),
        ("François Ñúñez", "francois nunez"),
        ("Søren Ågård", "soren agard"),
        ("Łódź", "lodz"),
        ("Dvořák", "dvorak"),
        ("Œuvre Æble Þór", "oeuvre aeble thor"),
        ("İstanbul", "istanbul"),
        ("Nguyễn", "nguyen"),  // Latin Extended Additional
        ("Ștefan", "stefan"),  // Latin Extended-B
        ("Mu\u{0308}ller", "mueller"),  // decomposed umlaut
        ("Jose\u{0301}", "jose"),  // decomposed accent
        ("ﬁsch", "fisch"),
        ("ＡＢＣ１２", "abc12"),
        ("Σωκρατης", "σωκρατης"),
        ("O'Brien", "o brien"),
        ("  a  --  b  ", "a b"),
        ("A&B", "a b"),
        ("x\u{00A0}y", "x y"),
        ("m²", "m2"),
        ("Straße 12a", "strasse 12a"),
        ("", ""),
        ("   ", ""),
        ("-.-", ""),
    ])
    func fold(text: String, expected: String) {
        #expect(NameNormalizer.fold(text) == expected)
    }

    @Test func everyLatin1AndLatinExtendedALetterFoldsToASCIILetters() {
        for value in UInt32(0xC0)...0x17F {
            let scalar = Unicode.Scalar(value)!
            let folded = NameNormalizer.fold(String(Character(scalar)))
            if value == 0xD7 || value == 0xF7 {  // × ÷
                #expect(folded == "")
            } else {
                #expect(!folded.isEmpty && folded.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }, "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test(arguments: [
        ("Müller GmbH & Co. KG", "mueller", "gmbh & co kg"),
        ("Mueller GmbH u. Co KG", "mueller", "gmbh & co kg"),
        ("Müller GmbH und Co. KG", "mueller", "gmbh & co kg"),
        ("MÜLLER GmbH&Co.KG", "mueller", "gmbh & co kg"),
        ("Müller GmbH & Co. KGaA", "mueller", "gmbh & co kgaa"),
        ("Müller UG (haftungsbeschränkt) & Co. KG", "mueller", "ug & co kg"),
        ("Müller AG & Co. KG", "mueller", "ag & co kg"),
        ("Müller GmbH", "mueller", "gmbh"),
        ("Müller mbH", "mueller", "gmbh"),
        ("Müller G.m.b.H.", "mueller", "gmbh"),
        ("Müller Gesellschaft mit beschränkter Haftung", "mueller", "gmbh"),
        ("Müller AG", "mueller", "ag"),
        ("Müller Aktiengesellschaft", "mueller", "ag"),
        ("Müller KG", "mueller", "kg"),
        ("Müller OHG", "mueller", "ohg"),
        ("Müller GbR", "mueller", "gbr"),
        ("Müller UG (haftungsbeschränkt)", "mueller", "ug"),
        ("Müller UG haftungsbeschraenkt", "mueller", "ug"),
        ("Müller UG", "mueller", "ug"),
        ("Müller e.K.", "mueller", "ek"),
        ("Müller eK", "mueller", "ek"),
        ("Müller e.Kfm.", "mueller", "ek"),
        ("Müller e. Kfr.", "mueller", "ek"),
        ("Sportverein Blau-Weiß e.V.", "sportverein blau weiss", "ev"),
        ("Acme Ltd.", "acme", "ltd"),
        ("Acme Limited", "acme", "ltd"),
        ("Acme Inc.", "acme", "inc"),
        ("Acme LLC", "acme", "llc"),
        ("Müller SE", "mueller", "se"),
        ("Müller KGaA", "mueller", "kgaa"),
        ("Müller & Partner PartG", "mueller partner", "partg"),
        ("Müller PartG mbB", "mueller", "partg mbb"),
        ("Müller & Co.", "mueller", "co"),
        ("Müller u. Co.", "mueller", "co"),
        ("Müller & Co. KG", "mueller", "co kg"),
        ("Schmidt & Co. GmbH", "schmidt co", "gmbh"),  // only the form at the end is removed
        ("GmbH Müller", "mueller", "gmbh"),  // at the start
    ])
    func legalFormIsRemoved(text: String, core: String, legalForm: String) {
        let result = NameNormalizer.companyName(text)
        #expect(result.core == core)
        #expect(result.legalForm == legalForm)
    }

    @Test(arguments: [
        ("Bäckerei Schmidt", "baeckerei schmidt"),
        ("Agentur Müller", "agentur mueller"),  // "ag" only as a whole token
        ("Kaufhaus Inhaber Meier", "kaufhaus inhaber meier"),
        ("GmbH", "gmbh"),  // the core never becomes empty
        ("E.V. Schmidt", "e v schmidt"),  // initials at the start are no legal form
        ("Co Müller", "co mueller"),
        ("", ""),
    ])
    func namesWithoutLegalForm(text: String, core: String) {
        let result = NameNormalizer.companyName(text)
        #expect(result.core == core)
        #expect(result.legalForm == nil)
    }

    @Test func spellingsOfTheSameCompanyAgree() {
        let a = NameNormalizer.companyName("Müller GmbH & Co. KG")
        let b = NameNormalizer.companyName("Mueller GmbH u. Co KG")
        #expect(a.core == b.core)
        #expect(a.legalForm == b.legalForm)
    }

    @Test func differentLegalFormsDiffer() {
        let gmbh = NameNormalizer.companyName("Müller GmbH")
        let ag = NameNormalizer.companyName("Müller AG")
        #expect(gmbh.core == ag.core)
        #expect(gmbh.legalForm != ag.legalForm)
        #expect(NameNormalizer.companyName("Müller GmbH & Co. KG").legalForm != gmbh.legalForm)
    }

    @Test(arguments: [
        ("Schmidt, Anna", ["anna", "schmidt"]),
        ("Anna Schmidt", ["anna", "schmidt"]),
        ("Frau Dr. Anna Schmidt", ["anna", "schmidt"]),
        ("Prof. Dr.-Ing. Hans Müller", ["hans", "mueller"]),
        ("Dipl.-Ing. Jörg Weiß", ["joerg", "weiss"]),
        ("Hr. Meier", ["meier"]),
        ("Herr Meier", ["meier"]),
        ("Fr. Anna-Lena Schulz", ["anna", "lena", "schulz"]),
        ("Frau", []),
        ("", []),
    ])
    func personTokens(text: String, expected: [String]) {
        #expect(NameNormalizer.personTokens(text) == expected)
    }

    @Test func personTokensDistinguishDifferentNames() {
        #expect(NameNormalizer.personTokens("Anna Schmidt") != NameNormalizer.personTokens("Anne Schmidt"))
        #expect(NameNormalizer.personTokens("Anna Schmidt") != NameNormalizer.personTokens("Anna Schmitt"))
    }
}
