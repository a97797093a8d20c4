import Testing

@testable import Bestand

@Suite struct TextTests {
    /// Byte order of the UTF-8, not Swift's order of strings: capitals before small letters, a
    /// prefix first, and a decomposed "é" (e + U+0301) before the composed one, though Swift
    /// holds the two equal.
    @Test func bytesPrecedeIsTheOrderOfTheUTF8Bytes() {
        let ordered = ["", "A", "B", "a", "ab", "abc", "b", "e\u{301}", "z", "\u{E9}", "\u{E9}a", "\u{1F600}"]
        for (i, a) in ordered.enumerated() {
            for (j, b) in ordered.enumerated() {
                #expect(Text.bytesPrecede(a, b) == (i < j), "\(a) \(b)")
                #expect(Text.bytesPrecede(a, b) == Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)), "\(a) \(b)")
                #expect((Text.compareBytes(a, b) == 0) == (i == j), "\(a) \(b)")
            }
        }
        // Strings too long to be stored inline.
        let long = String(repeating: "x", count: 40)
        #expect(Text.bytesPrecede(long, long + "y"))
        #expect(!Text.bytesPrecede(long + "y", long))
        #expect(Text.bytesPrecede(String(long.dropLast()) + "a", long))
    }
}
