import Testing

@testable import Bestand

@Suite struct StreetNormalizerTests {
    @Test(arguments: [
        ("Hauptstr. 5", "hauptstr", "5"),
        ("Hauptstraße 5", "hauptstr", "5"),
        ("Hauptstrasse 5", "hauptstr", "5"),
        ("HAUPTSTRASSE 5", "hauptstr", "5"),
        ("Hauptstr 5", "hauptstr", "5"),
        ("Haupt Str. 5", "hauptstr", "5"),
        ("Haupt Straße 5", "hauptstr", "5"),
        ("Hauptstr.5", "hauptstr", "5"),
        ("Hauptstraße5", "hauptstr", "5"),
        ("Römerstraße 65", "roemerstr", "65"),
        ("Roemerstr. 65", "roemerstr", "65"),
        ("Hauptstr. 5a", "hauptstr", "5a"),
        ("Hauptstr. 5 a", "hauptstr", "5a"),
        ("Hauptstr. 5A", "hauptstr", "5a"),
        ("Hauptstr. 05", "hauptstr", "5"),
        ("Hauptstr. 5-7", "hauptstr", "5-7"),
        ("Hauptstr. 5 - 7", "hauptstr", "5-7"),
        ("Hauptstr. 5/7", "hauptstr", "5/7"),
        ("Hauptstr. 5a-7", "hauptstr", "5a-7"),
        ("Marktplatz 1", "marktpl", "1"),
        ("Marktpl. 1", "marktpl", "1"),
        ("Markt Platz 1", "marktpl", "1"),
        ("Am Ring 3", "amring", "3"),
        ("Birkenweg 12", "birkenweg", "12"),
        ("Birken Weg 12", "birkenweg", "12"),
        ("Lindenallee 4", "lindenallee", "4"),
        ("Linden-Allee 4", "lindenallee", "4"),
        ("Kleine Gasse 2", "kleinegasse", "2"),
        ("Max-Planck-Straße 5-7", "max planckstr", "5-7"),
        ("Max-Planck-Str. 5-7", "max planckstr", "5-7"),
        ("Straße des 17. Juni 12", "str des 17 juni", "12"),
        ("Straße des 17. Juni", "str des 17 juni", ""),
        ("Platz der Republik 1", "pl der republik", "1"),
        ("5 Main Street", "main street", "5"),
        ("Hauptstraße", "hauptstr", ""),
        ("", "", ""),
    ])
    func normalize(street: String, name: String, number: String) {
        let result = StreetNormalizer.normalize(street)
        #expect(result.name == name)
        #expect(result.number == number)
    }

    @Test(arguments: [
        ("Hauptstr. 5", "Hauptstraße 5"),
        ("Hauptstr. 5", "Hauptstrasse 5"),
        ("Haupt Str. 5", "Hauptstraße 5"),
        ("Römerstraße 65", "Roemerstr. 65"),
        ("Hauptstr. 5 a", "Hauptstraße 5A"),
    ])
    func spellingsAgree(a: String, b: String) {
        #expect(StreetNormalizer.normalize(a) == StreetNormalizer.normalize(b))
    }

    @Test(arguments: [
        ("Hauptstr. 5", "Hauptstr. 7"),
        ("Hauptstr. 5", "Nebenstr. 5"),
        ("Hauptstr. 5a", "Hauptstr. 5b"),
        ("Hauptstr. 5", "Hauptstr. 5-7"),
        ("Hauptweg 5", "Hauptstr. 5"),
    ])
    func differentAddressesDiffer(a: String, b: String) {
        #expect(StreetNormalizer.normalize(a) != StreetNormalizer.normalize(b))
    }
}
