import Testing

@testable import Bestand

@Suite struct DialectDetectorTests {
    static func detect(_ text: String) -> Character {
        let bytes = Array(text.utf8)
        let delimiter = bytes.withUnsafeBufferPointer { DialectDetector.detectDelimiter($0) }
        return Character(UnicodeScalar(delimiter))
    }

    @Test(arguments: [
        ("a,b,c\n1,2,3\n", ","),
        ("a;b;c\n1;2,5;3\n4;5,0;6\n", ";"),  // decimal commas do not fool it
        ("a\tb\n1\t2\n", "\t"),
        ("a|b|c\n1|2|3\n", "|"),
        ("\"x;y\",b\n\"1;2\",3\n", ","),  // delimiters inside quotes do not count
        ("Firma;Ort\n\"Müller, Söhne\";Köln\n", ";"),
        ("single\n1\n", ","),
        ("a;b\n", ";"),
        ("", ","),
    ])
    func detects(text: String, expected: Character) {
        #expect(Self.detect(text) == expected)
    }
}
