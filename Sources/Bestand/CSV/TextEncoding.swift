/// The text encodings bestand reads: UTF-8, and Windows-1252 for older German exports.
package enum TextEncoding: String, Sendable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"

    /// Unicode scalars of Windows-1252 bytes 0x80–0x9F; 0 marks the five undefined bytes.
    static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// Appends Windows-1252 bytes to `output` as UTF-8.
    ///
    /// Returns the index of the first undefined byte (0x81, 0x8D, 0x8F, 0x90, 0x9D), if any;
    /// the text up to it is appended. O(n).
    static func transcodeWindows1252(
        _ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]
    ) -> Int? {
        var bad: Int?
        let converted = [UInt8](unsafeUninitializedCapacity: input.count * maximumUTF8PerByte) { buffer, count in
            (count, bad) = transcodeWindows1252(input, to: buffer.baseAddress!)
        }
        output += converted
        return bad
    }

    /// The most UTF-8 bytes that one Windows-1252 byte becomes (€ is three).
    static let maximumUTF8PerByte = 3

    /// Writes Windows-1252 bytes as UTF-8 to `output`, which has room for
    /// `maximumUTF8PerByte · input.count` bytes; returns the bytes written and the index of the
    /// first undefined byte, if any (the text up to it is written). Runs of ASCII are copied
    /// eight bytes at a time. O(n).
    static func transcodeWindows1252(
        _ input: UnsafeBufferPointer<UInt8>, to output: UnsafeMutablePointer<UInt8>
    ) -> (written: Int, bad: Int?) {
        guard let source = input.baseAddress else { return (0, nil) }
        let count = input.count
        var index = 0
        var written = 0
        while index < count {
            if index + 8 <= count {
                let word = UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    UnsafeMutableRawPointer(output + written).storeBytes(of: word, as: UInt64.self)
                    index += 8
                    written += 8
                    continue
                }
            }
            let byte = source[index]
            if byte < 0x80 {
                output[written] = byte
                written += 1
            } else {
                let scalar = byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
                if scalar == 0 { return (written, index) }
                if scalar < 0x800 {
                    output[written] = UInt8(0xC0 | (scalar >> 6))
                    output[written + 1] = UInt8(0x80 | (scalar & 0x3F))
                    written += 2
                } else {
                    output[written] = UInt8(0xE0 | (scalar >> 12))
                    output[written + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                    output[written + 2] = UInt8(0x80 | (scalar & 0x3F))
                    written += 3
                }
            }
            index += 1
        }
        return (written, nil)
    }
}
