import Dispatch
import Foundation

/// Work split over all cores in contiguous chunks.
enum Parallel {
    /// `(0..<count).map(make)`, computed in chunks on all cores and written straight into the
    /// result (no per-chunk arrays to join, no copies of the elements). `make` must be safe to
    /// call from several threads at once. O(count) calls of `make`.
    static func map<T>(count: Int, minimumChunk: Int = 4096, _ make: @Sendable (Int) -> T) -> [T] {
        map(count: count, minimumChunk: minimumChunk, state: {}) { _, index in make(index) }
    }

    /// `map` whose calls of `make` within one chunk share a `State` (such as a memo), made by
    /// `state` once a chunk.
    static func map<T, State>(
        count: Int, minimumChunk: Int = 4096, state: @Sendable () -> State, _ make: @Sendable (inout State, Int) -> T
    ) -> [T] {
        let chunks = max(1, min(64, count / minimumChunk))
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = UnsafeMutablePointerBox(buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var shared = state()
                for index in range(chunk, of: chunks, count: count) {
                    (base.pointer! + index).initialize(to: make(&shared, index))
                }
            }
            initialized = count
        }
    }
}

extension Parallel {
    /// Calls `body` with contiguous chunks of `0..<count` on all cores, one call a chunk. `body`
    /// must be safe to call from several threads at once.
    static func forEachChunk(count: Int, minimumChunk: Int = 4096, _ body: @Sendable (Range<Int>) -> Void) {
        let chunks = max(1, min(64, count / minimumChunk))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            body(range(chunk, of: chunks, count: count))
        }
    }

    /// `body` of each contiguous chunk of `0..<count`, computed on all cores, in chunk order.
    static func mapChunks<T>(count: Int, minimumChunk: Int = 4096, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        let chunks = max(1, min(64, count / minimumChunk))
        return map(count: chunks, minimumChunk: 1) { body(range($0, of: chunks, count: count)) }
    }

    /// The minimum chunk for work over `count` items whose chunks each keep a memo: about four
    /// chunks a core rather than many small ones, so that each chunk meets more of its values
    /// again (never below the usual minimum of 4,096 items).
    static func memoChunk(_ count: Int) -> Int {
        max(4096, count / (4 * ProcessInfo.processInfo.activeProcessorCount))
    }

    /// Chunk `chunk` of `chunks` near-equal chunks of `0..<count`.
    private static func range(_ chunk: Int, of chunks: Int, count: Int) -> Range<Int> {
        (count * chunk / chunks)..<(count * (chunk + 1) / chunks)
    }
}

/// A pointer handed to workers that each write only their own part of its memory.
struct UnsafeMutablePointerBox<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>?
    init(_ pointer: UnsafeMutablePointer<T>?) { self.pointer = pointer }
}
