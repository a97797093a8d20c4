import Testing

@testable import Bestand

@Suite struct TextColumnTests {
    /// Cells come back as they went in, empty ones and multi-byte ones too, read as strings or
    /// as bytes.
    @Test func cellsComeBackAsAppended() {
        let texts = ["Müller GmbH", "", "a", "", "Łódź 🙂", String(repeating: "x", count: 40)]
        var column = TextColumn()
        for text in texts {
            var text = text
            text.withUTF8 { column.append($0) }
        }
        #expect(column.count == texts.count)
        #expect(Array(column) == texts)
        for (row, text) in texts.enumerated() {
            #expect(column.isEmpty(at: row) == text.isEmpty)
            #expect(column.withBytes(row) { Array($0) } == Array(text.utf8))
        }
        #expect(column == TextColumn(texts))
        #expect(column != TextColumn(Array(texts.dropLast())))
    }
}
