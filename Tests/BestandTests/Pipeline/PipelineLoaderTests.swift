import Testing

@testable import Bestand

@Suite struct PipelineLoaderTests {
    static let minimalSource = #"{ "name": "shop", "entity": "orders", "path": "orders.csv" }"#

    static func load(_ text: String) throws(ProblemList) -> Pipeline {
        try PipelineLoader.parse(Array(text.utf8), path: "dir/p.json")
    }

    /// The problems of a pipeline text, as `line:column: message`.
    static func problems(_ text: String) -> [String] {
        do {
            _ = try load(text)
            return []
        } catch {
            return error.problems.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.message)" }
        }
    }

    @Test func defaultsApplyToAMinimalPipeline() throws {
        let pipeline = try Self.load(#"{ "name": "m", "sources": [\#(Self.minimalSource)] }"#)
        #expect(pipeline.timeZoneName == "Europe/Berlin")
        #expect(pipeline.currency == "EUR")
        #expect(pipeline.language == .en)
        #expect(pipeline.asOf == nil)
        #expect(pipeline.output == nil)
        #expect(pipeline.stages == StageName.allCases)
        #expect(pipeline.folder == "dir")
        #expect(pipeline.sources[0].idSpace == "shop")
        #expect(pipeline.sources[0].delimiter == nil)
        let settings = pipeline.settings
        #expect(settings.period == .quarter && settings.periods == 8)
        #expect(settings.activeDays == 365 && settings.dormantDays == 1825 && settings.z4MinPurchases == 3)
        #expect(settings.abcAPercent == 80 && settings.abcBPercent == 95)
        #expect(settings.secondOrderWindows == [30, 90, 180, 365])
        #expect(settings.responseWindowDays == 30)
        #expect(settings.cancelledStatuses == ["cancelled", "canceled", "storniert", "storno"])
        #expect(settings.prospectInteractionTypes == ["inquiry", "quote", "offer", "anfrage", "angebot"])
        #expect(settings.maxRejectRate == 0.05)
        #expect(settings.phoneCountryCode == "49")
    }

    @Test func everyKeyIsRead() throws {
        let pipeline = try Self.load(
            """
            { "name": "full", "as_of": "2025-06-30", "timezone": "UTC", "currency": "CHF", "language": "de",
              "output": "reports", "stages": ["ingest", "enrich", "score", "export"],
              "sources": [ { "name": "erp", "entity": "orders", "path": "a/*.csv", "id_space": "crm",
                             "columns": { "order_id": "Beleg" }, "delimiter": "\\t", "encoding": "windows-1252", "decimal": "," } ],
              "settings": { "period": "month", "periods": 12, "active_days": 180, "dormant_days": 720,
                            "z4_min_purchases": 4, "abc_a_percent": 70, "abc_b_percent": 90,
                            "second_order_windows": [365, 60], "response_window_days": 14,
                            "cancelled_statuses": ["void"], "prospect_interaction_types": ["lead"],
                            "max_reject_rate": 0, "phone_country_code": "41" } }
            """)
        #expect(pipeline.asOf == Day.parseISO("2025-06-30"))
        #expect(pipeline.timeZoneName == "UTC")
        #expect(pipeline.language == .de)
        #expect(pipeline.output == "reports")
        #expect(!pipeline.deduplicates)
        let source = pipeline.sources[0]
        #expect(source.idSpace == "crm" && source.columns == ["order_id": "Beleg"])
        #expect(source.delimiter == 9 && source.encoding == .windows1252 && source.decimalSeparator == UInt8(ascii: ","))
        let settings = pipeline.settings
        #expect(settings.period == .month && settings.periods == 12 && settings.z4MinPurchases == 4)
        #expect(settings.secondOrderWindows == [60, 365])
        #expect(settings.cancelledStatuses == ["void"] && settings.maxRejectRate == 0 && settings.phoneCountryCode == "41")
    }

    @Test(arguments: [
        (
            #"{ "name": "x", "sources": [\#(minimalSource)], "stagse": [] }"#,
            #"1:91: unknown key "stagse" in the pipeline file — did you mean "stages"?"#
        ),
        (#"{ "sources": [\#(minimalSource)] }"#, #"1:1: the pipeline file needs a "name""#),
        (#"{ "name": "x" }"#, #"1:1: the pipeline file needs "sources""#),
        (#"{ "name": "x", "sources": [] }"#, #"1:27: "sources" is empty: name at least one input file"#),
        (#"{ "name": "x", "sources": {} }"#, #"1:27: "sources" must be an array of objects, found object"#),
        (#"{ "name": 5, "sources": [\#(minimalSource)] }"#, #"1:11: "name" must be a string, found number"#),
        (
            #"{ "name": "a/b", "sources": [\#(minimalSource)] }"#,
            #"1:11: "name" must be a non-empty name without "/" and not starting with ".""#
        ),
        (
            #"{ "name": "x", "as_of": "30.06.2025", "sources": [\#(minimalSource)] }"#,
            #"1:25: "as_of" must be a date YYYY-MM-DD, found "30.06.2025""#
        ),
        (
            #"{ "name": "x", "timezone": "Europe/Berln", "sources": [\#(minimalSource)] }"#,
            #"1:28: unknown time zone "Europe/Berln" — use an IANA name such as "Europe/Berlin""#
        ),
        (#"{ "name": "x", "language": "fr", "sources": [\#(minimalSource)] }"#, #"1:28: "language" must be one of "en", "de", found "fr""#),
        (
            #"{ "name": "x", "stages": ["ingest", "enrch", "score", "export"], "sources": [\#(minimalSource)] }"#,
            #"1:26: unknown stage "enrch" — did you mean "enrich"?"#
        ),
        (
            #"{ "name": "x", "stages": ["ingest", "score", "enrich", "export"], "sources": [\#(minimalSource)] }"#,
            #"1:26: "stages" must be ingest, deduplicate, enrich, score, export in this order (deduplicate may be left out), found ingest, score, enrich, export"#
        ),
        (
            #"{ "name": "x", "sources": [{ "name": "a", "entity": "order", "path": "p" }] }"#,
            #"1:53: "entity" must be one of "customers", "orders", "interactions", "campaign_contacts", "campaign_responses", found "order" — did you mean "orders"?"#
        ),
        (#"{ "name": "x", "sources": [{ "name": "a", "entity": "orders" }] }"#, #"1:28: a source needs "path""#),
        (
            #"{ "name": "x", "sources": [{ "name": "a", "entity": "orders", "path": "p", "delimiter": ":" }] }"#,
            #"1:89: "delimiter" must be one of ",", ";", "\#t", "|", "tab", found ":" — did you mean ","?"#
        ),
        (
            #"{ "name": "x", "sources": [{ "name": "a", "entity": "orders", "path": "p", "encoding": "latin1" }] }"#,
            #"1:88: "encoding" must be one of "utf-8", "windows-1252", found "latin1""#
        ),
        (
            #"{ "name": "x", "sources": [{ "name": "a", "entity": "orders", "path": "p", "columns": { "orderid": "N" } }] }"#,
            #"1:89: unknown key "orderid" in "columns" of a orders source — did you mean "order_id"?"#
        ),
        (
            #"{ "name": "x", "sources": [\#(minimalSource), \#(minimalSource)] }"#,
            #"1:90: two sources are named "shop": source names must be unique"#
        ),
        (#"{ "name": "x", "name": "y", "sources": [\#(minimalSource)] }"#, #"1:16: key "name" appears twice in the pipeline file"#),
        (
            #"{ "name": "x", "sources": [\#(minimalSource)], "settings": { "periods": 0 } }"#,
            #"1:116: "periods" must be a whole number from 1 to 1000"#
        ),
        (
            #"{ "name": "x", "sources": [\#(minimalSource)], "settings": { "abc_a_percent": 96 } }"#,
            #"1:122: "abc_a_percent" must not be larger than "abc_b_percent""#
        ),
        (
            #"{ "name": "x", "sources": [\#(minimalSource)], "settings": { "second_order_windows": [] } }"#,
            #"1:129: "second_order_windows" must be a non-empty array of whole numbers of days"#
        ),
        (
            #"{ "name": "x", "sources": [\#(minimalSource)], "settings": { "active_days": 2000 } }"#,
            #"1:120: "active_days" must not be larger than "dormant_days""#
        ),
        (
            #"{ "name": "x", "sources": [\#(minimalSource)], "settings": { "phone_country_code": "+49" } }"#,
            #"1:127: "phone_country_code" must be 1 to 4 digits, such as "49""#
        ),
    ])
    func problemsAreReportedWithTheirPosition(text: String, expected: String) {
        #expect(Self.problems(text) == [expected])
    }

    @Test func everyProblemIsReportedAtOnce() {
        let problems = Self.problems(
            #"{ "nmae": "x", "sources": [{ "name": "a", "entity": "orders", "path": "p", "decimal": ";" }], "settings": { "period": "week" } }"#
        )
        #expect(problems.count == 4)
        #expect(problems.contains { $0.contains(#"unknown key "nmae""#) })
        #expect(problems.contains { $0.contains(#"needs a "name""#) })
        #expect(problems.contains { $0.contains(#""decimal" must be one of"#) })
        #expect(problems.contains { $0.contains(#""period" must be one of"#) })
    }

    @Test func syntaxErrorsCarryLineAndColumn() {
        let problems = Self.problems("{\n  \"name\": \"x\",\n}")
        #expect(problems.count == 1)
        #expect(problems[0].hasPrefix("3:1: pipeline file is not valid JSON"))
    }
}
