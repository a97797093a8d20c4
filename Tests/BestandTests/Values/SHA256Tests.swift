import Testing

@testable import Bestand

/// Checks SHA-256 against the FIPS 180-4 examples and incremental use.
@Suite struct SHA256Tests {
    /// Hashes `bytes` in one call and returns the lowercase hex digest.
    private static func digest(_ bytes: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.hexDigest
    }

    /// A 130-byte message that is not all one value, for the split tests.
    private static let message: [UInt8] = (0..<130).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                + "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func fipsVectors(input: String, expected: String) {
        #expect(Self.digest(Array(input.utf8)) == expected)
    }

    @Test func oneMillionLetterA() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(Self.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)) == expected)

        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(hasher.hexDigest == expected)
    }

    /// Lengths around the 56- and 64-byte padding boundaries.
    @Test(arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
    ])
    func paddingBoundaries(length: Int, expected: String) {
        #expect(Self.digest([UInt8](repeating: UInt8(ascii: "a"), count: length)) == expected)
    }

    @Test func oneShotDigestOfSplitMessage() {
        #expect(Self.digest(Self.message) == "4d5e47a2e8510a314576c238f6ff19d389d3ef3aaaca8b2e530263a5d15741da")
    }

    @Test(arguments: 0...130)
    func splitAtEveryOffset(split: Int) {
        var hasher = SHA256()
        hasher.update(Array(Self.message[..<split]))
        hasher.update(Array(Self.message[split...]))
        #expect(
            hasher.finalize()
                == {
                    var oneShot = SHA256()
                    oneShot.update(Self.message)
                    return oneShot.finalize()
                }())
    }

    @Test(arguments: [1, 3, 7, 63, 64, 65])
    func manySmallUpdatesThroughRawBuffers(chunkSize: Int) {
        var hasher = SHA256()
        Self.message.withUnsafeBytes { raw in
            var start = 0
            while start < raw.count {
                let end = min(start + chunkSize, raw.count)
                hasher.update(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                start = end
            }
        }
        #expect(hasher.hexDigest == Self.digest(Self.message))
    }

    @Test func emptyUpdatesChangeNothing() {
        var hasher = SHA256()
        hasher.update([])
        hasher.update(UnsafeRawBufferPointer(start: nil, count: 0))
        hasher.update(Array("abc".utf8))
        hasher.update([])
        #expect(hasher.hexDigest == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func finalizeLeavesTheHasherUsable() {
        var hasher = SHA256()
        hasher.update(Array("ab".utf8))
        let first = hasher.finalize()
        #expect(hasher.finalize() == first)
        #expect(first.count == 32)
        hasher.update(Array("c".utf8))
        #expect(hasher.hexDigest == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func hexDigestFormatsLowercasePairs() {
        #expect(SHA256.hexDigest([0x00, 0x0F, 0xAB, 0xFF, 0x10]) == "000fabff10")
        #expect(SHA256.hexDigest([]) == "")
    }

    /// The processor's SHA instructions and the portable rounds give the same digests, for
    /// messages of every length up to several blocks, fed whole and in two pieces.
    @Test func extensionsAgreeWithPortableRounds() {
        var generator = SeededRandom(seed: 5)
        for length in 0..<300 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var portable = SHA256(usingExtensions: false)
            portable.update(bytes)
            var accelerated = SHA256()
            let cut = length == 0 ? 0 : Int.random(in: 0...length, using: &generator)
            accelerated.update(Array(bytes[..<cut]))
            accelerated.update(Array(bytes[cut...]))
            #expect(accelerated.hexDigest == portable.hexDigest, "length \(length), cut at \(cut)")
        }
    }
}
