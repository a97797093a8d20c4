/// Builds CSV text: UTF-8, comma, `\n`, RFC 4180 quoting, and a guard against formula injection.
///
/// A text cell that starts with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`
/// so that spreadsheet programs show it as text. Numbers written with `number` are not guarded.
package struct CSVWriter: Sendable {
    package private(set) var bytes: [UInt8] = []
    private var atLineStart = true
    /// Where whole rows go once a megabyte has gathered (nil: everything stays in `bytes`).
    /// The file a streamed table goes to (nil: the table is kept whole in `bytes`).
    package let file: OutputFile?

    package init(header: [String], streamingTo file: OutputFile? = nil) {
        self.file = file
        row(header)
    }

    /// A writer of rows without a header: the later part of a table, rendered apart and then
    /// appended to the writer of its first part.
    package init() {
        file = nil
    }

    /// Appends the rows of a writer without a header (streamed on when a megabyte has gathered).
    package mutating func append(rowsOf other: CSVWriter) {
        if let file, !other.bytes.isEmpty {
            file.write(bytes)
            bytes.removeAll()
            file.write(other.bytes)
        } else {
            bytes.append(contentsOf: other.bytes)
        }
    }

    /// Writes what is left to the file being streamed to and flushes it to disk.
    package mutating func finish() throws(BestandError) {
        writeRest()
        try file?.finish()
    }

    /// Writes what is left of a streamed table, without flushing the file (see `finish`).
    package mutating func writeRest() {
        guard let file else { return }
        file.write(bytes)
        bytes.removeAll()
    }

    /// Appends a row of text cells.
    package mutating func row(_ cells: [String]) {
        for cell in cells { text(cell) }
        endRow()
    }

    /// Appends a text cell (guarded and quoted as needed).
    package mutating func text(_ cell: String) {
        separate()
        var cell = cell
        cell.withUTF8 { appendEscaped($0) }
    }

    /// Appends a text cell of UTF-8 bytes, as `text` does.
    package mutating func text(utf8 cell: UnsafeBufferPointer<UInt8>) {
        separate()
        appendEscaped(cell)
    }

    /// Appends cell `row` of a text column (an empty cell for row -1), as `text` does.
    package mutating func text(_ column: TextColumn, row: Int32) {
        separate()
        if row >= 0 { column.withBytes(Int(row)) { appendEscaped($0) } }
    }

    /// Appends a cell written by the program itself (numbers, dates, codes): never guarded.
    package mutating func number(_ cell: String) {
        separate()
        bytes.append(contentsOf: cell.utf8)
    }

    /// Appends a whole number (written digit by digit, no `String` made).
    package mutating func integer(_ value: Int) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude, minimumWidth: 1)
    }

    /// Appends money from cents with two decimals, such as `-1234.50`.
    package mutating func money(_ cents: Int64) {
        separate()
        if cents < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(UInt(cents.magnitude / 100), minimumWidth: 1)
        bytes.append(UInt8(ascii: "."))
        appendDigits(UInt(cents.magnitude % 100), minimumWidth: 2)
    }

    /// Appends an ISO date `YYYY-MM-DD`, or an empty cell.
    package mutating func date(_ day: Int32?) {
        separate()
        guard let day else { return }
        let (year, month, dayOfMonth) = Day.civil(day)
        appendDigits(UInt(year), minimumWidth: 4)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(UInt(month), minimumWidth: 2)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(UInt(dayOfMonth), minimumWidth: 2)
    }

    private mutating func appendDigits(_ value: UInt, minimumWidth: Int) {
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        // Written from the end of the buffer backwards, then appended at once.
        var start = 20
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0 || 20 - start < minimumWidth
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start..<20]))
        }
    }

    package mutating func endRow() {
        bytes.append(0x0A)
        if let file, bytes.count >= 1 << 20 {
            file.write(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
        atLineStart = true
    }

    private mutating func separate() {
        if !atLineStart { bytes.append(UInt8(ascii: ",")) }
        atLineStart = false
    }

    private mutating func appendEscaped(_ cell: UnsafeBufferPointer<UInt8>) {
        let guarded = cell.first.map(Self.startsFormula) ?? false
        let needsQuotes = cell.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        if guarded && !needsQuotes { bytes.append(UInt8(ascii: "'")) }
        guard needsQuotes else {
            // No quote inside (it would need quoting): the bytes go over at once.
            bytes.append(contentsOf: cell)
            return
        }
        bytes.append(0x22)
        if guarded { bytes.append(UInt8(ascii: "'")) }
        for byte in cell {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
    }

    /// Whether a cell starting with this byte could be read as a formula by a spreadsheet.
    package static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "@") || byte == 0x09 || byte == 0x0D
    }
}
