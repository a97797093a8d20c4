/// Pairwise precision and recall of a clustering against the true one.
package struct PairwiseScore: Sendable, Equatable {
    /// Record pairs in one predicted cluster and one true cluster.
    package var truePositives: Int
    /// Record pairs in one predicted cluster.
    package var predictedPairs: Int
    /// Record pairs in one true cluster.
    package var truePairs: Int

    /// precision = TP / predicted pairs (1 when nothing was merged).
    package var precision: Double { predictedPairs == 0 ? 1 : Double(truePositives) / Double(predictedPairs) }
    /// recall = TP / true pairs (1 when there is nothing to find).
    package var recall: Double { truePairs == 0 ? 1 : Double(truePositives) / Double(truePairs) }
    package var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// Compares cluster labels per record (`predicted[i]`, `truth[i]`). O(n) with hashing.
    package init(predicted: [Int], truth: [Int]) {
        func pairs(_ count: Int) -> Int { count * (count - 1) / 2 }
        var predictedSizes: [Int: Int] = [:]
        var trueSizes: [Int: Int] = [:]
        var bothSizes: [Int: [Int: Int]] = [:]
        for (p, t) in zip(predicted, truth) {
            predictedSizes[p, default: 0] += 1
            trueSizes[t, default: 0] += 1
            bothSizes[p, default: [:]][t, default: 0] += 1
        }
        truePositives = bothSizes.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + pairs($1) } }
        predictedPairs = predictedSizes.values.reduce(0) { $0 + pairs($1) }
        truePairs = trueSizes.values.reduce(0) { $0 + pairs($1) }
    }
}
