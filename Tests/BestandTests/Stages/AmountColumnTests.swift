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
        column.copy(from: 1, to: 0)
        column.copy(from: 2, to: 1)
        column.truncate(to: 2)
        #expect(Array(column) == [-99, Int64(Int32.max) + 1])
    }

    @Test func compactionKeepsTheRowsMovedForward() {
        var column = AmountColumn()
        for cents: Int64 in 0..<10 { column.append(cents * 100) }
        var kept = 0
        for row in 0..<10 where row % 3 != 1 {
            column.copy(from: row, to: kept)
            kept += 1
        }
        column.truncate(to: kept)
        #expect(Array(column) == [0, 200, 300, 500, 600, 800, 900])
        column.truncate(to: 0)
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
