import Testing

@testable import Bestand

/// The keys and masters in the byte order of their texts, found from the key order without
/// comparing texts, agree with sorting the texts.
@Suite struct KeyTextOrderTests {
    /// A base of order files, one per id space, each naming every id once, in a shuffled order.
    static func base(spaces: [String], ids: [String]) throws -> CustomerBase {
        let folder = TemporaryFolder()
        var random = SeededRandom(seed: 3)
        let sources = spaces.enumerated().map { index, space in
            let rows = ids.shuffled(using: &random).enumerated().map { "O\(index)-\($0.offset),\($0.element),2025-01-02,1.00," }
            let text = "order_id,customer_id,order_date,amount,status\n" + rows.joined(separator: "\n") + "\n"
            return source("s\(index)", .orders, folder.write("s\(index).csv", text), idSpace: space)
        }
        let pipeline = makePipeline(folder: folder.path, sources: sources)
        return try Deduplicate(asOf: pipeline.asOf!, resolvesIdentities: true).run(ingest(pipeline))
    }

    /// Space names declared out of byte order and prefixes of one another ("cr", "crm", "crm2"),
    /// then names with a ":" (where the texts are sorted); ids of every length and a non-ASCII one.
    @Test(arguments: [["shop", "crm", "crm2", "erp", "cr"], ["a", "a:b", "b"]])
    func keysAndMastersComeInTheByteOrderOfTheirTexts(spaces: [String]) throws {
        let ids = ["K1", "K10", "K2", "K100", "k1", "Ä1", "A", "AB", "10", "9", "S-1", "S-01"]
        let base = try Self.base(spaces: spaces, ids: ids)
        let keys = base.dataset.keys
        #expect(keys.count == spaces.count * ids.count)
        let sorted = (0..<Int32(keys.count)).sorted { Text.bytesPrecede(keys.text(of: $0), keys.text(of: $1)) }
        #expect(base.keysInTextOrder() == sorted)
        #expect(base.mastersInIdOrder().map { base.masterId[Int($0)] } == base.masterId.sorted { Text.bytesPrecede($0, $1) })
    }
}
