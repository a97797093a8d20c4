import Foundation
import Testing

@testable import Bestand

@Suite struct ManagementReportTests {
    @Test(arguments: [
        ("a|b", #"a\|b"#),
        ("`code`", #"\`code\`"#),
        ("*bold* _it_", #"\*bold\* \_it\_"#),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("two\nlines\r\nhere", "two lines  here"),
        ("[link](x)", #"\[link\](x)"#),
        ("# heading", ##"\# heading"##),
        (#"back\slash"#, #"back\\slash"#),
        ("Müller & Söhne", "Müller &amp; Söhne"),
    ])
    func escapesUserText(text: String, escaped: String) {
        #expect(MarkdownText.escape(text) == escaped)
    }

    @Test func numbersFollowTheLanguage() {
        let german = MarkdownText(language: .de, currency: "EUR")
        let english = MarkdownText(language: .en, currency: "EUR")
        #expect(german.count(1_234_567) == "1.234.567")
        #expect(english.count(1_234_567) == "1,234,567")
        #expect(german.money(123_456_789) == "1.234.568 EUR")
        #expect(english.percent(1, 3) == "33.3 %")
        #expect(german.percent(2, 3) == "66,7 %")
        #expect(german.percent(1, 0) == "–")
    }

    @Test func reportHoldsNoContactDataAndEscapesCampaignIds() throws {
        let folder = TemporaryFolder()
        let sources = [
            source(
                "crm", .customers,
                folder.write("c.csv", "customer_id,name,email,phone\nK1,\"Evil | Name\",secret@example.com,+49 30 1234567\n"),
                idSpace: "crm"),
            source(
                "orders", .orders, folder.write("o.csv", "order_id,customer_id,order_date,amount\n1,K1,2025-01-01,10.00\n"), idSpace: "crm"),
            source(
                "mail", .campaignContacts, folder.write("m.csv", "campaign_id,customer_id,sent_date\n\"Q1|<b>*\",K1,2025-02-01\n"),
                idSpace: "crm"),
        ]
        let pipeline = makePipeline(folder: folder.path, sources: sources)
        let day = pipeline.asOf!
        let base = try Deduplicate(asOf: day, resolvesIdentities: true).run(Ingest(pipeline: pipeline, asOf: day).run(sources))
        let profiles = try Enrich(asOf: day, settings: pipeline.settings).run(base)
        let analysis = Analysis(profiles: profiles, scores: try Score().run(profiles))
        let report = ManagementReport(pipeline: pipeline, analysis: analysis, segments: SegmentsTable.rows(profiles)).render()
        #expect(!report.contains("secret@example.com"))
        #expect(!report.contains("1234567"))
        #expect(!report.contains("Evil"))
        #expect(report.contains(#"| Q1\|&lt;b&gt;\* | Z2 |"#))
        // Every table row has the same number of unescaped pipes as its header.
        for table in report.components(separatedBy: "\n\n") where table.hasPrefix("|") {
            let rows = table.split(separator: "\n").filter { $0.hasPrefix("|") }
            let widths = Set(rows.map { $0.replacingOccurrences(of: #"\|"#, with: "").filter { $0 == "|" }.count })
            #expect(widths.count == 1, "\(rows.first ?? "")")
        }
    }
}
