/// Builds CSV text: UTF-8, comma, `\n`, RFC 4180 quoting, and a guard against formula injection.
///
/// A text cell that starts with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`
/// so that spreadsheet programs show it as text. Numbers written with `number` are not guarded.
package struct CSVWriter: Sendable {
    package private(set) var bytes: [UInt8] = []
    private var atLineStart = true

    package init(header: [String]) {
        row(header)
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

    /// Appends a cell written by the program itself (numbers, dates, codes): never guarded.
    package mutating func number(_ cell: String) {
        separate()
        bytes.append(contentsOf: cell.utf8)
    }

    package mutating func endRow() {
        bytes.append(0x0A)
        atLineStart = true
    }

    private mutating func separate() {
        if !atLineStart { bytes.append(UInt8(ascii: ",")) }
        atLineStart = false
    }

    private mutating func appendEscaped(_ cell: UnsafeBufferPointer<UInt8>) {
        let guarded = cell.first.map(Self.startsFormula) ?? false
        let needsQuotes = cell.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        if needsQuotes { bytes.append(0x22) }
        if guarded { bytes.append(UInt8(ascii: "'")) }
        for byte in cell {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        if needsQuotes { bytes.append(0x22) }
    }

    /// Whether a cell starting with this byte could be read as a formula by a spreadsheet.
    package static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "@") || byte == 0x09 || byte == 0x0D
    }
}
