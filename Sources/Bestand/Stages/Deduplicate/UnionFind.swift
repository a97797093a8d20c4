/// Disjoint sets over `0..<count` with path halving and union by size. Near O(1) per operation.
struct UnionFind {
    private var parent: [Int32]
    private var size: [Int32]

    init(count: Int) {
        parent = (0..<Int32(count)).map { $0 }
        size = [Int32](repeating: 1, count: count)
    }

    mutating func find(_ element: Int32) -> Int32 {
        var x = element
        while parent[Int(x)] != x {
            parent[Int(x)] = parent[Int(parent[Int(x)])]
            x = parent[Int(x)]
        }
        return x
    }

    /// Joins the sets of `a` and `b`; returns the new root, or nil when they were one set already.
    @discardableResult
    mutating func union(_ a: Int32, _ b: Int32) -> Int32? {
        var rootA = find(a)
        var rootB = find(b)
        if rootA == rootB { return nil }
        if size[Int(rootA)] < size[Int(rootB)] { swap(&rootA, &rootB) }
        parent[Int(rootB)] = rootA
        size[Int(rootA)] += size[Int(rootB)]
        return rootA
    }
}
