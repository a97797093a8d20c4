import Foundation
import Testing

/// The demo pipeline over the shipped fixtures, end to end through the executable.
@Suite(.serialized) struct DemoRunTests {
    /// run.json without the wall times, which differ between runs.
    static func withoutTimes(_ manifest: String) -> String {
        manifest.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("\"seconds\"") && !$0.contains("\"peak_memory_mib\"") }
            .joined(separator: "\n")
    }

    @Test func demoRunWritesGoldenOutputs() throws {
        let folder = TemporaryFolder()
        let result = try Bestand.run(["run", "pipelines/demo.json", "--out", folder.path + "/demo", "--quiet"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        for name in Self.tables + ["report.md"] {
            GoldenFiles.check(folder.read("demo/" + name) ?? "", name: "demo/" + name)
        }
        GoldenFiles.check(Self.withoutTimes(folder.read("demo/run.json") ?? ""), name: "demo/run.json")
    }

    static let tables = [
        "customers.csv", "segments.csv", "retention.csv", "cohorts.csv", "second_order.csv", "campaign_response.csv",
        "customer_keys.csv", "merges.csv", "rejects.csv",
    ]

    @Test func englishReportIsGolden() throws {
        let folder = TemporaryFolder()
        let result = try Bestand.run(["run", "pipelines/demo-en.json", "--out", folder.path + "/demo-en", "--quiet"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        GoldenFiles.check(folder.read("demo-en/report.md") ?? "", name: "demo-en/report.md")
        // The language changes the report only.
        let german = TemporaryFolder()
        try Bestand.run(["run", "pipelines/demo.json", "--out", german.path + "/demo", "--quiet"])
        for name in Self.tables {
            #expect(folder.read("demo-en/" + name) == german.read("demo/" + name), "\(name)")
        }
    }

    @Test func everyOutputOfSpecSection7IsWritten() throws {
        let folder = TemporaryFolder()
        try Bestand.run(["run", "pipelines/demo.json", "--out", folder.path + "/demo", "--quiet"])
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/demo").sorted()
        #expect(names == (Self.tables + ["report.md", "run.json"]).sorted())
        // Headers exactly as SPEC §7 lists them.
        let headers = [
            "customers.csv":
                "master_id,members,name,postcode,city,stage,activity,abc,r,f,m,purchases,first_purchase,last_purchase,days_since_last,revenue_total,revenue_12m",
            "segments.csv": "dimension,value,customers,revenue_12m,revenue_share",
            "retention.csv":
                "period,segment,active_prev,retained,churned,new,reactivated,active,churn_rate,retention_rate,revenue_prev,revenue,grr,nrr",
            "cohorts.csv": "cohort,cohort_size,offset,active,rate",
            "second_order.csv": "cohort,window_days,eligible,converted,rate,median_days_to_second",
            "campaign_response.csv":
                "campaign_id,stage,window_complete,recipients,responders,response_rate,ci_low,ci_high,lift,converters,conversion_rate",
            "customer_keys.csv": "key,id_space,customer_id,master_id",
            "merges.csv": "master_id,key_a,key_b,rule,score",
            "rejects.csv": "source,file,line,reason,record",
        ]
        for (name, header) in headers {
            #expect(folder.read("demo/" + name)?.split(separator: "\n").first.map(String.init) == header, "\(name)")
        }
    }

    @Test func demoRejectsAreExactlyThePlantedBadRows() throws {
        // The fixture generator planted these seven bad rows (fixtures/demo/generate.py).
        let folder = TemporaryFolder()
        let result = try Bestand.run(["run", "pipelines/demo.json", "--out", folder.path + "/demo", "--quiet"])
        #expect(result.status == 0)
        let rows = (folder.read("demo/rejects.csv") ?? "").split(separator: "\n").dropFirst()
        let places = rows.map { row -> String in
            let cells = row.split(separator: ",", maxSplits: 3)
            return "\(cells[0]):\(cells[2])"
        }
        #expect(
            places == [
                "shop_orders:257", "shop_orders:447", "erp:160", "erp:482", "erp:774", "erp:924", "inquiries:90",
            ])
    }

    @Test func demoCountsReconcile() throws {
        let folder = TemporaryFolder()
        try Bestand.run(["run", "pipelines/demo.json", "--out", folder.path + "/demo", "--quiet"])
        let data = try #require(folder.read("demo/run.json")?.data(using: .utf8))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        #expect(inputs.count == 7)
        var totalRead = 0
        for input in inputs {
            let read = input["rows_read"] as! Int
            let accepted = input["rows_accepted"] as! Int
            let rejected = input["rows_rejected"] as! Int
            #expect(read == accepted + rejected, "\(input["path"]!)")
            totalRead += read
        }
        // Data records per file as written by the generator (blank and all-empty lines excluded).
        let byPath = Dictionary(uniqueKeysWithValues: inputs.map { ($0["path"] as! String, $0) })
        #expect(byPath["../fixtures/demo/erp_auftraege.csv"]?["rows_read"] as? Int == 1298)
        #expect(byPath["../fixtures/demo/shop_orders.csv"]?["rows_read"] as? Int == 693)
        #expect(byPath["../fixtures/demo/crm_kunden.csv"]?["rows_read"] as? Int == 236)
        #expect(byPath["../fixtures/demo/erp_auftraege.csv"]?["encoding"] as? String == "windows-1252")
        #expect(byPath["../fixtures/demo/shop_orders.csv"]?["encoding"] as? String == "utf-8")
        // Six ERP and two shop orders lie after 2025-06-30 (one only in Berlin time).
        #expect(byPath["../fixtures/demo/erp_auftraege.csv"]?["after_as_of"] as? Int == 6)
        #expect(byPath["../fixtures/demo/shop_orders.csv"]?["after_as_of"] as? Int == 2)
        let rows = try #require(manifest["rows"] as? [String: Int])
        #expect(rows["read"] == totalRead)
        #expect(rows["rejected"] == 7)
    }

    @Test func rerunsAreByteIdentical() throws {
        let folder = TemporaryFolder()
        try Bestand.run(["run", "pipelines/demo.json", "--out", folder.path + "/a", "--quiet"])
        try Bestand.run(["run", "pipelines/demo.json", "--out", folder.path + "/b", "--quiet"])
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/a").sorted()
        #expect(names.contains("rejects.csv"))
        for name in names where name != "run.json" {
            #expect(folder.read("a/" + name) == folder.read("b/" + name), "\(name)")
        }
        #expect(Self.withoutTimes(folder.read("a/run.json")!) == Self.withoutTimes(folder.read("b/run.json")!))
    }

    @Test func progressGoesToStderrAndStdoutStaysEmpty() throws {
        let folder = TemporaryFolder()
        let result = try Bestand.run(["run", "pipelines/demo.json", "--out", folder.path + "/demo"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        for stage in ["ingest:", "deduplicate:", "enrich:", "score:", "export:"] {
            #expect(result.stderr.contains(stage), "\(stage)")
        }
    }

    @Test func validateAcceptsTheDemo() throws {
        let result = try Bestand.run(["validate", "pipelines/demo.json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("erp (orders): ../fixtures/demo/erp_auftraege.csv: windows-1252"))
        #expect(result.stdout.hasSuffix("ok\n"))
    }
}
