import Foundation
import Testing

@testable import Bestand

@Suite struct TextEncodingTests {
    /// Every defined Windows-1252 byte, alone and amid ASCII runs of every length around the
    /// eight-byte steps, becomes the UTF-8 of the scalar that Foundation decodes it to.
    @Test func windows1252MatchesFoundationAtEveryOffset() throws {
        var random = SeededRandom(seed: 7)
        for _ in 0..<400 {
            var bytes: [UInt8] = []
            for _ in 0..<random.below(40) {
                bytes += (0..<random.below(20)).map { _ in UInt8(0x20 + random.below(0x5F)) }
                var high = UInt8(0x80 + random.below(0x80))
                while [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(high) { high = UInt8(0x80 + random.below(0x80)) }
                bytes.append(high)
            }
            let expected = try #require(String(data: Data(bytes), encoding: .windowsCP1252))
            var output: [UInt8] = [0x41]
            let bad = bytes.withUnsafeBufferPointer { TextEncoding.transcodeWindows1252($0, into: &output) }
            #expect(bad == nil)
            #expect(output == [0x41] + Array(expected.utf8))
        }
    }

    /// An undefined byte stops the transcoding at its index, also inside what would be an
    /// eight-byte ASCII step; the text before it is written.
    @Test func undefinedByteIsFoundWhereItIs() {
        for offset in 0..<20 {
            for undefined: UInt8 in [0x81, 0x8D, 0x8F, 0x90, 0x9D] {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 24)
                bytes[offset] = undefined
                var output: [UInt8] = []
                let bad = bytes.withUnsafeBufferPointer { TextEncoding.transcodeWindows1252($0, into: &output) }
                #expect(bad == offset)
                #expect(output == [UInt8](repeating: UInt8(ascii: "a"), count: offset))
            }
        }
    }
}
