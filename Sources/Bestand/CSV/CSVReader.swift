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
    package var fieldCount: Int { fieldStarts.count }

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
    private var transcoded: [UInt8] = []
    private var consumedBytes = 0
    private var byteOrderMarkChecked = false

    /// Field bounds: offsets into `buffer`, or into `scratch` where `fieldInScratch` is set.
    private var fieldStarts: [Int] = []
    private var fieldEnds: [Int] = []
    private var fieldRawStarts: [Int] = []
    private var fieldInScratch: [Bool] = []
    private var scratch: [UInt8] = []

    private let chunkSize: Int
    private var byteClass = [UInt8](repeating: 0, count: 256)

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
        rawChunk?.deallocate()
    }

    private func configureByteClasses() {
        byteClass = [UInt8](repeating: 0, count: 256)
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
    @inline(__always)
    package func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        if fieldInScratch[index] {
            return scratch.withUnsafeBufferPointer {
                UnsafeBufferPointer(rebasing: $0[fieldStarts[index]..<fieldEnds[index]])
            }
        }
        return UnsafeBufferPointer(start: buffer + fieldStarts[index], count: fieldEnds[index] - fieldStarts[index])
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
        let target = index < fieldRawStarts.count ? fieldRawStarts[index] : recordEnd
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
    private func parseRecord() -> RecordEnd? {
        fieldStarts.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        fieldRawStarts.removeAll(keepingCapacity: true)
        fieldInScratch.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        recordHasUnterminatedQuote = false
        let end = dataEnd
        if position >= end { return nil }
        var i = position
        var lineBreaks = 0
        while true {
            fieldRawStarts.append(i)
            if i < end, buffer[i] == quote {
                guard let closed = parseQuotedField(from: i + 1, lineBreaks: &lineBreaks) else {
                    if atEndOfFile {
                        // Unterminated quote: the rest of the file is this record.
                        recordHasUnterminatedQuote = true
                        fieldStarts.append(i + 1)
                        fieldEnds.append(end)
                        fieldInScratch.append(false)
                        return finishRecord(contentEnd: end, next: end, lineBreaks: lineBreaks)
                    }
                    return nil
                }
                i = closed
            } else {
                let start = i
                while i < end, byteClass[Int(buffer[i])] == 0 { i += 1 }
                fieldStarts.append(start)
                fieldEnds.append(i)
                fieldInScratch.append(false)
            }
            if i >= end {
                guard atEndOfFile else { return nil }
                return finishRecord(contentEnd: end, next: end, lineBreaks: lineBreaks)
            }
            let byte = buffer[i]
            if byte == delimiter {
                i += 1
                continue
            }
            if byte == 0x0A { return finishRecord(contentEnd: i, next: i + 1, lineBreaks: lineBreaks) }
            // CR: a CRLF pair, or a lone CR.
            if i + 1 >= end, !atEndOfFile { return nil }
            let next = i + 1 < end && buffer[i + 1] == 0x0A ? i + 2 : i + 1
            return finishRecord(contentEnd: i, next: next, lineBreaks: lineBreaks)
        }
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
        var i = start
        var breaks = 0
        var escaped = false
        while true {
            while i < end, buffer[i] != quote {
                if buffer[i] == 0x0A { breaks += 1 }
                i += 1
            }
            if i >= end { return nil }
            if i + 1 < end, buffer[i + 1] == quote {
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
        while trailingEnd < end, byteClass[Int(buffer[trailingEnd])] == 0 { trailingEnd += 1 }
        if trailingEnd >= end, !atEndOfFile { return nil }
        lineBreaks += breaks
        if !escaped && trailingEnd == i {
            fieldStarts.append(start)
            fieldEnds.append(closing)
            fieldInScratch.append(false)
            return i
        }
        // Unescape doubled quotes and keep any text after the closing quote.
        let scratchStart = scratch.count
        var j = start
        while j < closing {
            scratch.append(buffer[j])
            j += buffer[j] == quote ? 2 : 1
        }
        for k in i..<trailingEnd { scratch.append(buffer[k]) }
        fieldStarts.append(scratchStart)
        fieldEnds.append(scratch.count)
        fieldInScratch.append(true)
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
            consumedBytes += position
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
                transcoded.removeAll(keepingCapacity: true)
                let input = UnsafeBufferPointer(start: rawChunk.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
                if let bad = TextEncoding.transcodeWindows1252(input, into: &transcoded) {
                    throw undefinedByteError(input, at: bad)
                }
                if capacity - dataEnd < transcoded.count {
                    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: dataEnd + transcoded.count + chunkSize)
                    grown.update(from: buffer, count: dataEnd)
                    buffer.deallocate()
                    buffer = grown
                    capacity = dataEnd + transcoded.count + chunkSize
                }
                transcoded.withUnsafeBufferPointer { (buffer + dataEnd).update(from: $0.baseAddress!, count: $0.count) }
                dataEnd += transcoded.count
            }
        } else {
            let count = try file.read(into: buffer + dataEnd, count: chunkSize)
            if count == 0 { atEndOfFile = true } else { dataEnd += count }
        }
        if !byteOrderMarkChecked, dataEnd >= 3 || atEndOfFile {
            byteOrderMarkChecked = true
            if dataEnd >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
        }
    }
}

private let quote = UInt8(ascii: "\"")
