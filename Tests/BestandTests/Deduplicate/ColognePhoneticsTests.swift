import Testing

@testable import Bestand

@Suite struct ColognePhoneticsTests {
    @Test(arguments: [
        ("Müller-Lüdenscheidt", "65752682"),
        ("Müller Lüdenscheidt", "65752682"),
        ("Wikipedia", "3412"),
        ("Meier", "67"),
        ("Mayer", "67"),
        ("Maier", "67"),
        ("Meyer", "67"),
        ("Schmidt", "862"),
        ("Schmitt", "862"),
        ("Schneider", "8627"),
        ("Müller", "657"),
        ("Mueller", "657"),
        ("Möller", "657"),
        ("Hans", "068"),  // H has no code, so the leading 0 of A stays
        ("Anna", "06"),
        ("Christoph", "47823"),  // C at the start before H: 4; P before H: 3
        ("Cäsar", "487"),  // ä read as a: C at the start before A
        ("Celle", "85"),  // C at the start before E
        ("Clemens", "45668"),  // C at the start before L; 6 0 6 keeps both sixes
        ("Bach", "14"),
        ("Dachs", "248"),
        ("Dietz", "28"),  // T before Z: 8, collapsed with Z
        ("Sachs", "848"),
        ("Sax", "848"),  // X not after C K Q: 48
        ("Axel", "0485"),
        ("Xaver", "4837"),
        ("Philipp", "351"),
        ("Fischer", "387"),  // C after S: 8
        ("Weiß", "38"),
        ("", ""),
        ("123 -", ""),
    ])
    func code(text: String, expected: String) {
        #expect(ColognePhonetics.code(text) == expected)
    }

    @Test func codesOfTokens() {
        #expect(ColognePhonetics.codes(ofTokens: ["Anna", "Clemens"]) == ["06", "45668"])
        #expect(ColognePhonetics.codes(ofTokens: []) == [])
    }

    @Test(arguments: [
        ("Müller", "Meier"),
        ("Schmidt", "Schneider"),
        ("Meier", "Bauer"),
    ])
    func differentNamesDiffer(a: String, b: String) {
        #expect(ColognePhonetics.code(a) != ColognePhonetics.code(b))
    }
}
