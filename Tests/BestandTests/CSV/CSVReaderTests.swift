import Testing

@testable import Bestand

@Suite struct CSVReaderTests {
    @Test func plainRecordsWithLineNumbers() throws {
        let folder = TemporaryFolder()
        let path = folder.write("a.csv", "a,b,c\n1,2,3\n4,5,6\n")
        let (_, records) = try readRecords(path)
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"], ["4", "5", "6"]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test func quotedDelimitersDoubledQuotesAndLineBreaks() throws {
        let folder = TemporaryFolder()
        let path = folder.write(
            "q.csv", "id,name,note\n1,\"Müller, Hans\",\"He said \"\"hi\"\"\"\n2,\"two\nlines\",x\n3,\"\",\"\"\"\"\n")
        let (_, records) = try readRecords(path)
        #expect(
            records.map(\.fields) == [
                ["id", "name", "note"], ["1", "Müller, Hans", "He said \"hi\""], ["2", "two\nlines", "x"], ["3", "", "\""],
            ])
        // The record after the two-line field starts on line 5.
        #expect(records.map(\.line) == [1, 2, 3, 5])
    }

    @Test func crlfLfAndLoneCrLineEnds() throws {
        let folder = TemporaryFolder()
        let path = folder.write("e.csv", "a;b\r\n1;2\n3;4\r5;6\r\n\"x\r\ny\";7\r\n")
        let (delimiter, records) = try readRecords(path)
        #expect(delimiter == UInt8(ascii: ";"))
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"], ["x\r\ny", "7"]])
        #expect(records.map(\.line) == [1, 2, 3, 4, 5])
    }

    @Test func lastRecordWithoutLineEnd() throws {
        let folder = TemporaryFolder()
        let (_, records) = try readRecords(folder.write("n.csv", "a,b\n1,2"))
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func byteOrderMarkIsDropped() throws {
        let folder = TemporaryFolder()
        let path = folder.write("bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("id,name\n1,x\n".utf8))
        let (_, records) = try readRecords(path)
        #expect(records[0].fields == ["id", "name"])
    }

    @Test func blankLinesAreEmptyRecords() throws {
        // The reader reports them; ingest skips records whose fields are all empty.
        let folder = TemporaryFolder()
        let (_, records) = try readRecords(folder.write("b.csv", "a,b\n\n1,2\n"))
        #expect(records.map(\.fields) == [["a", "b"], [""], ["1", "2"]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test func unterminatedQuoteCostsOneLine() throws {
        // The quote opened on line 3 is never closed: line 3 alone is the bad record, and
        // reading goes on with line 4.
        let folder = TemporaryFolder()
        let (_, records) = try readRecords(folder.write("u.csv", "a,b\n1,2\n3,\"open\r\nstill,open\n"))
        #expect(records.map(\.line) == [1, 2, 3, 4])
        #expect(records[2].unterminated)
        #expect(records[2].fields == ["3,\"open"])
        #expect(records[3].fields == ["still", "open"])
        #expect(!records[3].unterminated && !records[1].unterminated)
    }

    @Test func textAfterClosingQuoteIsKept() throws {
        let folder = TemporaryFolder()
        let (_, records) = try readRecords(folder.write("t.csv", "a,b\n\"ab\"c,\"x\" \n"))
        #expect(records[1].fields == ["abc", "x "])
    }

    @Test func quoteInsideUnquotedFieldIsLiteral() throws {
        let folder = TemporaryFolder()
        let (_, records) = try readRecords(folder.write("t.csv", "a,b\n12\" pipe,x\n"))
        #expect(records[1].fields == ["12\" pipe", "x"])
    }

    @Test func recordsLongerThanTheChunkAreRead() throws {
        let folder = TemporaryFolder()
        let long = String(repeating: "x", count: 10_000)
        let quoted = String(repeating: "y\"\"", count: 3_000)
        let path = folder.write("l.csv", "a,b\n\(long),\"\(quoted)\"\n1,2\n")
        let (_, records) = try readRecords(path, chunkSize: 64)
        #expect(records.count == 3)
        #expect(records[1].fields[0] == long)
        #expect(records[1].fields[1] == String(repeating: "y\"", count: 3_000))
        #expect(records[2].fields == ["1", "2"])
    }

    @Test(arguments: [1, 2, 3, 5, 7, 16, 64])
    func everyChunkSizeGivesTheSameRecords(chunkSize: Int) throws {
        let folder = TemporaryFolder()
        let text = "id;name\r\n1;\"a;b\"\r\n2;\"x\"\"y\"\r\n\r\n3;\"multi\r\nline\"\r\n4;z"
        let path = folder.write("c.csv", text)
        let expected = try readRecords(path).records.map(\.fields)
        let chunked = try readRecords(path, delimiter: UInt8(ascii: ";"), chunkSize: chunkSize).records
        #expect(chunked.map(\.fields) == expected)
        #expect(chunked.map(\.line) == [1, 2, 3, 4, 5, 7])
    }

    /// Unquoted fields of every length up to 20 bytes, so that delimiters and line ends fall on
    /// every byte of an eight-byte word, with characters whose UTF-8 holds the delimiter's or a
    /// line end's low seven bits (» ¬ Ê Í), against a split written out here.
    @Test(arguments: [UInt8(ascii: ";"), UInt8(ascii: ",")])
    func unquotedFieldsEndAtEveryByteOfAWord(delimiter: UInt8) throws {
        var random = SeededRandom(seed: 7)
        let alphabet = ["a", "Z", "0", " ", "»", "¬", "Ê", "Í", "é", "\t"]
        let lineEnds = ["\n", "\r\n", "\r"]
        var text = ""
        var expected: [[String]] = []
        for _ in 0..<400 {
            let fields = (0..<(1 + random.below(6))).map { _ in
                (0..<random.below(21)).map { _ in alphabet[random.below(alphabet.count)] }.joined()
            }
            // A record of one empty field is a blank line: the reader gives it as one empty field too.
            expected.append(fields)
            text += fields.joined(separator: String(UnicodeScalar(delimiter))) + lineEnds[random.below(lineEnds.count)]
        }
        let folder = TemporaryFolder()
        let path = folder.write("w.csv", text)
        for chunkSize in [7, 1 << 20] {
            let records = try readRecords(path, delimiter: delimiter, chunkSize: chunkSize).records
            #expect(records.map(\.fields) == expected)
            #expect(records.map(\.line) == Array(1...expected.count))
        }
    }

    @Test func windows1252IsTranscoded() throws {
        let folder = TemporaryFolder()
        // "Müller;Straße;€" in Windows-1252.
        let bytes: [UInt8] =
            Array("a;b;c\n".utf8) + [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x3B] + Array("Stra".utf8)
            + [0xDF, 0x65, 0x3B, 0x80, 0x0A]
        let (_, records) = try readRecords(folder.write("w.csv", bytes: bytes), encoding: .windows1252)
        #expect(records[1].fields == ["Müller", "Straße", "€"])
    }

    @Test func undefinedWindows1252ByteIsAnErrorWithItsLine() throws {
        let folder = TemporaryFolder()
        let bytes: [UInt8] = Array("a;b\n1;2\nx".utf8) + [0x81] + Array(";y\n".utf8)
        let path = folder.write("bad.csv", bytes: bytes)
        let error = #expect(throws: BestandError.self) { try readRecords(path, encoding: .windows1252) }
        #expect(error?.code == .malformedInput)
        #expect(error?.location?.line == 3)
        #expect(error?.location?.column == 2)
    }

    @Test func fieldLocationsCountCharacters() throws {
        let folder = TemporaryFolder()
        let path = folder.write("loc.csv", "a,b,c\n\"x\ny\",ä,3\n")
        let reader = try CSVReader(file: FileBytes(path: path, displayPath: "loc.csv"), delimiter: nil, encoding: .utf8)
        _ = try reader.next()
        _ = try reader.next()
        #expect(reader.location(ofField: 0) == SourceLocation(path: "loc.csv", line: 2, column: 1))
        #expect(reader.location(ofField: 1) == SourceLocation(path: "loc.csv", line: 3, column: 4))
        #expect(reader.location(ofField: 2) == SourceLocation(path: "loc.csv", line: 3, column: 6))
    }

    @Test func missingFileIsAnInputError() {
        let error = #expect(throws: BestandError.self) {
            try FileBytes(path: "/nonexistent/x.csv", displayPath: "x.csv")
        }
        #expect(error?.code == .inputFile)
        #expect(error?.location?.path == "x.csv")
    }
}
