import Testing

@testable import Bestand

@Suite struct CellMemoTests {
    @Test func eachTextIsComputedOnceAndEveryCellGetsItsOwnValue() {
        let column = TextColumn(["Anna", "Otto", "Anna", "", "anna", "Otto", "", "Anna"])
        var memo = CellMemo<String>()
        var made: [String] = []
        let values = column.indices.map { row in
            memo.value(column, row) { bytes in
                let text = String(decoding: bytes, as: UTF8.self)
                made.append(text)
                return text.uppercased() + "!"
            }
        }
        #expect(values == ["ANNA!", "OTTO!", "ANNA!", "!", "ANNA!", "OTTO!", "!", "ANNA!"])
        // "anna" differs from "Anna" in its bytes: it is computed on its own.
        #expect(made == ["Anna", "Otto", "", "anna"])
    }

    @Test func cellsWhoseHashesCollideKeepTheirOwnValues() {
        // Every cell has the same hash: only the bytes tell them apart.
        let column = TextColumn(["Anna", "Otto", "Anna", "Bernd", "Otto"])
        var memo = CellMemo<String>(hash: { _ in 42 })
        var made = 0
        let values = column.indices.map { row in
            memo.value(column, row) { bytes in
                made += 1
                return String(decoding: bytes, as: UTF8.self)
            }
        }
        #expect(values == ["Anna", "Otto", "Anna", "Bernd", "Otto"])
        // The first row holds the hash: "Anna" is met again, the others are computed each time.
        #expect(made == 4)
    }
}
