/// A 1-based line and column in a text (column counts Unicode scalars).
package struct TextPosition: Hashable, Sendable {
    /// The 1-based line number; each "\n" (including the one in "\r\n") starts a new line.
    package var line: Int
    /// The 1-based column, counted in Unicode scalars from the start of the line.
    package var column: Int

    /// Creates a position from a 1-based line and column.
    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A JSON value parsed from source text, together with where it starts.
///
/// `parse(_:)` accepts exactly the grammar of RFC 8259 over UTF-8 bytes and
/// keeps what configuration diagnostics need: the position of every value and
/// object key, the exact source text of every number, and object members in
/// source order with duplicate keys preserved.
package struct JSONNode: Sendable, Equatable {
    /// The kinds of JSON value and their contents.
    package enum Value: Sendable, Equatable {
        case null
        case bool(Bool)
        /// A number; `literal` is its exact source text, such as "1.50" or "-0".
        case number(Double, literal: String)
        case string(String)
        case array([JSONNode])
        /// The members of an object in source order; duplicate keys are kept.
        case object([Member])

        /// The JSON name of this kind of value, for use in messages.
        package var typeName: String {
            switch self {
            case .null: "null"
            case .bool: "boolean"
            case .number: "number"
            case .string: "string"
            case .array: "array"
            case .object: "object"
            }
        }
    }

    /// One "key": value pair of an object.
    package struct Member: Sendable, Equatable {
        /// The decoded key.
        package var key: String
        /// Where the key's opening quote is.
        package var keyPosition: TextPosition
        /// The member's value.
        package var value: JSONNode

        /// Creates a member from its key, the key's position and its value.
        package init(key: String, keyPosition: TextPosition, value: JSONNode) {
            self.key = key
            self.keyPosition = keyPosition
            self.value = value
        }
    }

    /// The value itself.
    package var value: Value
    /// Where the value starts in the source text.
    package var position: TextPosition

    /// Creates a node from a value and the position where it starts.
    package init(value: Value, position: TextPosition) {
        self.value = value
        self.position = position
    }

    /// The deepest nesting of arrays and objects that `parse(_:)` accepts.
    package static let maximumDepth = 512

    /// Parses a complete JSON text from UTF-8 bytes.
    ///
    /// A leading byte order mark is skipped and does not count as a column.
    /// Anything other than whitespace after the top-level value is an error,
    /// as is invalid UTF-8 anywhere in the input.
    package static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var parser = JSONParser(bytes: bytes)
        return try parser.parseDocument()
    }
}

/// A description of why a text is not valid JSON, and where.
package struct JSONSyntaxError: Error, Equatable, Sendable {
    /// A plain English sentence fragment, such as "unterminated string".
    package var message: String
    /// Where the problem is.
    package var position: TextPosition

    /// Creates an error with a message and a position.
    package init(message: String, position: TextPosition) {
        self.message = message
        self.position = position
    }
}

/// The byte-level scanner behind `JSONNode.parse(_:)`.
///
/// Nesting is handled with an explicit stack instead of recursion, so deep
/// input can never overflow the call stack. Positions are tracked cheaply:
/// the current line, the offset where it starts, and how many UTF-8
/// continuation bytes have been consumed on it, which turns any offset on the
/// current line into a column in Unicode scalars.
private struct JSONParser {
    /// The input text.
    let bytes: [UInt8]
    /// The offset of the next byte to read.
    var offset = 0
    /// The 1-based number of the current line.
    var line = 1
    /// The offset of the first byte of the current line.
    var lineStart = 0
    /// How many UTF-8 continuation bytes have been consumed on the current line.
    var continuationBytes = 0

    /// Creates a parser positioned after the byte order mark, if there is one.
    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            offset = 3
            lineStart = 3
        }
    }

    /// An array or object whose elements are still being read.
    struct Container {
        var isObject: Bool
        var position: TextPosition
        var elements: [JSONNode] = []
        var members: [JSONNode.Member] = []
        /// The key of the object member whose value is being read.
        var key = ""
        var keyPosition: TextPosition
    }

    /// Where in the grammar a value is expected, for error messages.
    enum ValueContext {
        case document, firstElement, nextElement, memberValue

        var expectation: String {
            switch self {
            case .document: "a value"
            case .firstElement: "a value or ']'"
            case .nextElement: "a value after ','"
            case .memberValue: "a value after ':'"
            }
        }
    }

    // MARK: - Structure

    /// Parses the top-level value and checks that only whitespace follows it.
    mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        var stack: [Container] = []
        var context = ValueContext.document
        skipWhitespace()

        parsing: while true {
            // Read one value; an array or object that is not empty is opened
            // and its first element is read on the next pass.
            guard offset < bytes.count else {
                throw syntaxError("unexpected end of input, expected \(context.expectation)")
            }
            let start = position()
            var node: JSONNode
            switch bytes[offset] {
            case UInt8(ascii: "{"):
                guard stack.count < JSONNode.maximumDepth else { throw tooDeep() }
                offset += 1
                skipWhitespace()
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
                    offset += 1
                    node = JSONNode(value: .object([]), position: start)
                } else {
                    let (key, keyPosition) = try parseKey(afterComma: false)
                    stack.append(Container(isObject: true, position: start, key: key, keyPosition: keyPosition))
                    context = .memberValue
                    continue parsing
                }
            case UInt8(ascii: "["):
                guard stack.count < JSONNode.maximumDepth else { throw tooDeep() }
                offset += 1
                skipWhitespace()
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
                    offset += 1
                    node = JSONNode(value: .array([]), position: start)
                } else {
                    stack.append(Container(isObject: false, position: start, keyPosition: start))
                    context = .firstElement
                    continue parsing
                }
            case UInt8(ascii: "\""):
                node = JSONNode(value: .string(try parseString()), position: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                node = JSONNode(value: try parseNumber(), position: start)
            case UInt8(ascii: "t") where matches("true"):
                offset += 4
                node = JSONNode(value: .bool(true), position: start)
            case UInt8(ascii: "f") where matches("false"):
                offset += 5
                node = JSONNode(value: .bool(false), position: start)
            case UInt8(ascii: "n") where matches("null"):
                offset += 4
                node = JSONNode(value: .null, position: start)
            case UInt8(ascii: "+"):
                throw unexpected(expected: context.expectation, hint: " (numbers cannot start with '+')")
            case UInt8(ascii: "."):
                throw unexpected(expected: context.expectation, hint: " (numbers need a digit before '.')")
            case UInt8(ascii: "]") where context == .nextElement:
                throw unexpected(expected: context.expectation, hint: " (trailing commas are not allowed)")
            default:
                throw unexpected(expected: context.expectation)
            }

            // Hand the finished value to its container; closing a container
            // finishes another value, so this repeats until more input is needed.
            while true {
                skipWhitespace()
                guard let top = stack.indices.last else {
                    guard offset == bytes.count else {
                        throw unexpected(expected: "end of input after the top-level value")
                    }
                    return node
                }
                if stack[top].isObject {
                    let member = JSONNode.Member(key: stack[top].key, keyPosition: stack[top].keyPosition, value: node)
                    stack[top].members.append(member)
                    guard offset < bytes.count else {
                        throw syntaxError("unexpected end of input, expected ',' or '}' after an object member")
                    }
                    switch bytes[offset] {
                    case UInt8(ascii: ","):
                        offset += 1
                        skipWhitespace()
                        let (key, keyPosition) = try parseKey(afterComma: true)
                        stack[top].key = key
                        stack[top].keyPosition = keyPosition
                        context = .memberValue
                        continue parsing
                    case UInt8(ascii: "}"):
                        offset += 1
                        let object = stack.removeLast()
                        node = JSONNode(value: .object(object.members), position: object.position)
                    default:
                        throw unexpected(expected: "',' or '}' after an object member")
                    }
                } else {
                    stack[top].elements.append(node)
                    guard offset < bytes.count else {
                        throw syntaxError("unexpected end of input, expected ',' or ']' after an array element")
                    }
                    switch bytes[offset] {
                    case UInt8(ascii: ","):
                        offset += 1
                        skipWhitespace()
                        context = .nextElement
                        continue parsing
                    case UInt8(ascii: "]"):
                        offset += 1
                        let array = stack.removeLast()
                        node = JSONNode(value: .array(array.elements), position: array.position)
                    default:
                        throw unexpected(expected: "',' or ']' after an array element")
                    }
                }
            }
        }
    }

    /// Reads an object key and the colon after it, leaving the offset at the value.
    mutating func parseKey(afterComma: Bool) throws(JSONSyntaxError) -> (String, TextPosition) {
        let expectation = afterComma ? "a string key after ','" : "a string key or '}'"
        guard offset < bytes.count else {
            throw syntaxError("unexpected end of input, expected \(expectation)")
        }
        guard bytes[offset] == UInt8(ascii: "\"") else {
            let trailingComma = afterComma && bytes[offset] == UInt8(ascii: "}")
            throw unexpected(expected: expectation, hint: trailingComma ? " (trailing commas are not allowed)" : "")
        }
        let keyPosition = position()
        let key = try parseString()
        skipWhitespace()
        guard offset < bytes.count else {
            throw syntaxError("unexpected end of input, expected ':' after an object key")
        }
        guard bytes[offset] == UInt8(ascii: ":") else {
            throw unexpected(expected: "':' after an object key")
        }
        offset += 1
        skipWhitespace()
        return (key, keyPosition)
    }

    /// Skips spaces, tabs, carriage returns and line feeds, counting lines.
    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                offset += 1
            case UInt8(ascii: "\n"):
                offset += 1
                line += 1
                lineStart = offset
                continuationBytes = 0
            default:
                return
            }
        }
    }

    /// Tells whether the ASCII `word` starts at the offset and is not followed by
    /// more letters or digits (so "nullx" is not taken for "null").
    func matches(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count - offset >= count else { return false }
        let equal = word.withUTF8Buffer { word in
            (0..<count).allSatisfy { bytes[offset + $0] == word[$0] }
        }
        return equal && (offset + count == bytes.count || !Self.isWordByte(bytes[offset + count]))
    }

    // MARK: - Numbers

    /// Reads a number following the RFC 8259 grammar
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func parseNumber() throws(JSONSyntaxError) -> JSONNode.Value {
        let start = offset
        if bytes[offset] == UInt8(ascii: "-") {
            offset += 1
            try expectDigit("a digit after '-'")
        }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
            if offset < bytes.count, Self.isDigit(bytes[offset]) {
                var end = offset
                while end < bytes.count, Self.isNumberByte(bytes[end]) { end += 1 }
                throw syntaxError(
                    "invalid number '\(text(start ..< end))': leading zeros are not allowed",
                    at: position(at: start)
                )
            }
        } else {
            skipDigits()
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            try expectDigit("a digit after '.'")
            skipDigits()
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            try expectDigit("a digit in the exponent")
            skipDigits()
        }
        let literal = text(start..<offset)
        guard let number = Double(literal), number.isFinite else {
            throw syntaxError("number '\(literal)' is out of range", at: position(at: start))
        }
        return .number(number, literal: literal)
    }

    /// Throws unless a decimal digit is at the offset; `expectation` names it for messages.
    func expectDigit(_ expectation: String) throws(JSONSyntaxError) {
        guard offset < bytes.count else {
            throw syntaxError("unexpected end of input, expected \(expectation)")
        }
        guard Self.isDigit(bytes[offset]) else {
            throw unexpected(expected: expectation)
        }
    }

    /// Moves past a run of decimal digits.
    mutating func skipDigits() {
        while offset < bytes.count, Self.isDigit(bytes[offset]) { offset += 1 }
    }

    // MARK: - Strings

    /// Reads a string starting at its opening quote and returns its decoded contents.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        let openingQuote = position()
        offset += 1
        var runStart = offset
        var decoded: [UInt8] = []
        var hasEscapes = false

        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                let contents: String
                if hasEscapes {
                    decoded.append(contentsOf: bytes[runStart..<offset])
                    contents = String(decoding: decoded, as: UTF8.self)
                } else {
                    contents = String(decoding: bytes[runStart..<offset], as: UTF8.self)
                }
                offset += 1
                return contents
            case UInt8(ascii: "\\"):
                if !hasEscapes {
                    hasEscapes = true
                    decoded.reserveCapacity(offset - runStart + 16)
                }
                decoded.append(contentsOf: bytes[runStart..<offset])
                try parseEscape(into: &decoded, openingQuote: openingQuote)
                runStart = offset
            case 0x00..<0x20:
                throw syntaxError("unescaped control character \(Self.codePoint(UInt32(byte))) in string")
            case 0x20..<0x80:
                offset += 1
            default:
                guard let length = utf8SequenceLength(at: offset) else { throw invalidUTF8(at: offset) }
                offset += length
                continuationBytes += length - 1
            }
        }
        throw syntaxError("unterminated string", at: openingQuote)
    }

    /// Decodes the escape sequence at the offset (which is at its backslash).
    mutating func parseEscape(into decoded: inout [UInt8], openingQuote: TextPosition) throws(JSONSyntaxError) {
        let backslash = offset
        guard offset + 1 < bytes.count else { throw syntaxError("unterminated string", at: openingQuote) }
        let replacement: UInt8
        switch bytes[offset + 1] {
        case UInt8(ascii: "\""): replacement = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): replacement = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): replacement = UInt8(ascii: "/")
        case UInt8(ascii: "b"): replacement = 0x08
        case UInt8(ascii: "f"): replacement = 0x0C
        case UInt8(ascii: "n"): replacement = UInt8(ascii: "\n")
        case UInt8(ascii: "r"): replacement = UInt8(ascii: "\r")
        case UInt8(ascii: "t"): replacement = UInt8(ascii: "\t")
        case UInt8(ascii: "u"):
            var scalar = try hexQuad(at: backslash, openingQuote: openingQuote)
            offset += 6
            switch scalar {
            case 0xD800...0xDBFF:
                // A high surrogate must be followed at once by an escaped low surrogate.
                guard offset + 1 < bytes.count,
                    bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u")
                else {
                    if offset >= bytes.count || (bytes[offset] == UInt8(ascii: "\\") && offset + 1 == bytes.count) {
                        throw syntaxError("unterminated string", at: openingQuote)
                    }
                    throw unpairedSurrogate("high", at: backslash)
                }
                let low = try hexQuad(at: offset, openingQuote: openingQuote)
                guard (0xDC00...0xDFFF).contains(low) else { throw unpairedSurrogate("high", at: backslash) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                offset += 6
            case 0xDC00...0xDFFF:
                throw unpairedSurrogate("low", at: backslash)
            default:
                break
            }
            Self.appendUTF8(scalar, to: &decoded)
            return
        case 0x21...0x7E:
            throw syntaxError("invalid escape sequence '\(text(offset ..< offset + 2))' in string")
        default:
            guard let found = describe(at: offset + 1) else { throw invalidUTF8(at: offset + 1) }
            throw syntaxError("invalid escape sequence in string: '\\' followed by \(found)")
        }
        decoded.append(replacement)
        offset += 2
    }

    /// Reads the four hexadecimal digits of the `\uXXXX` escape whose backslash is at `start`.
    func hexQuad(at start: Int, openingQuote: TextPosition) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for index in start + 2..<start + 6 {
            guard index < bytes.count else { throw syntaxError("unterminated string", at: openingQuote) }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                let shown = byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") ? index + 1 : index
                let sequence = text(start..<shown)
                throw syntaxError(
                    "invalid escape sequence '\(sequence)' in string: expected four hexadecimal digits after '\\u'",
                    at: position(at: start)
                )
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    // MARK: - UTF-8

    /// The length of the well-formed UTF-8 sequence at `index`, or nil if there is none.
    ///
    /// Rejects stray continuation bytes, overlong forms, encoded surrogates,
    /// values above U+10FFFF and sequences cut short.
    func utf8SequenceLength(at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        case 0xF1...0xF3: length = 4
        default: return nil
        }
        guard bytes.count - index >= length, secondRange.contains(bytes[index + 1]) else { return nil }
        for next in index + 2..<index + length where bytes[next] & 0xC0 != 0x80 {
            return nil
        }
        return length
    }

    /// Appends the UTF-8 encoding of a Unicode scalar value.
    static func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            bytes.append(UInt8(scalar))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | scalar >> 6))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | scalar >> 12))
            bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | scalar >> 18))
            bytes.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    // MARK: - Positions and errors

    /// The position of `index`, which must be on the current line with no
    /// unconsumed non-ASCII bytes before it.
    func position(at index: Int) -> TextPosition {
        TextPosition(line: line, column: index - lineStart - continuationBytes + 1)
    }

    /// The position of the offset.
    func position() -> TextPosition {
        position(at: offset)
    }

    /// An error at the offset, or at `position` if given.
    func syntaxError(_ message: String, at position: TextPosition? = nil) -> JSONSyntaxError {
        JSONSyntaxError(message: message, position: position ?? self.position())
    }

    /// An "expected …, found …" error for the byte at the offset, which must exist.
    ///
    /// If that byte does not start valid UTF-8, the encoding error is reported instead.
    func unexpected(expected: String, hint: String = "") -> JSONSyntaxError {
        guard let found = describe(at: offset) else { return invalidUTF8(at: offset) }
        return syntaxError("expected \(expected), found \(found)\(hint)")
    }

    /// Describes what is at `index` for a message: a quoted word or character,
    /// a control character's code point, or nil for invalid UTF-8.
    func describe(at index: Int) -> String? {
        let byte = bytes[index]
        if Self.isWordByte(byte) {
            var end = index
            while end < bytes.count, end - index < 24, Self.isWordByte(bytes[end]) { end += 1 }
            let more = end < bytes.count && Self.isWordByte(bytes[end]) ? "..." : ""
            return "'\(text(index ..< end))\(more)'"
        }
        if byte == UInt8(ascii: "'") { return "\"'\"" }
        if byte > 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte == 0x20 { return "' '" }
        if byte < 0x80 { return "control character \(Self.codePoint(UInt32(byte)))" }
        guard let length = utf8SequenceLength(at: index),
            let scalar = String(decoding: bytes[index..<index + length], as: UTF8.self).unicodeScalars.first
        else { return nil }
        return "'\(scalar)' (\(Self.codePoint(scalar.value)))"
    }

    /// The error for a byte at `index` that does not start valid UTF-8.
    func invalidUTF8(at index: Int) -> JSONSyntaxError {
        syntaxError("invalid UTF-8 byte 0x\(Self.hex(UInt32(bytes[index]), digits: 2))", at: position(at: index))
    }

    /// The error for an array or object nested one level too deep.
    func tooDeep() -> JSONSyntaxError {
        syntaxError("too many nested arrays and objects (the limit is \(JSONNode.maximumDepth))")
    }

    /// The error for a `\u` escape of a surrogate that has no partner.
    func unpairedSurrogate(_ kind: String, at backslash: Int) -> JSONSyntaxError {
        syntaxError(
            "unpaired \(kind) surrogate '\(text(backslash ..< backslash + 6))' in string",
            at: position(at: backslash)
        )
    }

    /// The input bytes in `range` as text.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Tells whether `byte` can be part of a bare word such as `true` or `NaN`.
    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }

    /// Tells whether `byte` can appear in a number literal.
    static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"),
            UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    /// Formats a code point as "U+" and at least four uppercase hexadecimal digits.
    static func codePoint(_ value: UInt32) -> String {
        "U+" + hex(value, digits: 4)
    }

    /// Formats `value` in uppercase hexadecimal, zero-padded to `digits`.
    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
