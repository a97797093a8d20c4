import Testing

@testable import Bestand

/// Checks the position-keeping JSON parser: values, escapes, positions and errors.
@Suite struct JSONNodeTests {
    /// Parses `text` and returns the node, failing the test on a syntax error.
    private static func parse(_ text: String) throws -> JSONNode {
        try JSONNode.parse(Array(text.utf8))
    }

    /// Shorthand for a position.
    private static func at(_ line: Int, _ column: Int) -> TextPosition {
        TextPosition(line: line, column: column)
    }

    // MARK: - Values

    @Test(arguments: [
        ("null", JSONNode.Value.null),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("0", .number(0, literal: "0")),
        ("-0", .number(-0.0, literal: "-0")),
        ("42", .number(42, literal: "42")),
        ("1.50", .number(1.5, literal: "1.50")),
        ("-12.5e-3", .number(-0.0125, literal: "-12.5e-3")),
        ("1E+2", .number(100, literal: "1E+2")),
        ("2e0", .number(2, literal: "2e0")),
        ("\"\"", .string("")),
        ("\"hello\"", .string("hello")),
        ("[]", .array([])),
        ("{}", .object([])),
    ])
    func parsesEveryValueType(text: String, expected: JSONNode.Value) throws {
        let node = try Self.parse(text)
        #expect(node.value == expected)
        #expect(node.position == Self.at(1, 1))
    }

    @Test(arguments: [
        (JSONNode.Value.null, "null"),
        (.bool(false), "boolean"),
        (.number(1, literal: "1"), "number"),
        (.string("x"), "string"),
        (.array([]), "array"),
        (.object([]), "object"),
    ])
    func typeNames(value: JSONNode.Value, expected: String) {
        #expect(value.typeName == expected)
    }

    @Test func arraysAndObjectsKeepOrderAndDuplicates() throws {
        let node = try Self.parse(#"{"b": [1, "two", null], "a": {}, "b": false}"#)
        guard case .object(let members) = node.value else {
            Issue.record("expected an object, got \(node.value.typeName)")
            return
        }
        #expect(members.map(\.key) == ["b", "a", "b"])
        #expect(
            members[0].value.value
                == .array([
                    JSONNode(value: .number(1, literal: "1"), position: Self.at(1, 8)),
                    JSONNode(value: .string("two"), position: Self.at(1, 11)),
                    JSONNode(value: .null, position: Self.at(1, 18)),
                ]))
        #expect(members[1].value.value == .object([]))
        #expect(members[2].value.value == .bool(false))
    }

    @Test func surroundingWhitespaceIsIgnored() throws {
        let node = try Self.parse(" \t\r\n [ ] \r\n\t ")
        #expect(node.value == .array([]))
        #expect(node.position == Self.at(2, 2))
    }

    @Test func largeAndTinyNumbersKeepTheirLiteral() throws {
        let digits = "123456789012345678901234567890"
        #expect(try Self.parse(digits).value == .number(1.2345678901234568e29, literal: digits))
        #expect(try Self.parse("1e-400").value == .number(0, literal: "1e-400"))
    }

    // MARK: - Strings

    @Test(arguments: [
        (#""\"""#, "\""),
        (#""\\""#, "\\"),
        (#""\/""#, "/"),
        (#""\b\f\n\r\t""#, "\u{08}\u{0C}\n\r\t"),
        (#""a\u0041\u00e9\u20AC""#, "aAé€"),
        (#""\u0000""#, "\u{0}"),
        (#""\uD83D\uDE00""#, "😀"),
        (#""\ud834\udd1e""#, "𝄞"),
        (#""x\uDBFF\uDFFFy""#, "x\u{10FFFF}y"),
        (#""raw é € 😀 \u00e9""#, "raw é € 😀 é"),
        ("\"\u{7F}\"", "\u{7F}"),
    ])
    func decodesEscapes(text: String, expected: String) throws {
        #expect(try Self.parse(text).value == .string(expected))
    }

    // MARK: - Positions

    @Test func positionsOfNestedValuesAndKeys() throws {
        let text = "{\r\n  \"name\": \"Bäckerei\",\r\n\t\"sizes\": [1, {\"é\": null}],\n  \"name\": true\n}"
        let root = try Self.parse(text)
        #expect(root.position == Self.at(1, 1))
        guard case .object(let members) = root.value else {
            Issue.record("expected an object")
            return
        }
        #expect(members.count == 3)
        #expect(members[0].keyPosition == Self.at(2, 3))
        #expect(members[0].value.position == Self.at(2, 11))
        #expect(members[1].keyPosition == Self.at(3, 2))
        #expect(members[1].value.position == Self.at(3, 11))
        #expect(members[2].key == "name")
        #expect(members[2].keyPosition == Self.at(4, 3))
        #expect(members[2].value.position == Self.at(4, 11))

        guard case .array(let sizes) = members[1].value.value, sizes.count == 2,
            case .object(let inner) = sizes[1].value, inner.count == 1
        else {
            Issue.record("unexpected shape of \"sizes\"")
            return
        }
        #expect(sizes[0].position == Self.at(3, 12))
        #expect(sizes[1].position == Self.at(3, 15))
        #expect(inner[0].key == "é")
        #expect(inner[0].keyPosition == Self.at(3, 16))
        #expect(inner[0].value.position == Self.at(3, 21))
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        // "ä" is 2 bytes, "😀" 4 and "€" 3 in UTF-8; each is one column.
        let root = try Self.parse(#"{"ä😀": "€", "k": 1}"#)
        guard case .object(let members) = root.value, members.count == 2 else {
            Issue.record("expected an object with two members")
            return
        }
        #expect(members[0].value.position == Self.at(1, 8))
        #expect(members[1].keyPosition == Self.at(1, 13))
        #expect(members[1].value.position == Self.at(1, 18))
    }

    @Test func byteOrderMarkIsSkippedAndNotCounted() throws {
        let node = try JSONNode.parse([0xEF, 0xBB, 0xBF] + Array(#" {"a": 1}"#.utf8))
        #expect(node.position == Self.at(1, 2))
        guard case .object(let members) = node.value else {
            Issue.record("expected an object")
            return
        }
        #expect(members[0].keyPosition == Self.at(1, 3))
    }

    // MARK: - Nesting

    @Test func acceptsNestingUpToTheLimit() throws {
        let depth = JSONNode.maximumDepth
        var node = try Self.parse(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        var levels = 1
        while case .array(let elements) = node.value, let first = elements.first {
            node = first
            levels += 1
        }
        #expect(levels == depth)
        #expect(node.position == Self.at(1, depth))
    }

    @Test(arguments: [
        (String(repeating: "[", count: 513), 513),
        (String(repeating: #"{"a":"#, count: 513), 5 * 512 + 1),
        (String(repeating: "[{\"k\":", count: 256) + "[", 6 * 256 + 1),
        (String(repeating: "[", count: 100_000), 513),
    ])
    func rejectsNestingBeyondTheLimit(text: String, column: Int) {
        let error = #expect(throws: JSONSyntaxError.self) { try Self.parse(text) }
        #expect(error?.message == "too many nested arrays and objects (the limit is 512)")
        #expect(error?.position == Self.at(1, column))
    }

    // MARK: - Errors

    /// A malformed input with the error it must produce.
    struct Malformed: Sendable, CustomTestStringConvertible {
        var bytes: [UInt8]
        var message: String
        var position: TextPosition

        init(_ text: String, _ message: String, _ line: Int, _ column: Int) {
            self.init(bytes: Array(text.utf8), message, line, column)
        }

        init(bytes: [UInt8], _ message: String, _ line: Int, _ column: Int) {
            self.bytes = bytes
            self.message = message
            position = TextPosition(line: line, column: column)
        }

        var testDescription: String {
            String(decoding: bytes, as: UTF8.self).debugDescription
        }
    }

    static let malformed: [Malformed] = [
        // Empty input and missing values.
        Malformed("", "unexpected end of input, expected a value", 1, 1),
        Malformed("  \n ", "unexpected end of input, expected a value", 2, 2),
        Malformed(bytes: [0xEF, 0xBB, 0xBF], "unexpected end of input, expected a value", 1, 1),
        Malformed("[", "unexpected end of input, expected a value or ']'", 1, 2),
        Malformed("[1", "unexpected end of input, expected ',' or ']' after an array element", 1, 3),
        Malformed("[1,", "unexpected end of input, expected a value after ','", 1, 4),
        Malformed("{", "unexpected end of input, expected a string key or '}'", 1, 2),
        Malformed(#"{"a""#, "unexpected end of input, expected ':' after an object key", 1, 5),
        Malformed(#"{"a":"#, "unexpected end of input, expected a value after ':'", 1, 6),
        Malformed(#"{"a":1"#, "unexpected end of input, expected ',' or '}' after an object member", 1, 7),
        Malformed(#"{"a":1,"#, "unexpected end of input, expected a string key after ','", 1, 8),
        Malformed(#"{"a":}"#, "expected a value after ':', found '}'", 1, 6),
        Malformed("[,1]", "expected a value or ']', found ','", 1, 2),

        // Unterminated strings are reported at the opening quote.
        Malformed(#""abc"#, "unterminated string", 1, 1),
        Malformed(#"["ok", "abc]"#, "unterminated string", 1, 8),
        Malformed(#""abc\"#, "unterminated string", 1, 1),
        Malformed(#""\u00"#, "unterminated string", 1, 1),

        // Trailing commas, missing colons and commas.
        Malformed("[1,2,]", "expected a value after ',', found ']' (trailing commas are not allowed)", 1, 6),
        Malformed(#"{"a":1,}"#, "expected a string key after ',', found '}' (trailing commas are not allowed)", 1, 8),
        Malformed("[\r\n1,\r\n]", "expected a value after ',', found ']' (trailing commas are not allowed)", 3, 1),
        Malformed(#"{"a" 1}"#, "expected ':' after an object key, found '1'", 1, 6),
        Malformed(#"{"a":1 "b":2}"#, "expected ',' or '}' after an object member, found '\"'", 1, 8),
        Malformed("[1 2]", "expected ',' or ']' after an array element, found '2'", 1, 4),
        Malformed("{a:1}", "expected a string key or '}', found 'a'", 1, 2),
        Malformed("{'a':1}", "expected a string key or '}', found \"'\"", 1, 2),

        // Escapes and control characters.
        Malformed(#""a\qb""#, #"invalid escape sequence '\q' in string"#, 1, 3),
        Malformed("[\n  \"é\\x\"]", #"invalid escape sequence '\x' in string"#, 2, 5),
        Malformed("\"\\\u{1}\"", #"invalid escape sequence in string: '\' followed by control character U+0001"#, 1, 2),
        Malformed(
            #""\u12G4""#,
            #"invalid escape sequence '\u12G' in string: expected four hexadecimal digits after '\u'"#,
            1, 2
        ),
        Malformed(
            #""\u12""#,
            #"invalid escape sequence '\u12' in string: expected four hexadecimal digits after '\u'"#,
            1, 2
        ),
        Malformed("\"a\tb\"", "unescaped control character U+0009 in string", 1, 3),
        Malformed("\"line\nbreak\"", "unescaped control character U+000A in string", 1, 6),

        // Lone surrogates.
        Malformed(#""\uD800""#, #"unpaired high surrogate '\uD800' in string"#, 1, 2),
        Malformed(#""x\uD83Dy""#, #"unpaired high surrogate '\uD83D' in string"#, 1, 3),
        Malformed(#""\uD800\u0041""#, #"unpaired high surrogate '\uD800' in string"#, 1, 2),
        Malformed(#""\uD800\uD800""#, #"unpaired high surrogate '\uD800' in string"#, 1, 2),
        Malformed(#""\uDC00""#, #"unpaired low surrogate '\uDC00' in string"#, 1, 2),
        Malformed(#""\ude00\ud83d""#, #"unpaired low surrogate '\ude00' in string"#, 1, 2),

        // Invalid UTF-8, reported at the first byte that cannot be decoded.
        Malformed(bytes: [0x22, 0x61, 0xFF, 0x22], "invalid UTF-8 byte 0xFF", 1, 3),
        Malformed(bytes: Array(#"["é", ""#.utf8) + [0xC3, 0x28, 0x22, 0x5D], "invalid UTF-8 byte 0xC3", 1, 8),
        Malformed(bytes: [0x5B, 0x0A, 0x20, 0xFF, 0x5D], "invalid UTF-8 byte 0xFF", 2, 2),
        Malformed(bytes: [0x22, 0x80, 0x22], "invalid UTF-8 byte 0x80", 1, 2),
        Malformed(bytes: [0x22, 0xC0, 0xAF, 0x22], "invalid UTF-8 byte 0xC0", 1, 2),
        Malformed(bytes: [0x22, 0xE0, 0x80, 0xAF, 0x22], "invalid UTF-8 byte 0xE0", 1, 2),
        Malformed(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], "invalid UTF-8 byte 0xED", 1, 2),
        Malformed(bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "invalid UTF-8 byte 0xF4", 1, 2),
        Malformed(bytes: [0x22, 0xE2, 0x82], "invalid UTF-8 byte 0xE2", 1, 2),
        Malformed(bytes: [0x31, 0x20, 0xFE], "invalid UTF-8 byte 0xFE", 1, 3),

        // Numbers outside the JSON grammar.
        Malformed("01", "invalid number '01': leading zeros are not allowed", 1, 1),
        Malformed("-007.5", "invalid number '-007.5': leading zeros are not allowed", 1, 1),
        Malformed("[1, 00]", "invalid number '00': leading zeros are not allowed", 1, 5),
        Malformed("+1", "expected a value, found '+' (numbers cannot start with '+')", 1, 1),
        Malformed(".5", "expected a value, found '.' (numbers need a digit before '.')", 1, 1),
        Malformed("1.", "unexpected end of input, expected a digit after '.'", 1, 3),
        Malformed("[1.]", "expected a digit after '.', found ']'", 1, 4),
        Malformed("1.e5", "expected a digit after '.', found 'e5'", 1, 3),
        Malformed("1e", "unexpected end of input, expected a digit in the exponent", 1, 3),
        Malformed("1e+", "unexpected end of input, expected a digit in the exponent", 1, 4),
        Malformed("-", "unexpected end of input, expected a digit after '-'", 1, 2),
        Malformed("-Infinity", "expected a digit after '-', found 'Infinity'", 1, 2),
        Malformed("1e999", "number '1e999' is out of range", 1, 1),

        // Bare words and other characters where a value belongs.
        Malformed("nul", "expected a value, found 'nul'", 1, 1),
        Malformed("True", "expected a value, found 'True'", 1, 1),
        Malformed("NaN", "expected a value, found 'NaN'", 1, 1),
        Malformed("é", "expected a value, found 'é' (U+00E9)", 1, 1),
        Malformed("\u{1}", "expected a value, found control character U+0001", 1, 1),
        Malformed(
            "[abcdefghijklmnopqrstuvwxyz]",
            "expected a value or ']', found 'abcdefghijklmnopqrstuvwx...'",
            1, 2
        ),

        // Content after the top-level value.
        Malformed("1 2", "expected end of input after the top-level value, found '2'", 1, 3),
        Malformed("{} x", "expected end of input after the top-level value, found 'x'", 1, 4),
        Malformed("[] ]", "expected end of input after the top-level value, found ']'", 1, 4),
        Malformed("truex", "expected a value, found 'truex'", 1, 1),
        Malformed("\"€€\" x", "expected end of input after the top-level value, found 'x'", 1, 6),
        Malformed("{}\n\n  }", "expected end of input after the top-level value, found '}'", 3, 3),
        Malformed("\u{FEFF}  x", "expected a value, found 'x'", 1, 3),
    ]

    @Test(arguments: malformed)
    func rejectsMalformedInput(_ input: Malformed) {
        let error = #expect(throws: JSONSyntaxError.self) { try JSONNode.parse(input.bytes) }
        #expect(error?.message == input.message)
        #expect(error?.position == input.position)
    }
}
