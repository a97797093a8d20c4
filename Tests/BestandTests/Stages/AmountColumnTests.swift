import Testing

@testable import Bestand

@Suite struct AmountColumnTests {
    @Test func staysNarrowWhileAmountsFit() {
        var column = AmountColumn()
        for cents: Int64 in [0, 1, -1, Int64(Int32.max), Int64(Int32.min)] { column.append(cents) }
        #expect(!column.isWide)
        #expect(Array(column) == [0, 1, -1, Int64(Int32.max), Int64(Int32.min)])
    }

    @Test func theFirstAmountBeyondWidensAndKeepsTheEarlierOnes() {
        var column = AmountColumn()
        column.append(1250)
        column.append(-99)
        column.append(Int64(Int32.max) + 1)
        column.append(7)
        #expect(column.isWide)
        #expect(Array(column) == [1250, -99, Int64(Int32.max) + 1, 7])
        // Compaction after widening.
        column.compact { $0 == 1 || $0 == 2 }
        #expect(Array(column) == [-99, Int64(Int32.max) + 1])
    }

    @Test func compactionKeepsTheNamedRowsInOrder() {
        var column = AmountColumn()
        for cents: Int64 in 0..<10 { column.append(cents * 100) }
        column.compact { $0 % 3 != 1 }
        #expect(Array(column) == [0, 200, 300, 500, 600, 800, 900])
        column.compact { _ in false }
        #expect(column.isEmpty)
    }

    @Test(arguments: [false, true]) func takeMovesTheValuesOut(wide: Bool) {
        var column = AmountColumn()
        column.append(5)
        if wide { column.append(-5_000_000_000) }
        switch column.take() {
        case .narrow(let values): #expect(!wide && values == [5])
        case .wide(let values): #expect(wide && values == [5, -5_000_000_000])
        }
        #expect(column.isEmpty)
    }
}
