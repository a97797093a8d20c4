import Foundation
import Testing

/// Bad inputs end to end: each gives its exact exit code and a message naming the file.
@Suite struct BadInputTests {
    /// A pipeline over one orders file with the given bytes.
    static func run(orders: [UInt8], extra: [String] = []) throws -> (CommandResult, TemporaryFolder) {
        let folder = TemporaryFolder()
        folder.write("orders.csv", bytes: orders)
        folder.write(
            "p.json", #"{ "name": "t", "as_of": "2025-06-30", "sources": [ { "name": "o", "entity": "orders", "path": "orders.csv" } ] }"#)
        return (try Bestand.run(["run", "p.json", "--quiet"] + extra, in: folder.path), folder)
    }

    static let header = Array("order_id,customer_id,order_date,amount\n".utf8)

    @Test func emptyFile() throws {
        let (result, _) = try Self.run(orders: [])
        #expect(result.status == 1)
        #expect(result.stderr == "orders.csv:1: error: the file is empty — a header row naming the columns is required\n")
    }

    @Test func headerOnlyRunsWithNoRows() throws {
        let (result, folder) = try Self.run(orders: Self.header)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(folder.read("out/t/run.json")?.contains("\"rows_read\": 0") == true)
    }

    @Test func binaryGarbage() throws {
        var random = SystemRandomNumberGenerator()
        let garbage = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) } + [0]
        let (result, _) = try Self.run(orders: garbage)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("orders.csv: error: the file holds a NUL byte"), "\(result.stderr)")
    }

    @Test func fiftyMegabyteField() throws {
        let field = [UInt8](repeating: UInt8(ascii: "x"), count: 50 << 20)
        let (result, folder) = try Self.run(orders: Self.header + Array("\"".utf8) + field + Array("\",K1,2025-01-01,1.00\nB,K1,2025-01-02,2.00\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = folder.read("out/t/run.json") ?? ""
        #expect(manifest.contains("\"rows_accepted\": 2"))
    }

    @Test func unterminatedQuoteAtTheEnd() throws {
        let (result, folder) = try Self.run(orders: Self.header + Array("A,K1,2025-01-01,1.00\nB,\"K2,2025-01-02,2.00\n".utf8))
        // 1 of 2 rows rejected: above the 5 % gate.
        #expect(result.status == 3)
        #expect(folder.read("out/t/rejects.csv")?.contains("o,orders.csv,3,unterminated_quote") == true)
    }

    @Test func mixedLineEnds() throws {
        let (result, folder) = try Self.run(orders: Self.header + Array("A,K1,2025-01-01,1.00\r\nB,K1,2025-01-02,2.00\nC,K1,2025-01-03,3.00\r\n".utf8))
        #expect(result.status == 0)
        #expect(folder.read("out/t/run.json")?.contains("\"rows_accepted\": 3") == true)
    }

    @Test func neitherUTF8NorWindows1252() throws {
        let (result, _) = try Self.run(orders: Self.header + Array("A,K".utf8) + [0x81] + Array("1,2025-01-01,1.00\n".utf8))
        #expect(result.status == 1)
        #expect(result.stderr == "orders.csv:2:4: error: byte 0x81 is neither UTF-8 nor Windows-1252 text — is this a text export?\n")
    }

    @Test func duplicateHeaderOfAMappedField() throws {
        let (result, _) = try Self.run(orders: Array("order_id,customer_id,order_date,amount,amount\nA,K1,2025-01-01,1.00,2.00\n".utf8))
        #expect(result.status == 1)
        #expect(result.stderr.contains("orders.csv:1: error: the header \"amount\" for amount appears 2 times (columns 4, 5)"), "\(result.stderr)")
    }

    @Test func duplicateHeaderOfAnUnusedColumnIsFine() throws {
        let (result, _) = try Self.run(orders: Array("order_id,customer_id,order_date,amount,note,note\nA,K1,2025-01-01,1.00,x,y\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func missingRequiredColumn() throws {
        let (result, _) = try Self.run(orders: Array("order_id,customer_id,amount\nA,K1,1.00\n".utf8))
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("orders.csv:1: error: missing required column order_date for orders source \"o\""))
    }

    @Test func everyRowBadFailsTheGateButWritesOutputs() throws {
        let (result, folder) = try Self.run(orders: Self.header + Array("A,K1,2025-02-30,1.00\nB,K1,2025-01-01,zwei\n".utf8))
        #expect(result.status == 3)
        #expect(result.stderr.contains("quality gate failed"))
        #expect((folder.read("out/t/rejects.csv") ?? "").split(separator: "\n").count == 3)
        #expect(folder.exists("out/t/report.md"))
    }

    @Test func missingInputFile() throws {
        let folder = TemporaryFolder()
        folder.write("p.json", #"{ "name": "t", "sources": [ { "name": "o", "entity": "orders", "path": "nope.csv" } ] }"#)
        let result = try Bestand.run(["run", "p.json", "--quiet"], in: folder.path)
        #expect(result.status == 1)
        #expect(result.stderr == "nope.csv: error: cannot read input file: No such file or directory\n")
    }

    @Test func inputThatIsNotReadableAsAFile() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/orders.csv", withIntermediateDirectories: true)
        folder.write("p.json", #"{ "name": "t", "sources": [ { "name": "o", "entity": "orders", "path": "orders.csv" } ] }"#)
        let result = try Bestand.run(["run", "p.json", "--quiet"], in: folder.path)
        #expect(result.status == 1)
        #expect(result.stderr == "orders.csv: error: input path is a folder, not a file\n")
    }

    @Test func globThatMatchesNothing() throws {
        let folder = TemporaryFolder()
        folder.write("p.json", #"{ "name": "t", "sources": [ { "name": "o", "entity": "orders", "path": "exports/*.csv" } ] }"#)
        let result = try Bestand.run(["run", "p.json", "--quiet"], in: folder.path)
        #expect(result.status == 1)
        #expect(result.stderr == "p.json: error: the path \"exports/*.csv\" of source \"o\" matches no file\n")
    }

    @Test func pipelineSyntaxError() throws {
        let folder = TemporaryFolder()
        folder.write("p.json", "{ \"name\": \"t\",\n  \"sources\": [ }\n")
        let result = try Bestand.run(["run", "p.json"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("p.json:2:16: error: pipeline file is not valid JSON"), "\(result.stderr)")
    }
}

/// The `pseudonymize` setting: names in customers.csv become keyed hashes.
@Suite struct PseudonymizeTests {
    static func project(key: String?) -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("c.csv", "customer_id,name\nK1,Anna Schmidt\nK2,Bernd Weber\nK3,\n")
        if let key { folder.write("secret.key", key) }
        folder.write(
            "p.json",
            #"{ "name": "t", "as_of": "2025-06-30", "sources": [ { "name": "c", "entity": "customers", "path": "c.csv" } ], "settings": { "pseudonymize": "secret.key" } }"#
        )
        return folder
    }

    @Test func namesBecomeKeyedHashes() throws {
        let folder = Self.project(key: "a secret of more than sixteen bytes")
        let result = try Bestand.run(["run", "p.json", "--quiet"], in: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        let customers = folder.read("out/t/customers.csv") ?? ""
        #expect(!customers.contains("Anna") && !customers.contains("Weber"))
        let names = customers.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[2] }
        #expect(names[0].hasPrefix("p-") && names[0].count == 18)
        #expect(names[0] != names[1])
        #expect(names[2] == "")
        // Another key gives other pseudonyms.
        let other = Self.project(key: "another secret, also long enough")
        try Bestand.run(["run", "p.json", "--quiet"], in: other.path)
        #expect(other.read("out/t/customers.csv") != customers)
    }

    @Test func missingOrShortKeyStopsTheRun() throws {
        let missing = Self.project(key: nil)
        let result = try Bestand.run(["run", "p.json", "--quiet"], in: missing.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("secret.key: error: cannot read input file"), "\(result.stderr)")
        let short = Self.project(key: "short")
        let shortResult = try Bestand.run(["run", "p.json", "--quiet"], in: short.path)
        #expect(shortResult.status == 1)
        #expect(shortResult.stderr.contains("at least 16 bytes"))
    }
}
