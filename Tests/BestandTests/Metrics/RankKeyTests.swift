import Testing

@testable import Bestand

@Suite struct RankKeyTests {
    /// The radix sort puts rankings in the order of a stable comparison sort: negative and huge
    /// keys, many ties on the key, equal ranks (which keep their input order), and sizes on
    /// both sides of the small-array cut-off.
    @Test(arguments: [0, 1, 2, 200, 257, 5_000, 40_000])
    func radixSortMatchesAStableSort(count: Int) {
        var random = SeededRandom(seed: UInt64(count) + 3)
        let keys = (0..<count).map { index -> RankKey in
            let key: Int64
            switch random.below(4) {
            case 0: key = -Int64(random.below(100))
            case 1: key = Int64(random.below(1 << 40)) - (1 << 39)
            case 2: key = random.below(2) == 0 ? .min + Int64(random.below(3)) : .max - Int64(random.below(3))
            default: key = Int64(random.below(5))
            }
            let rank = random.below(3) == 0 ? Int32(random.below(10)) - 5 : Int32(random.below(1 << 30))
            return RankKey(key: key, idRank: rank, customer: Int32(index))
        }
        var sorted = keys
        RankKey.sort(&sorted)
        // A stable reference: the input position breaks every tie.
        let expected = keys.sorted { $0 < $1 || (!($1 < $0) && $0.customer < $1.customer) }
        #expect(sorted.map(\.customer) == expected.map(\.customer))
    }
}
