import Testing

@testable import Bestand

@Suite struct CustomerHistoryTests {
    /// The in-place grouping puts every row in its group's range and loses none: for group
    /// counts below, at and far above the 256 ranges of its first pass (whose ranges the second
    /// pass groups on all cores).
    @Test(arguments: [1, 7, 256, 257, 5_000, 70_000])
    func groupingInPlaceKeepsEveryRowInItsGroup(groups: Int) {
        var random = SeededRandom(seed: UInt64(groups))
        let rows = 20_000
        var group = (0..<rows).map { _ in Int32(random.below(groups)) }
        // Day and amount name the row, so that each row can be followed.
        var days = (0..<rows).map { Int32($0) }
        // Above every group number, so that row and group can be told apart again.
        var amounts = group.enumerated().map { Int64($0.offset) << 20 + Int64($0.element) }
        var bounds = [Int32](repeating: 0, count: groups + 1)
        for g in group { bounds[Int(g) + 1] += 1 }
        for g in 0..<groups { bounds[g + 1] += bounds[g] }

        CustomerHistory.groupInPlace(&group, &days, &amounts, bounds: bounds)

        for g in 0..<groups {
            for index in Int(bounds[g])..<Int(bounds[g + 1]) {
                #expect(group[index] == Int32(g))
                // The row's three values still belong together.
                #expect(amounts[index] == Int64(days[index]) << 20 + Int64(g))
            }
        }
        #expect(Set(days).count == rows)
    }
}
