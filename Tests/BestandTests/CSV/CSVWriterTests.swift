import Testing

@testable import Bestand

@Suite struct CSVWriterTests {
    static func render(_ cells: [String]) -> String {
        var writer = CSVWriter(header: ["h"])
        writer.row(cells)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func quotesWhatNeedsQuoting() {
        #expect(
            Self.render(["a", "b,c", "say \"hi\"", "two\nlines", "cr\rx", ""])
                == "h\na,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rx\",\n")
    }

    @Test(arguments: ["=SUM(A1)", "+1", "-1", "@cmd", "\tx", "\rx"])
    func guardsFormulaStarts(cell: String) {
        let rendered = Self.render([cell])
        #expect(rendered.dropFirst(2).hasPrefix("'") || rendered.dropFirst(2).hasPrefix("\"'"))
    }

    @Test func numbersAreNotGuarded() {
        var writer = CSVWriter(header: ["x"])
        writer.number("-12.50")
        writer.endRow()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "x\n-12.50\n")
    }

    @Test func writtenRecordsReadBack() throws {
        let folder = TemporaryFolder()
        let rows = [["plain", "with,comma", "quote\"d", "multi\nline", "ünï", " spaced "]]
        var writer = CSVWriter(header: ["a", "b", "c", "d", "e", "f"])
        for row in rows { writer.row(row) }
        let path = folder.write("rt.csv", bytes: writer.bytes)
        let (_, records) = try readRecords(path)
        #expect(records.map(\.fields) == [["a", "b", "c", "d", "e", "f"]] + rows)
    }

    /// Digits of every width: zero, negative, the widest integer, padded cents and dates.
    @Test func writesNumbersMoneyAndDates() {
        var writer = CSVWriter(header: ["x"])
        writer.integer(0)
        writer.integer(-5)
        writer.integer(Int.max)
        writer.integer(Int.min)
        writer.money(5)
        writer.money(-123_450)
        writer.date(Day.number(year: 2024, month: 2, day: 29))
        writer.date(Day.number(year: 900, month: 1, day: 5))
        writer.date(nil)
        writer.endRow()
        #expect(
            String(decoding: writer.bytes, as: UTF8.self)
                == "x\n0,-5,9223372036854775807,-9223372036854775808,0.05,-1234.50,2024-02-29,0900-01-05,\n")
    }
}
