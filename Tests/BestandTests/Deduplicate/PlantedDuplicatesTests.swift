import Testing

@testable import Bestand

/// Precision and recall on generated data with planted duplicates and a known truth.
@Suite struct PlantedDuplicatesTests {
    @Test func pairwiseScoreCountsPairs() {
        // Truth {0,1,2} {3}; predicted {0,1} {2,3}: TP 1 (0–1), predicted 2, true 3.
        let score = PairwiseScore(predicted: [7, 7, 8, 8], truth: [1, 1, 1, 2])
        #expect(score.truePositives == 1 && score.predictedPairs == 2 && score.truePairs == 3)
        #expect(score.precision == 0.5)
        #expect(abs(score.recall - 1.0 / 3.0) < 1e-12)
    }

    @Test func generatedDataIsDeterministicAndPlantsDuplicates() {
        let a = SyntheticCustomers(customers: 500, seed: 42)
        let b = SyntheticCustomers(customers: 500, seed: 42)
        #expect(a.records.map(\.name) == b.records.map(\.name))
        #expect(a.records.count > 600)
        #expect(Set(a.records.map(\.truth)).count == 500)
    }

    @Test(arguments: [11, 12] as [UInt64])
    func precisionAndRecallOnPlantedDuplicates(seed: UInt64) throws {
        let data = SyntheticCustomers(customers: 4000, seed: seed)
        let folder = TemporaryFolder()
        var sources: [SourceConfig] = []
        for space in SyntheticCustomers.idSpaces {
            sources.append(source(space, .customers, folder.write(space + ".csv", bytes: data.csv(idSpace: space))))
        }
        let pipeline = makePipeline(folder: folder.path, sources: sources)
        let dataset = try Ingest(pipeline: pipeline, asOf: pipeline.asOf!).run(sources)
        let base = try Deduplicate(asOf: pipeline.asOf!, resolvesIdentities: true).run(dataset)
        #expect(dataset.rejects.isEmpty)
        var predicted: [Int] = []
        var truth: [Int] = []
        for record in data.records {
            let space = UInt16(SyntheticCustomers.idSpaces.firstIndex(of: record.idSpace)!)
            var id = record.customerId
            let key = try #require(id.withUTF8 { dataset.keys.ids.find($0, tag: space) })
            predicted.append(Int(base.masterOfKey[Int(key)]))
            truth.append(record.truth)
        }
        let score = PairwiseScore(predicted: predicted, truth: truth)
        #expect(score.truePairs > 1000)
        #expect(score.precision >= 0.99, "precision \(score.precision), recall \(score.recall)")
        #expect(score.recall >= 0.95, "precision \(score.precision), recall \(score.recall)")
    }
}
