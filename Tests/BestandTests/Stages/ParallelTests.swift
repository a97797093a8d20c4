import Testing

@testable import Bestand

@Suite struct ParallelTests {
    /// The chunks cover every index once, in contiguous ranges: below, at and far above the
    /// size at which work splits (two chunks of the minimum).
    @Test(arguments: [0, 1, 8_191, 8_192, 100_003])
    func chunksCoverEveryIndexOnce(count: Int) {
        let visits = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, count))
        defer { visits.deallocate() }
        visits.initialize(repeating: 0, count: max(1, count))
        let box = UnsafeMutablePointerBox(visits)
        Parallel.forEachChunk(count: count) { chunk in
            for index in chunk { box.pointer![index] += 1 }
        }
        #expect((0..<count).allSatisfy { visits[$0] == 1 })
        let mapped = Parallel.map(count: count) { $0 * 2 }
        #expect(mapped == (0..<count).map { $0 * 2 })
    }
}
