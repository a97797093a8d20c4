import BestandNative

/// An incremental SHA-256 hasher as specified in FIPS 180-4.
///
/// Feed data with `update(_:)` in as many pieces as convenient, then call
/// `finalize()` for the 32-byte digest. Whole 64-byte blocks are compressed
/// straight from the caller's memory; only a trailing partial block is copied
/// into a fixed inline buffer, so hashing never allocates.
package struct SHA256: Sendable {
    /// The eight 32-bit chaining values.
    private var state: State
    /// The bytes of a partial block waiting for more input (64 bytes, inline).
    private var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
    /// How many bytes of `buffer` are in use (always less than 64).
    private var buffered: Int
    /// The total number of message bytes fed so far.
    private var length: UInt64
    /// Whether blocks are compressed with the processor's SHA instructions instead of the
    /// portable Swift rounds.
    private let usesExtensions: Bool

    /// Whether this processor has SHA instructions that the hasher uses.
    package static let extensionsAvailable = bestand_sha256_extensions_available() != 0

    /// The size of one compression block in bytes.
    private static let blockSize = 64

    /// Creates a hasher for an empty message; `usingExtensions: false` forces the portable
    /// rounds (tests compare the two).
    package init(usingExtensions: Bool = SHA256.extensionsAvailable) {
        state = State()
        buffer = (0, 0, 0, 0, 0, 0, 0, 0)
        buffered = 0
        length = 0
        usesExtensions = usingExtensions && SHA256.extensionsAvailable
    }

    /// Appends the bytes of `bytes` to the message.
    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var input = bytes.baseAddress, bytes.count > 0 else { return }
        var remaining = bytes.count
        length &+= UInt64(remaining)

        if buffered > 0 {
            let take = min(Self.blockSize - buffered, remaining)
            withUnsafeMutableBytes(of: &buffer) { block in
                block.baseAddress!.advanced(by: buffered).copyMemory(from: input, byteCount: take)
            }
            buffered += take
            input += take
            remaining -= take
            guard buffered == Self.blockSize else { return }
            var block = buffer
            withUnsafeBytes(of: &block) { block in
                compress(block.baseAddress!, count: 1)
            }
            buffered = 0
        }

        let wholeBlocks = remaining / Self.blockSize
        if wholeBlocks > 0 {
            compress(input, count: wholeBlocks)
            input += wholeBlocks * Self.blockSize
            remaining -= wholeBlocks * Self.blockSize
        }

        if remaining > 0 {
            withUnsafeMutableBytes(of: &buffer) { block in
                block.baseAddress!.copyMemory(from: input, byteCount: remaining)
            }
            buffered = remaining
        }
    }

    /// Appends `bytes` to the message.
    package mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Returns the 32-byte digest of everything fed so far.
    ///
    /// The hasher itself is left as it was, so asking twice gives the same
    /// digest and further updates continue the same message.
    package mutating func finalize() -> [UInt8] {
        var padded = self
        padded.appendPadding()
        let words = padded.state
        return [UInt8](unsafeUninitializedCapacity: 32) { digest, initialized in
            let raw = UnsafeMutableRawBufferPointer(digest)
            raw.storeBytes(of: words.h0.bigEndian, toByteOffset: 0, as: UInt32.self)
            raw.storeBytes(of: words.h1.bigEndian, toByteOffset: 4, as: UInt32.self)
            raw.storeBytes(of: words.h2.bigEndian, toByteOffset: 8, as: UInt32.self)
            raw.storeBytes(of: words.h3.bigEndian, toByteOffset: 12, as: UInt32.self)
            raw.storeBytes(of: words.h4.bigEndian, toByteOffset: 16, as: UInt32.self)
            raw.storeBytes(of: words.h5.bigEndian, toByteOffset: 20, as: UInt32.self)
            raw.storeBytes(of: words.h6.bigEndian, toByteOffset: 24, as: UInt32.self)
            raw.storeBytes(of: words.h7.bigEndian, toByteOffset: 28, as: UInt32.self)
            initialized = 32
        }
    }

    /// The lowercase hexadecimal form of `finalize()`.
    package var hexDigest: String {
        mutating get { Self.hexDigest(finalize()) }
    }

    /// Returns `bytes` as lowercase hexadecimal text, two digits per byte.
    package static func hexDigest(_ bytes: [UInt8]) -> String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: bytes.count * 2) { text in
            digits.withUTF8Buffer { digits in
                for (index, byte) in bytes.enumerated() {
                    text[index * 2] = digits[Int(byte >> 4)]
                    text[index * 2 + 1] = digits[Int(byte & 0x0F)]
                }
            }
            return bytes.count * 2
        }
    }

    /// Appends the 0x80 marker, zero fill and the 64-bit message length in bits.
    private mutating func appendPadding() {
        let bitLength = length &* 8
        var tail:
            (
                UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        // The marker plus the length need 9 bytes; spill into a second block if needed.
        let tailCount = buffered < Self.blockSize - 8 ? Self.blockSize - buffered : 2 * Self.blockSize - buffered
        withUnsafeMutableBytes(of: &tail) { tail in
            tail[0] = 0x80
            tail.storeBytes(of: bitLength.bigEndian, toByteOffset: tailCount - 8, as: UInt64.self)
            update(UnsafeRawBufferPointer(rebasing: tail[0..<tailCount]))
        }
    }

    /// Runs the compression function over `count` consecutive 64-byte blocks.
    private mutating func compress(_ blocks: UnsafeRawPointer, count: Int) {
        guard usesExtensions else { return Self.compress(&state, blocks: blocks, count: count) }
        var words = (state.h0, state.h1, state.h2, state.h3, state.h4, state.h5, state.h6, state.h7)
        withUnsafeMutableBytes(of: &words) { words in
            bestand_sha256_compress_extensions(words.baseAddress!.assumingMemoryBound(to: UInt32.self), blocks, count)
        }
        state = State(h0: words.0, h1: words.1, h2: words.2, h3: words.3, h4: words.4, h5: words.5, h6: words.6, h7: words.7)
    }

    /// Runs the portable compression function over `count` consecutive 64-byte blocks.
    private static func compress(_ state: inout State, blocks: UnsafeRawPointer, count: Int) {
        var a = state.h0, b = state.h1, c = state.h2, d = state.h3
        var e = state.h4, f = state.h5, g = state.h6, h = state.h7
        var block = blocks
        for _ in 0..<count {
            var w0 = block.loadUnaligned(fromByteOffset: 0, as: UInt32.self).bigEndian
            var w1 = block.loadUnaligned(fromByteOffset: 4, as: UInt32.self).bigEndian
            var w2 = block.loadUnaligned(fromByteOffset: 8, as: UInt32.self).bigEndian
            var w3 = block.loadUnaligned(fromByteOffset: 12, as: UInt32.self).bigEndian
            var w4 = block.loadUnaligned(fromByteOffset: 16, as: UInt32.self).bigEndian
            var w5 = block.loadUnaligned(fromByteOffset: 20, as: UInt32.self).bigEndian
            var w6 = block.loadUnaligned(fromByteOffset: 24, as: UInt32.self).bigEndian
            var w7 = block.loadUnaligned(fromByteOffset: 28, as: UInt32.self).bigEndian
            var w8 = block.loadUnaligned(fromByteOffset: 32, as: UInt32.self).bigEndian
            var w9 = block.loadUnaligned(fromByteOffset: 36, as: UInt32.self).bigEndian
            var w10 = block.loadUnaligned(fromByteOffset: 40, as: UInt32.self).bigEndian
            var w11 = block.loadUnaligned(fromByteOffset: 44, as: UInt32.self).bigEndian
            var w12 = block.loadUnaligned(fromByteOffset: 48, as: UInt32.self).bigEndian
            var w13 = block.loadUnaligned(fromByteOffset: 52, as: UInt32.self).bigEndian
            var w14 = block.loadUnaligned(fromByteOffset: 56, as: UInt32.self).bigEndian
            var w15 = block.loadUnaligned(fromByteOffset: 60, as: UInt32.self).bigEndian

            // All 64 rounds, unrolled. Instead of shifting the eight working
            // variables after each round, their roles rotate through the names;
            // the message schedule lives in a rolling window of 16 words.
            var previousXor = b ^ c
            round(a, b, c, &d, e, f, g, &h, &previousXor, 0x428a2f98 &+ w0)
            round(h, a, b, &c, d, e, f, &g, &previousXor, 0x71374491 &+ w1)
            round(g, h, a, &b, c, d, e, &f, &previousXor, 0xb5c0fbcf &+ w2)
            round(f, g, h, &a, b, c, d, &e, &previousXor, 0xe9b5dba5 &+ w3)
            round(e, f, g, &h, a, b, c, &d, &previousXor, 0x3956c25b &+ w4)
            round(d, e, f, &g, h, a, b, &c, &previousXor, 0x59f111f1 &+ w5)
            round(c, d, e, &f, g, h, a, &b, &previousXor, 0x923f82a4 &+ w6)
            round(b, c, d, &e, f, g, h, &a, &previousXor, 0xab1c5ed5 &+ w7)
            round(a, b, c, &d, e, f, g, &h, &previousXor, 0xd807aa98 &+ w8)
            round(h, a, b, &c, d, e, f, &g, &previousXor, 0x12835b01 &+ w9)
            round(g, h, a, &b, c, d, e, &f, &previousXor, 0x243185be &+ w10)
            round(f, g, h, &a, b, c, d, &e, &previousXor, 0x550c7dc3 &+ w11)
            round(e, f, g, &h, a, b, c, &d, &previousXor, 0x72be5d74 &+ w12)
            round(d, e, f, &g, h, a, b, &c, &previousXor, 0x80deb1fe &+ w13)
            round(c, d, e, &f, g, h, a, &b, &previousXor, 0x9bdc06a7 &+ w14)
            round(b, c, d, &e, f, g, h, &a, &previousXor, 0xc19bf174 &+ w15)
            w0 = w0 &+ smallSigma1(w14) &+ w9 &+ smallSigma0(w1)
            round(a, b, c, &d, e, f, g, &h, &previousXor, 0xe49b69c1 &+ w0)
            w1 = w1 &+ smallSigma1(w15) &+ w10 &+ smallSigma0(w2)
            round(h, a, b, &c, d, e, f, &g, &previousXor, 0xefbe4786 &+ w1)
            w2 = w2 &+ smallSigma1(w0) &+ w11 &+ smallSigma0(w3)
            round(g, h, a, &b, c, d, e, &f, &previousXor, 0x0fc19dc6 &+ w2)
            w3 = w3 &+ smallSigma1(w1) &+ w12 &+ smallSigma0(w4)
            round(f, g, h, &a, b, c, d, &e, &previousXor, 0x240ca1cc &+ w3)
            w4 = w4 &+ smallSigma1(w2) &+ w13 &+ smallSigma0(w5)
            round(e, f, g, &h, a, b, c, &d, &previousXor, 0x2de92c6f &+ w4)
            w5 = w5 &+ smallSigma1(w3) &+ w14 &+ smallSigma0(w6)
            round(d, e, f, &g, h, a, b, &c, &previousXor, 0x4a7484aa &+ w5)
            w6 = w6 &+ smallSigma1(w4) &+ w15 &+ smallSigma0(w7)
            round(c, d, e, &f, g, h, a, &b, &previousXor, 0x5cb0a9dc &+ w6)
            w7 = w7 &+ smallSigma1(w5) &+ w0 &+ smallSigma0(w8)
            round(b, c, d, &e, f, g, h, &a, &previousXor, 0x76f988da &+ w7)
            w8 = w8 &+ smallSigma1(w6) &+ w1 &+ smallSigma0(w9)
            round(a, b, c, &d, e, f, g, &h, &previousXor, 0x983e5152 &+ w8)
            w9 = w9 &+ smallSigma1(w7) &+ w2 &+ smallSigma0(w10)
            round(h, a, b, &c, d, e, f, &g, &previousXor, 0xa831c66d &+ w9)
            w10 = w10 &+ smallSigma1(w8) &+ w3 &+ smallSigma0(w11)
            round(g, h, a, &b, c, d, e, &f, &previousXor, 0xb00327c8 &+ w10)
            w11 = w11 &+ smallSigma1(w9) &+ w4 &+ smallSigma0(w12)
            round(f, g, h, &a, b, c, d, &e, &previousXor, 0xbf597fc7 &+ w11)
            w12 = w12 &+ smallSigma1(w10) &+ w5 &+ smallSigma0(w13)
            round(e, f, g, &h, a, b, c, &d, &previousXor, 0xc6e00bf3 &+ w12)
            w13 = w13 &+ smallSigma1(w11) &+ w6 &+ smallSigma0(w14)
            round(d, e, f, &g, h, a, b, &c, &previousXor, 0xd5a79147 &+ w13)
            w14 = w14 &+ smallSigma1(w12) &+ w7 &+ smallSigma0(w15)
            round(c, d, e, &f, g, h, a, &b, &previousXor, 0x06ca6351 &+ w14)
            w15 = w15 &+ smallSigma1(w13) &+ w8 &+ smallSigma0(w0)
            round(b, c, d, &e, f, g, h, &a, &previousXor, 0x14292967 &+ w15)
            w0 = w0 &+ smallSigma1(w14) &+ w9 &+ smallSigma0(w1)
            round(a, b, c, &d, e, f, g, &h, &previousXor, 0x27b70a85 &+ w0)
            w1 = w1 &+ smallSigma1(w15) &+ w10 &+ smallSigma0(w2)
            round(h, a, b, &c, d, e, f, &g, &previousXor, 0x2e1b2138 &+ w1)
            w2 = w2 &+ smallSigma1(w0) &+ w11 &+ smallSigma0(w3)
            round(g, h, a, &b, c, d, e, &f, &previousXor, 0x4d2c6dfc &+ w2)
            w3 = w3 &+ smallSigma1(w1) &+ w12 &+ smallSigma0(w4)
            round(f, g, h, &a, b, c, d, &e, &previousXor, 0x53380d13 &+ w3)
            w4 = w4 &+ smallSigma1(w2) &+ w13 &+ smallSigma0(w5)
            round(e, f, g, &h, a, b, c, &d, &previousXor, 0x650a7354 &+ w4)
            w5 = w5 &+ smallSigma1(w3) &+ w14 &+ smallSigma0(w6)
            round(d, e, f, &g, h, a, b, &c, &previousXor, 0x766a0abb &+ w5)
            w6 = w6 &+ smallSigma1(w4) &+ w15 &+ smallSigma0(w7)
            round(c, d, e, &f, g, h, a, &b, &previousXor, 0x81c2c92e &+ w6)
            w7 = w7 &+ smallSigma1(w5) &+ w0 &+ smallSigma0(w8)
            round(b, c, d, &e, f, g, h, &a, &previousXor, 0x92722c85 &+ w7)
            w8 = w8 &+ smallSigma1(w6) &+ w1 &+ smallSigma0(w9)
            round(a, b, c, &d, e, f, g, &h, &previousXor, 0xa2bfe8a1 &+ w8)
            w9 = w9 &+ smallSigma1(w7) &+ w2 &+ smallSigma0(w10)
            round(h, a, b, &c, d, e, f, &g, &previousXor, 0xa81a664b &+ w9)
            w10 = w10 &+ smallSigma1(w8) &+ w3 &+ smallSigma0(w11)
            round(g, h, a, &b, c, d, e, &f, &previousXor, 0xc24b8b70 &+ w10)
            w11 = w11 &+ smallSigma1(w9) &+ w4 &+ smallSigma0(w12)
            round(f, g, h, &a, b, c, d, &e, &previousXor, 0xc76c51a3 &+ w11)
            w12 = w12 &+ smallSigma1(w10) &+ w5 &+ smallSigma0(w13)
            round(e, f, g, &h, a, b, c, &d, &previousXor, 0xd192e819 &+ w12)
            w13 = w13 &+ smallSigma1(w11) &+ w6 &+ smallSigma0(w14)
            round(d, e, f, &g, h, a, b, &c, &previousXor, 0xd6990624 &+ w13)
            w14 = w14 &+ smallSigma1(w12) &+ w7 &+ smallSigma0(w15)
            round(c, d, e, &f, g, h, a, &b, &previousXor, 0xf40e3585 &+ w14)
            w15 = w15 &+ smallSigma1(w13) &+ w8 &+ smallSigma0(w0)
            round(b, c, d, &e, f, g, h, &a, &previousXor, 0x106aa070 &+ w15)
            w0 = w0 &+ smallSigma1(w14) &+ w9 &+ smallSigma0(w1)
            round(a, b, c, &d, e, f, g, &h, &previousXor, 0x19a4c116 &+ w0)
            w1 = w1 &+ smallSigma1(w15) &+ w10 &+ smallSigma0(w2)
            round(h, a, b, &c, d, e, f, &g, &previousXor, 0x1e376c08 &+ w1)
            w2 = w2 &+ smallSigma1(w0) &+ w11 &+ smallSigma0(w3)
            round(g, h, a, &b, c, d, e, &f, &previousXor, 0x2748774c &+ w2)
            w3 = w3 &+ smallSigma1(w1) &+ w12 &+ smallSigma0(w4)
            round(f, g, h, &a, b, c, d, &e, &previousXor, 0x34b0bcb5 &+ w3)
            w4 = w4 &+ smallSigma1(w2) &+ w13 &+ smallSigma0(w5)
            round(e, f, g, &h, a, b, c, &d, &previousXor, 0x391c0cb3 &+ w4)
            w5 = w5 &+ smallSigma1(w3) &+ w14 &+ smallSigma0(w6)
            round(d, e, f, &g, h, a, b, &c, &previousXor, 0x4ed8aa4a &+ w5)
            w6 = w6 &+ smallSigma1(w4) &+ w15 &+ smallSigma0(w7)
            round(c, d, e, &f, g, h, a, &b, &previousXor, 0x5b9cca4f &+ w6)
            w7 = w7 &+ smallSigma1(w5) &+ w0 &+ smallSigma0(w8)
            round(b, c, d, &e, f, g, h, &a, &previousXor, 0x682e6ff3 &+ w7)
            w8 = w8 &+ smallSigma1(w6) &+ w1 &+ smallSigma0(w9)
            round(a, b, c, &d, e, f, g, &h, &previousXor, 0x748f82ee &+ w8)
            w9 = w9 &+ smallSigma1(w7) &+ w2 &+ smallSigma0(w10)
            round(h, a, b, &c, d, e, f, &g, &previousXor, 0x78a5636f &+ w9)
            w10 = w10 &+ smallSigma1(w8) &+ w3 &+ smallSigma0(w11)
            round(g, h, a, &b, c, d, e, &f, &previousXor, 0x84c87814 &+ w10)
            w11 = w11 &+ smallSigma1(w9) &+ w4 &+ smallSigma0(w12)
            round(f, g, h, &a, b, c, d, &e, &previousXor, 0x8cc70208 &+ w11)
            w12 = w12 &+ smallSigma1(w10) &+ w5 &+ smallSigma0(w13)
            round(e, f, g, &h, a, b, c, &d, &previousXor, 0x90befffa &+ w12)
            w13 = w13 &+ smallSigma1(w11) &+ w6 &+ smallSigma0(w14)
            round(d, e, f, &g, h, a, b, &c, &previousXor, 0xa4506ceb &+ w13)
            w14 = w14 &+ smallSigma1(w12) &+ w7 &+ smallSigma0(w15)
            round(c, d, e, &f, g, h, a, &b, &previousXor, 0xbef9a3f7 &+ w14)
            w15 = w15 &+ smallSigma1(w13) &+ w8 &+ smallSigma0(w0)
            round(b, c, d, &e, f, g, h, &a, &previousXor, 0xc67178f2 &+ w15)

            a = a &+ state.h0; state.h0 = a
            b = b &+ state.h1; state.h1 = b
            c = c &+ state.h2; state.h2 = c
            d = d &+ state.h3; state.h3 = d
            e = e &+ state.h4; state.h4 = e
            f = f &+ state.h5; state.h5 = f
            g = g &+ state.h6; state.h6 = g
            h = h &+ state.h7; state.h7 = h
            block += blockSize
        }
    }

    /// Performs one SHA-256 round; `d` receives the new `e` and `h` the new `a`.
    ///
    /// `previousXor` holds `b ^ c` on entry and `a ^ b` on exit, which is the
    /// next round's `b ^ c`; that saves work in the majority function.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
        _ previousXor: inout UInt32, _ constantPlusWord: UInt32
    ) {
        let choose = g ^ (e & (f ^ g))
        let xorAB = a ^ b
        let majority = (xorAB & previousXor) ^ b
        previousXor = xorAB
        let t1 = h &+ bigSigma1(e) &+ choose &+ constantPlusWord
        let t2 = bigSigma0(a) &+ majority
        d = d &+ t1
        h = t1 &+ t2
    }

    /// Rotates `x` right by `n` bits (0 < n < 32).
    @inline(__always)
    private static func rotateRight(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x &>> n) | (x &<< (32 &- n))
    }

    /// Computes Σ0(x) = ROTR²(x) ⊕ ROTR¹³(x) ⊕ ROTR²²(x), nested to save register copies.
    @inline(__always)
    private static func bigSigma0(_ x: UInt32) -> UInt32 {
        rotateRight(rotateRight(rotateRight(x, 9) ^ x, 11) ^ x, 2)
    }

    /// Computes Σ1(x) = ROTR⁶(x) ⊕ ROTR¹¹(x) ⊕ ROTR²⁵(x), nested to save register copies.
    @inline(__always)
    private static func bigSigma1(_ x: UInt32) -> UInt32 {
        rotateRight(rotateRight(rotateRight(x, 14) ^ x, 5) ^ x, 6)
    }

    /// Computes σ0(x) = ROTR⁷(x) ⊕ ROTR¹⁸(x) ⊕ SHR³(x).
    @inline(__always)
    private static func smallSigma0(_ x: UInt32) -> UInt32 {
        rotateRight(x, 7) ^ rotateRight(x, 18) ^ (x &>> 3)
    }

    /// Computes σ1(x) = ROTR¹⁷(x) ⊕ ROTR¹⁹(x) ⊕ SHR¹⁰(x).
    @inline(__always)
    private static func smallSigma1(_ x: UInt32) -> UInt32 {
        rotateRight(x, 17) ^ rotateRight(x, 19) ^ (x &>> 10)
    }

    /// The chaining values H0 through H7, starting at the FIPS 180-4 initial hash.
    private struct State: Sendable {
        var h0: UInt32 = 0x6a09_e667
        var h1: UInt32 = 0xbb67_ae85
        var h2: UInt32 = 0x3c6e_f372
        var h3: UInt32 = 0xa54f_f53a
        var h4: UInt32 = 0x510e_527f
        var h5: UInt32 = 0x9b05_688c
        var h6: UInt32 = 0x1f83_d9ab
        var h7: UInt32 = 0x5be0_cd19
    }
}
