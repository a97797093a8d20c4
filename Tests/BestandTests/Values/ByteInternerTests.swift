import Testing

@testable import Bestand

@Suite struct ByteInternerTests {
    static func intern(_ text: String, tag: UInt16 = 0, into interner: inout ByteInterner) -> Int32 {
        var text = text
        return text.withUTF8 { interner.intern($0, tag: tag) }
    }

    /// Ids come in first-seen order whichever way an id is found: numbered ids (through their
    /// index, also after growing it both ways and declining far numbers), numbers with leading
    /// zeros, other ids, two tags. Each text keeps its id and gives back its bytes.
    @Test func idsAreDenseInFirstSeenOrderForEveryKindOfId() {
        var random = SeededRandom(seed: 23)
        var interner = ByteInterner(capacity: 4)
        var expected: [String: Int32] = [:]
        for step in 0..<30_000 {
            let number = random.below(10) == 0 ? random.below(1 << 50) : 500_000 + random.below(20_000) - step
            let text = ["K\(number)", "K0\(number)", "S-\(number)", "kunde \(number) x", "\(number)"][random.below(5)]
            let tag = UInt16(random.below(2))
            let id = Self.intern(text, tag: tag, into: &interner)
            let key = "\(tag):\(text)"
            if let known = expected[key] {
                #expect(id == known, "\(key)")
            } else {
                #expect(Int(id) == expected.count, "\(key) is new")
                expected[key] = id
            }
        }
        #expect(interner.count == expected.count)
        for (key, id) in expected.prefix(500) {
            #expect("\(interner.tag(of: id)):\(interner.string(id))" == key)
        }
    }

    /// A copy shares the index of numbered ids until one of the two interns, which then copies
    /// it; each goes on with ids of its own.
    @Test func copiesInternApart() {
        var first = ByteInterner()
        for number in 1...100 { _ = Self.intern("K\(number)", into: &first) }
        var second = first
        #expect(Self.intern("K500", into: &first) == 100)
        #expect(Self.intern("K600", into: &second) == 100)
        #expect(Self.intern("K600", into: &first) == 101)
        #expect(Self.intern("K500", into: &second) == 101)
        #expect(Self.intern("K50", into: &first) == 49)
        #expect(Self.intern("K50", into: &second) == 49)
        #expect(first.string(100) == "K500")
        #expect(second.string(100) == "K600")
    }

    /// Numbered ids live in the index by their number only: `find` finds them there, also in
    /// a copy and after a copy interned; it does not find numbers never interned (inside a
    /// series' window, outside it, or without a series), and it finds an id that its series
    /// declined (far outside the window) in the hash table, as it does other ids.
    @Test func findSeesNumberedIdsInTheirIndexOnly() {
        var interner = ByteInterner()
        for number in stride(from: 1_000, to: 2_000, by: 2) { _ = Self.intern("K\(number)", into: &interner) }
        let inSeries = Self.intern("K1000000000001", into: &interner)
        let declined = Self.intern("K1000009000001", into: &interner)  // 9 million beyond: declined
        let other = Self.intern("Kunde Meier", into: &interner)
        func find(_ text: String, in interner: ByteInterner) -> Int32? {
            var text = text
            return text.withUTF8 { interner.find($0) }
        }
        var copy = interner
        #expect(Self.intern("K1002", into: &copy) == 1)
        #expect(Self.intern("K1003", into: &copy) == 503)
        for found in [interner, copy] {
            #expect(find("K1000", in: found) == 0)
            #expect(find("K1998", in: found) == 499)
            #expect(find("K1001", in: found) == nil)
            #expect(find("K5000", in: found) == nil)
            #expect(find("X1000", in: found) == nil)
            #expect(find("K1000000000001", in: found) == inSeries)
            #expect(find("K1000009000001", in: found) == declined)
            #expect(find("K1000009000003", in: found) == nil)
            #expect(find("Kunde Meier", in: found) == other)
        }
        #expect(find("K1003", in: copy) == 503)
        #expect(find("K1003", in: interner) == nil)
    }

    /// Making room midway (the table grows at once) keeps every id and finds every text; ids
    /// interned after it go on in first-seen order, also beyond the room made.
    @Test func reservingKeepsIdsAndGoesOnInOrder() {
        var interner = ByteInterner(capacity: 4)
        let texts = (0..<3_000).map { $0 % 3 == 0 ? "K\($0)" : "name \($0 * 7919 % 10_007)" }
        for (index, text) in texts.prefix(1_000).enumerated() {
            #expect(Self.intern(text, into: &interner) == Int32(index))
        }
        interner.reserve(500)
        interner.reserve(10)
        for (index, text) in texts.enumerated() {
            #expect(Self.intern(text, into: &interner) == Int32(index), "\(text)")
        }
        #expect(interner.count == texts.count)
        for (index, text) in texts.enumerated() where index % 97 == 0 {
            var text = text
            #expect(text.withUTF8 { interner.find($0) } == Int32(index))
            #expect(interner.string(Int32(index)) == text)
        }
    }
}
