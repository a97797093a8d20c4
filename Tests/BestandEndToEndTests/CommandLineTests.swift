import Foundation
import Testing

/// Exit codes and messages of the command line (SPEC §1).
@Suite struct CommandLineTests {
    static let ordersHeader = "order_id,customer_id,order_date,amount\n"

    /// A folder with a pipeline over one orders file.
    static func project(orders: String, settings: String = "{}", extra: String = "") -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("data/orders.csv", orders)
        folder.write(
            "p.json",
            """
            {
              "name": "t", "as_of": "2025-06-30",\(extra)
              "sources": [ { "name": "shop", "entity": "orders", "path": "data/orders.csv" } ],
              "settings": \(settings)
            }
            """)
        return folder
    }

    @Test func versionAndHelp() throws {
        let version = try Bestand.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("bestand "))
        let help = try Bestand.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("bestand run PIPELINE.json"))
    }

    @Test(arguments: [
        ([String](), "no command given"),
        (["rnu", "p.json"], "did you mean \"run\""),
        (["run"], "run needs a pipeline file"),
        (["run", "p.json", "--as-off", "2025-01-01"], "did you mean \"--as-of\""),
        (["run", "p.json", "--as-of"], "--as-of needs a value"),
        (["run", "p.json", "--as-of", "2025-02-30"], "--as-of must be a date"),
        (["run", "a.json", "b.json"], "run takes one pipeline file"),
        (["validate"], "validate needs a pipeline file"),
    ])
    func usageErrorsExitTwoWithUsage(arguments: [String], message: String) throws {
        let result = try Bestand.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("usage: bestand run"))
    }

    @Test func successfulRunExitsZero() throws {
        let folder = Self.project(orders: Self.ordersHeader + "1,K1,2025-01-01,10.00\n")
        let result = try Bestand.run(["run", "p.json", "--quiet"], in: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(folder.exists("out/t/run.json"))
        #expect(folder.exists("out/t/rejects.csv"))
    }

    @Test func pipelineOutputIsRelativeToThePipelineFile() throws {
        let folder = Self.project(orders: Self.ordersHeader + "1,K1,2025-01-01,10.00\n", extra: " \"output\": \"reports\",")
        try FileManager.default.createDirectory(atPath: folder.path + "/elsewhere", withIntermediateDirectories: true)
        let result = try Bestand.run(["run", "../p.json", "--quiet"], in: folder.path + "/elsewhere")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(folder.exists("reports/run.json"))
    }

    @Test func missingPipelineFileExitsTwo() throws {
        let result = try Bestand.run(["run", "/nonexistent/p.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/p.json"))
    }

    @Test func jsonSyntaxErrorNamesLineAndColumn() throws {
        let folder = TemporaryFolder()
        folder.write("p.json", "{\n  \"name\": \"x\",\n  \"sources\": [,]\n}\n")
        let result = try Bestand.run(["run", "p.json"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("p.json:3:15: error: pipeline file is not valid JSON"), "\(result.stderr)")
    }

    @Test func unknownKeysAreNamedWithASuggestion() throws {
        let folder = Self.project(orders: Self.ordersHeader, settings: "{ \"perod\": \"month\", \"max_reject_rate\": 2 }")
        let result = try Bestand.run(["validate", "p.json"], in: folder.path)
        #expect(result.status == 2)
        // Both problems are reported at once, each with its position.
        #expect(
            result.stderr.contains("p.json:4:17: error: unknown key \"perod\" in \"settings\" — did you mean \"period\"?"),
            "\(result.stderr)")
        #expect(result.stderr.contains("p.json:4:54: error: \"max_reject_rate\" must be a number from 0 to 1"), "\(result.stderr)")
    }

    @Test func missingInputFileExitsOne() throws {
        let folder = Self.project(orders: Self.ordersHeader)
        try FileManager.default.removeItem(atPath: folder.path + "/data/orders.csv")
        let result = try Bestand.run(["run", "p.json", "--quiet"], in: folder.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("data/orders.csv: error: cannot read input file"), "\(result.stderr)")
        #expect(!folder.exists("out/t"))
    }

    @Test func missingRequiredColumnExitsOne() throws {
        let folder = Self.project(orders: "order_id,customer_id,amount\n1,K1,10.00\n")
        let result = try Bestand.run(["run", "p.json", "--quiet"], in: folder.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("data/orders.csv:1: error: missing required column order_date"), "\(result.stderr)")
        #expect(result.stderr.contains("\"order_id\", \"customer_id\", \"amount\""))
    }

    @Test func qualityGateExitsThreeAndStillWritesOutputs() throws {
        // 1 of 2 rows rejected: 50 % > 5 %.
        let folder = Self.project(orders: Self.ordersHeader + "1,K1,2025-01-01,10.00\n2,K1,2025-13-01,10.00\n")
        let result = try Bestand.run(["run", "p.json", "--quiet"], in: folder.path)
        #expect(result.status == 3)
        #expect(result.stderr.contains("quality gate failed"))
        #expect(folder.read("out/t/rejects.csv")?.contains("invalid_date") == true)
        #expect(folder.read("out/t/run.json")?.contains("\"passed\": false") == true)
    }

    @Test func unwritableOutputFolderExitsOne() throws {
        let folder = Self.project(orders: Self.ordersHeader + "1,K1,2025-01-01,10.00\n")
        folder.write("blocker", "a file where a folder should be")
        let result = try Bestand.run(["run", "p.json", "--quiet", "--out", "blocker/out"], in: folder.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: cannot create"), "\(result.stderr)")
    }

    @Test func asOfOptionOverridesThePipeline() throws {
        let folder = Self.project(orders: Self.ordersHeader + "1,K1,2025-01-01,10.00\n2,K1,2025-03-01,10.00\n")
        let result = try Bestand.run(["run", "p.json", "--quiet", "--as-of", "2025-02-01"], in: folder.path)
        #expect(result.status == 0)
        let manifest = folder.read("out/t/run.json") ?? ""
        #expect(manifest.contains("\"as_of\": \"2025-02-01\""))
        #expect(manifest.contains("\"after_as_of\": 1"))
    }

    @Test func rerunReplacesTheOutputFolderWhole() throws {
        let folder = Self.project(orders: Self.ordersHeader + "1,K1,2025-01-01,10.00\n")
        try Bestand.run(["run", "p.json", "--quiet"], in: folder.path)
        folder.write("out/t/stale.txt", "from an older run")
        let result = try Bestand.run(["run", "p.json", "--quiet"], in: folder.path)
        #expect(result.status == 0)
        #expect(!folder.exists("out/t/stale.txt"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out")
        #expect(leftovers == ["t"])
    }

    @Test func staleTemporaryFoldersAreCleanedUp() throws {
        let folder = Self.project(orders: Self.ordersHeader + "1,K1,2025-01-01,10.00\n")
        // A killed run's half-written folder, from a process id that cannot be alive.
        folder.write("out/.t.tmp-2147483646/rejects.csv", "half")
        let result = try Bestand.run(["run", "p.json", "--quiet"], in: folder.path)
        #expect(result.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out") == ["t"])
    }

    @Test func validateReportsEveryInputProblemAtOnce() throws {
        let folder = TemporaryFolder()
        folder.write("ok.csv", "customer_id\nK1\n")
        folder.write("nocol.csv", "Nummer,Datum\n1,2025-01-01\n")
        folder.write(
            "p.json",
            """
            { "name": "v", "sources": [
                { "name": "a", "entity": "orders", "path": "missing.csv" },
                { "name": "b", "entity": "interactions", "path": "nocol.csv" },
                { "name": "c", "entity": "customers", "path": "ok.csv" } ] }
            """)
        let result = try Bestand.run(["validate", "p.json"], in: folder.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("missing.csv: error: cannot read input file"), "\(result.stderr)")
        #expect(result.stderr.contains("nocol.csv:1: error: missing required columns customer_id, type"), "\(result.stderr)")
        #expect(result.stdout.contains("c (customers): ok.csv: utf-8"))
        #expect(!folder.exists("out"))
    }
}
