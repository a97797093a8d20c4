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

    /// The state of `map(state:)` is made once a chunk and kept between the chunk's items: each
    /// item learns its place in its chunk, so the places restart at 0 exactly at each chunk's
    /// first index.
    @Test(arguments: [0, 1, 8_191, 8_192, 100_003])
    func mapStateIsOneAChunk(count: Int) {
        let places = Parallel.map(count: count, state: { 0 }) { seen, index -> Int in
            defer { seen += 1 }
            return seen
        }
        let starts = (0..<count).filter { places[$0] == 0 }
        #expect(starts.first == (count == 0 ? nil : 0))
        // Within a chunk the places count up by one; a chunk starts where they return to 0.
        #expect((1..<max(1, count)).allSatisfy { places[$0] == 0 || places[$0] == places[$0 - 1] + 1 })
        // Chunks hold at least the minimum (4,096 by default): fewer than two minimums stay one
        // chunk, and the largest count splits (a state shared by all chunks would not restart).
        if count < 8_192 { #expect(starts.count == min(count, 1)) }
        if count == 100_003 { #expect(starts.count > 1) }
        #expect(zip(starts, starts.dropFirst()).allSatisfy { $1 - $0 >= 4_096 })
    }
}
