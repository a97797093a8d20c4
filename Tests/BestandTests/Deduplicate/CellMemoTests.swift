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
}
