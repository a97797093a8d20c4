import Foundation
import Testing

/// `bestand generate` (SPEC §1): a synthetic data set that runs and round-trips.
@Suite struct GenerateTests {
    @Test func generatedDataRoundTrips() throws {
        let folder = TemporaryFolder()
        let generate = try Bestand.run(["generate", "--customers", "3000", "--seed", "7", "--out", folder.path + "/data"])
        #expect(generate.status == 0, "\(generate.stderr)")
        #expect(generate.stdout.contains("wrote 3000 customers"))
        let run = try Bestand.run(["run", folder.path + "/data/pipeline.json", "--out", folder.path + "/out", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")

        // Exactly the planted bad rows are rejected.
        let planted = (folder.read("data/planted_rejects.csv") ?? "").split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",").prefix(2).joined(separator: ":") }
        let rejected = (folder.read("out/rejects.csv") ?? "").split(separator: "\n").dropFirst()
            .map { row -> String in
                let cells = row.split(separator: ",")
                return "\(cells[1]):\(cells[2])"
            }
        #expect(rejected == planted)

        // Deduplication against the truth: pairwise precision and recall.
        var truth: [String: Int] = [:]
        for row in (folder.read("data/truth.csv") ?? "").split(separator: "\n").dropFirst() {
            let cells = row.split(separator: ",")
            truth[String(cells[0])] = Int(cells[1])
        }
        var masterOf: [String: String] = [:]
        for row in (folder.read("out/customer_keys.csv") ?? "").split(separator: "\n").dropFirst() {
            let cells = row.split(separator: ",")
            masterOf[String(cells[0])] = String(cells[3])
        }
        var truePairs = 0
        var predictedPairs = 0
        var bothPairs = 0
        let keys = truth.keys.sorted()
        var byTruth: [Int: [String]] = [:]
        var byMaster: [String: [String]] = [:]
        for key in keys {
            byTruth[truth[key]!, default: []].append(key)
            byMaster[masterOf[key] ?? key, default: []].append(key)
        }
        for group in byTruth.values { truePairs += group.count * (group.count - 1) / 2 }
        for group in byMaster.values {
            predictedPairs += group.count * (group.count - 1) / 2
            var counts: [Int: Int] = [:]
            for key in group { counts[truth[key]!, default: 0] += 1 }
            for count in counts.values { bothPairs += count * (count - 1) / 2 }
        }
        #expect(truePairs > 300)
        #expect(Double(bothPairs) / Double(predictedPairs) >= 0.99)
        #expect(Double(bothPairs) / Double(truePairs) >= 0.95)
    }

    @Test func sameSeedSameFiles() throws {
        let folder = TemporaryFolder()
        try Bestand.run(["generate", "--customers", "200", "--seed", "3", "--out", folder.path + "/a"])
        try Bestand.run(["generate", "--customers", "200", "--seed", "3", "--out", folder.path + "/b"])
        for name in ["crm_kunden.csv", "shop_orders.csv", "erp_auftraege.csv", "truth.csv"] {
            #expect(folder.read("a/" + name) == folder.read("b/" + name), "\(name)")
        }
    }

    @Test(arguments: [
        (["generate", "--out", "x"], "generate needs --customers N"),
        (["generate", "--customers", "ten", "--out", "x"], "--customers must be a whole number"),
        (["generate", "--customers", "10"], "generate needs --out DIR"),
        (["generate", "--customers", "10", "--out", "x", "--sed", "1"], "did you mean \"--seed\""),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let result = try Bestand.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
