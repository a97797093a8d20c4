/// Reads RFC 4180 records from a file as byte fields, streaming it in chunks.
///
/// Quoted fields may hold delimiters, doubled quotes and line breaks; CRLF, LF and lone CR
/// end records; a UTF-8 byte-order mark is dropped; Windows-1252 input is transcoded to UTF-8
/// as it is read. Text after a closing quote is kept literally (`"ab"c` reads `abc`), as most
/// spreadsheet programs do. Field views are valid until the next call of `next()`.
/// Memory is bounded by the chunk size and the longest record; time is O(file size).
package final class CSVReader {
    package let path: String
    package let encoding: TextEncoding
    package private(set) var delimiter: UInt8

    /// 1-based line on which the current record starts.
    package private(set) var recordLine = 0
    /// Whether the current record runs into the end of the file inside a quoted field.
    package private(set) var recordHasUnterminatedQuote = false
    package var fieldCount: Int { count }

    private let file: FileBytes
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var dataEnd = 0
    private var position = 0
    private var atEndOfFile = false
    private var nextLine = 1
    private var recordStart = 0
    private var recordEnd = 0
    private var rawChunk: UnsafeMutableRawBufferPointer?
    private var byteOrderMarkChecked = false

    /// Field bounds of the current record (see `FieldSpan`), `count` of them.
    private var spans: UnsafeMutablePointer<FieldSpan>
    private var spanCapacity = 64
    private var count = 0
    /// Unescaped text of quoted fields that held doubled quotes.
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 4096

    private let chunkSize: Int
    /// 1 for the delimiter, 2 for LF, 3 for CR, 0 for every other byte.
    private let byteClass: UnsafeMutablePointer<UInt8>

    /// Opens a reader; `delimiter` nil means: detect it from the first lines.
    package init(
        file: FileBytes, delimiter: UInt8?, encoding: TextEncoding, chunkSize: Int = 1 << 20
    ) throws(BestandError) {
        self.file = file
        self.path = file.path
        self.encoding = encoding
        self.chunkSize = chunkSize
        capacity = chunkSize * 2
        buffer = .allocate(capacity: capacity)
        spans = .allocate(capacity: spanCapacity)
        scratch = .allocate(capacity: scratchCapacity)
        byteClass = .allocate(capacity: 256)
        if encoding == .windows1252 {
            rawChunk = .allocate(byteCount: chunkSize, alignment: 16)
        }
        self.delimiter = delimiter ?? UInt8(ascii: ",")
        try fill()
        if delimiter == nil {
            // Read up to 64 KiB for detection.
            while !atEndOfFile, dataEnd - position < 65_536 { try fill() }
            self.delimiter = DialectDetector.detectDelimiter(
                UnsafeBufferPointer(start: buffer + position, count: dataEnd - position))
        }
        configureByteClasses()
    }

    deinit {
        buffer.deallocate()
        spans.deallocate()
        scratch.deallocate()
        byteClass.deallocate()
        rawChunk?.deallocate()
    }

    private func configureByteClasses() {
        byteClass.initialize(repeating: 0, count: 256)
        byteClass[Int(delimiter)] = 1
        byteClass[0x0A] = 2
        byteClass[0x0D] = 3
    }

    // MARK: - Records

    /// Advances to the next record; false at the end of the file.
    package func next() throws(BestandError) -> Bool {
        while true {
            if let end = parseRecord() {
                recordEnd = end.contentEnd
                position = end.next
                return true
            }
            if atEndOfFile && position >= dataEnd { return false }
            try fill()
        }
    }

    /// The bytes of field `index` of the current record (unquoted, not trimmed).
    package func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        record.field(index)
    }

    /// The bytes the current record spans in the file (its line end not counted).
    package var recordByteCount: Int { recordEnd - recordStart }

    /// The current record's fields, as a value to read them from without touching the reader.
    package var record: CSVRecord {
        CSVRecord(base: buffer, scratch: scratch, spans: spans, count: count)
    }

    /// The current record as it stands in the file (UTF-8), without its line end; a record
    /// longer than `limit` bytes is cut at a character boundary and marked with its length.
    package func recordText(limit: Int = .max) -> String {
        let length = recordEnd - recordStart
        guard length > limit else {
            return Text.string(UnsafeBufferPointer(start: buffer + recordStart, count: length))
        }
        var cut = limit
        while cut > 0, buffer[recordStart + cut] & 0xC0 == 0x80 { cut -= 1 }
        return Text.string(UnsafeBufferPointer(start: buffer + recordStart, count: cut)) + "… (\(length) bytes)"
    }

    /// 1-based line and column (in characters) where field `index` of the current record starts.
    package func location(ofField index: Int) -> SourceLocation {
        let target = index < count ? spans[index].rawStart : recordEnd
        var line = recordLine
        var lineStart = recordStart
        var i = recordStart
        while i < target {
            if buffer[i] == 0x0A { line += 1; lineStart = i + 1 }
            i += 1
        }
        var column = 1
        for j in lineStart..<target where buffer[j] & 0xC0 != 0x80 { column += 1 }
        return SourceLocation(path: path, line: line, column: column)
    }

    // MARK: - Parsing

    private struct RecordEnd {
        var contentEnd: Int
        var next: Int
    }

    /// Parses one record at `position`; nil when the buffer holds no complete record yet.
    ///
    /// The loops read only locals and `let` pointers, so no per-byte exclusivity checks run.
    private func parseRecord() -> RecordEnd? {
        count = 0
        scratchUsed = 0
        recordHasUnterminatedQuote = false
        let end = dataEnd
        let base = buffer
        let classes = byteClass
        let delimiter = self.delimiter
        let stops = StopBytes(delimiter: delimiter)
        var i = position
        if i >= end { return nil }
        var lineBreaks = 0
        while true {
            if i < end, base[i] == quote {
                guard let closed = parseQuotedField(from: i + 1, lineBreaks: &lineBreaks) else {
                    if atEndOfFile {
                        // A quote that is never closed: the record's first line becomes one bad
                        // record, and reading goes on with the next line, so one stray quote
                        // costs one row and not the rest of the file.
                        recordHasUnterminatedQuote = true
                        var lineEnd = position
                        while lineEnd < end, base[lineEnd] != 0x0A, base[lineEnd] != 0x0D { lineEnd += 1 }
                        count = 0
                        appendSpan(FieldSpan(start: position, end: lineEnd, rawStart: position, inScratch: false))
                        let next =
                            lineEnd + 1 < end && base[lineEnd] == 0x0D && base[lineEnd + 1] == 0x0A ? lineEnd + 2 : min(end, lineEnd + 1)
                        return finishRecord(contentEnd: lineEnd, next: next, lineBreaks: 0)
                    }
                    return nil
                }
                i = closed
            } else {
                let start = i
                // Eight bytes at a time up to the first delimiter or line end, then byte by byte.
                while i + 8 <= end {
                    let found = stops.first(in: UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)))
                    if found < 8 {
                        i += found
                        break
                    }
                    i += 8
                }
                while i < end, classes[Int(base[i])] == 0 { i += 1 }
                appendSpan(FieldSpan(start: start, end: i, rawStart: start, inScratch: false))
            }
            if i >= end {
                guard atEndOfFile else { return nil }
                return finishRecord(contentEnd: end, next: end, lineBreaks: lineBreaks)
            }
            let byte = base[i]
            if byte == delimiter {
                i += 1
                continue
            }
            if byte == 0x0A { return finishRecord(contentEnd: i, next: i + 1, lineBreaks: lineBreaks) }
            // CR: a CRLF pair, or a lone CR.
            if i + 1 >= end, !atEndOfFile { return nil }
            let next = i + 1 < end && base[i + 1] == 0x0A ? i + 2 : i + 1
            return finishRecord(contentEnd: i, next: next, lineBreaks: lineBreaks)
        }
    }

    /// The bytes that end an unquoted field (the delimiter, LF and CR), found eight at a time.
    private struct StopBytes {
        let delimiter: UInt64
        static let ones: UInt64 = 0x0101_0101_0101_0101
        static let highs: UInt64 = 0x8080_8080_8080_8080

        init(delimiter: UInt8) { self.delimiter = UInt64(delimiter) &* Self.ones }

        /// The index (0…7) of the first stop byte among the eight bytes of `word` (read as
        /// little-endian: byte 0 is the lowest), or 8 without one. Per pattern, `(x − 1s) & ~x & 0x80s`
        /// marks the bytes of `x` that are zero; its lowest mark is always a true zero (marks
        /// above it may be borrows), so the lowest mark over the three patterns is exact.
        @inline(__always)
        func first(in word: UInt64) -> Int {
            func zeros(_ x: UInt64) -> UInt64 { (x &- Self.ones) & ~x & Self.highs }
            let marks = zeros(word ^ delimiter) | zeros(word ^ (0x0A &* Self.ones)) | zeros(word ^ (0x0D &* Self.ones))
            return marks.trailingZeroBitCount >> 3
        }
    }

    @inline(__always)
    private func appendSpan(_ span: FieldSpan) {
        if count == spanCapacity { Self.double(&spans, capacity: &spanCapacity, used: count) }
        spans[count] = span
        count += 1
    }

    private var scratchUsed = 0

    private func appendScratch(_ byte: UInt8) {
        if scratchUsed == scratchCapacity { Self.double(&scratch, capacity: &scratchCapacity, used: scratchUsed) }
        scratch[scratchUsed] = byte
        scratchUsed += 1
    }

    /// Moves the first `used` elements into a buffer of twice the capacity.
    private static func double<T>(_ pointer: inout UnsafeMutablePointer<T>, capacity: inout Int, used: Int) {
        let grown = UnsafeMutablePointer<T>.allocate(capacity: capacity * 2)
        grown.moveInitialize(from: pointer, count: used)
        pointer.deallocate()
        pointer = grown
        capacity *= 2
    }

    private func finishRecord(contentEnd: Int, next: Int, lineBreaks: Int) -> RecordEnd {
        recordStart = position
        recordLine = nextLine
        nextLine += 1 + lineBreaks
        return RecordEnd(contentEnd: contentEnd, next: next)
    }

    /// Parses a quoted field whose content starts at `start`, up to the delimiter or line end
    /// after it; returns that index, or nil when the buffer ends first.
    private func parseQuotedField(from start: Int, lineBreaks: inout Int) -> Int? {
        let end = dataEnd
        let base = buffer
        let classes = byteClass
        var i = start
        var breaks = 0
        var escaped = false
        while true {
            while i < end, base[i] != quote {
                if base[i] == 0x0A { breaks += 1 }
                i += 1
            }
            if i >= end { return nil }
            if i + 1 < end, base[i + 1] == quote {
                escaped = true
                i += 2
                continue
            }
            if i + 1 >= end, !atEndOfFile { return nil }
            break
        }
        let closing = i
        i += 1
        var trailingEnd = i
        while trailingEnd < end, classes[Int(base[trailingEnd])] == 0 { trailingEnd += 1 }
        if trailingEnd >= end, !atEndOfFile { return nil }
        lineBreaks += breaks
        if !escaped && trailingEnd == i {
            appendSpan(FieldSpan(start: start, end: closing, rawStart: start - 1, inScratch: false))
            return i
        }
        // Unescape doubled quotes and keep any text after the closing quote.
        let scratchStart = scratchUsed
        var j = start
        while j < closing {
            appendScratch(base[j])
            j += base[j] == quote ? 2 : 1
        }
        for k in i..<trailingEnd { appendScratch(base[k]) }
        appendSpan(FieldSpan(start: scratchStart, end: scratchUsed, rawStart: start - 1, inScratch: true))
        return trailingEnd
    }

    // MARK: - Buffer

    /// The error for a byte that Windows-1252 leaves undefined, with its line and column.
    private func undefinedByteError(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> BestandError {
        var line = nextLine
        var column = 1
        for i in position..<dataEnd {
            if buffer[i] == 0x0A { line += 1; column = 1 } else if buffer[i] & 0xC0 != 0x80 { column += 1 }
        }
        for i in 0..<index {
            if input[i] == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        let hex = String(input[index], radix: 16, uppercase: true)
        return BestandError(
            .malformedInput,
            "byte 0x\(hex) is neither UTF-8 nor Windows-1252 text — is this a text export?",
            location: SourceLocation(path: path, line: line, column: column))
    }

    /// Moves unread bytes to the front, grows the buffer if a record does not fit, reads more.
    private func fill() throws(BestandError) {
        guard !atEndOfFile else { return }
        let unread = dataEnd - position
        if position > 0 {
            buffer.update(from: buffer + position, count: unread)
            position = 0
            dataEnd = unread
        }
        if capacity - dataEnd < chunkSize * 2 {
            // A record longer than the buffer: double it so rescans stay linear overall.
            let newCapacity = max(capacity * 2, dataEnd + chunkSize * 2)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: buffer, count: dataEnd)
            buffer.deallocate()
            buffer = grown
            capacity = newCapacity
        }
        if let rawChunk {
            let count = try file.read(into: rawChunk.baseAddress!, count: chunkSize)
            if count == 0 {
                atEndOfFile = true
            } else {
                var input = UnsafeBufferPointer(start: rawChunk.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
                if !byteOrderMarkChecked, count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF {
                    // A UTF-8 byte-order mark in a file read as Windows-1252: drop it, do not transcode it.
                    input = UnsafeBufferPointer(rebasing: input[3...])
                }
                // Transcoded straight into the buffer, which makes room for the longest result.
                let room = input.count * TextEncoding.maximumUTF8PerByte
                if capacity - dataEnd < room {
                    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: dataEnd + room + chunkSize)
                    grown.update(from: buffer, count: dataEnd)
                    buffer.deallocate()
                    buffer = grown
                    capacity = dataEnd + room + chunkSize
                }
                let (written, bad) = TextEncoding.transcodeWindows1252(input, to: buffer + dataEnd)
                if let bad { throw undefinedByteError(input, at: bad) }
                dataEnd += written
            }
        } else {
            // Fill the free space (at least one chunk): a record longer than the buffer then
            // takes O(log n) refills and rescans, not O(n).
            while capacity - dataEnd >= chunkSize {
                let count = try file.read(into: buffer + dataEnd, count: capacity - dataEnd)
                if count == 0 {
                    atEndOfFile = true
                    break
                }
                dataEnd += count
            }
        }
        if !byteOrderMarkChecked, dataEnd >= 3 || atEndOfFile {
            byteOrderMarkChecked = true
            if dataEnd >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
        }
    }
}

private let quote = UInt8(ascii: "\"")

/// Where a field's bytes are: `start..<end` in the read buffer, or in the scratch buffer when
/// `inScratch`; `rawStart` is where the field begins in the file text (its quote, if any).
package struct FieldSpan: Sendable {
    var start: Int
    var end: Int
    var rawStart: Int
    var inScratch: Bool
}

/// A view of the current record's fields; valid until the reader moves on.
package struct CSVRecord {
    let base: UnsafeMutablePointer<UInt8>
    let scratch: UnsafeMutablePointer<UInt8>
    let spans: UnsafeMutablePointer<FieldSpan>
    package let count: Int

    /// The bytes of field `index` (unquoted, not trimmed).
    @inline(__always)
    package func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let span = spans[index]
        return UnsafeBufferPointer(start: (span.inScratch ? scratch : base) + span.start, count: span.end - span.start)
    }
}
