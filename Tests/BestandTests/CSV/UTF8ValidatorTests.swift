import Testing

@testable import Bestand

@Suite struct UTF8ValidatorTests {
    /// The offset where Swift's own UTF-8 parser meets the first invalid sequence, if any.
    static func referenceFirstInvalid(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    /// Mostly ASCII (so that the 32- and 8-byte fast paths run and stop at every offset), with
    /// two- to four-byte characters and now and then a stray byte, fed in chunks split at
    /// random: the validator finds the first invalid sequence where Swift's parser does.
    @Test func agreesWithSwiftsParserAcrossChunks() {
        var random = SeededRandom(seed: 9)
        let pieces: [[UInt8]] = [
            Array("ä".utf8), Array("€".utf8), Array("😀".utf8), [0xC3], [0xE2, 0x82], [0x80], [0xFF], [0xED, 0xA0, 0x80],
        ]
        for round in 0..<600 {
            var bytes: [UInt8] = []
            let length = random.below(200)
            while bytes.count < length {
                if random.below(round % 3 == 0 ? 400 : 40) == 0 {
                    bytes += pieces[random.below(pieces.count)]
                } else {
                    bytes.append(UInt8(0x20 + random.below(0x5F)))
                }
            }
            var validator = UTF8Validator()
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + 1 + random.below(70))
                bytes[offset..<end].withUnsafeBufferPointer { validator.feed($0, offset: offset) }
                offset = end
            }
            validator.finish(offset: bytes.count)
            #expect(validator.firstInvalid == Self.referenceFirstInvalid(bytes), "\(bytes)")
        }
    }

    /// The scan finds the first NUL byte wherever it lies: in the first chunk, at a chunk's
    /// first byte, or later (the scan reads 4 MiB at a time).
    @Test(arguments: [0, 17, 4 << 20, (4 << 20) + 5, (9 << 20) - 1])
    func scanFindsTheFirstNulByte(offset: Int) throws {
        let folder = TemporaryFolder()
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 9 << 20)
        bytes[offset] = 0
        bytes[bytes.count - 1] = 0
        let path = folder.write("nul.csv", bytes: bytes)
        let scan = try FileScan.scan(FileBytes(path: path, displayPath: path))
        #expect(scan.firstNul == offset)
        #expect(scan.bytes == bytes.count)
        let clean = folder.write("clean.csv", bytes: [UInt8](repeating: UInt8(ascii: "a"), count: 5 << 20))
        #expect(try FileScan.scan(FileBytes(path: clean, displayPath: clean)).firstNul == nil)
    }
}
