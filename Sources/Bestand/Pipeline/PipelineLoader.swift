import Foundation

/// Reads and checks a pipeline file, collecting every problem instead of stopping at the first.
package enum PipelineLoader {
    static let topLevelKeys = [
        "name", "as_of", "timezone", "currency", "language", "output", "stages", "sources", "settings",
    ]
    static let sourceKeys = ["name", "entity", "path", "id_space", "columns", "delimiter", "encoding", "decimal"]
    static let settingKeys = [
        "period", "periods", "active_days", "dormant_days", "z4_min_purchases", "abc_a_percent",
        "abc_b_percent", "second_order_windows", "response_window_days", "cancelled_statuses",
        "prospect_interaction_types", "max_reject_rate", "phone_country_code", "deduplicate", "pseudonymize",
    ]
    static let deduplicateKeys = DeduplicationSettings.Rule.allCases.map(\.rawValue) + [
        "max_block_size", "max_candidate_pairs", "overrides",
    ]

    /// Loads the pipeline file at `path`; throws a `ProblemList` with every problem found.
    package static func load(path: String) throws(ProblemList) -> Pipeline {
        let bytes: [UInt8]
        do {
            bytes = try readWholeFile(path)
        } catch {
            throw ProblemList([BestandError(.pipeline, error.message, location: error.location)])
        }
        return try parse(bytes, path: path)
    }

    /// Checks pipeline JSON text; `path` names the file in messages and anchors relative paths.
    package static func parse(_ bytes: [UInt8], path: String) throws(ProblemList) -> Pipeline {
        let root: JSONNode
        do {
            root = try JSONNode.parse(bytes)
        } catch {
            throw ProblemList([
                BestandError(
                    .pipeline, "pipeline file is not valid JSON: \(error.message)",
                    location: SourceLocation(path: path, line: error.position.line, column: error.position.column))
            ])
        }
        var checker = Checker(path: path)
        let pipeline = checker.pipeline(root)
        guard checker.problems.isEmpty, let pipeline else { throw ProblemList(checker.problems) }
        return pipeline
    }

    static func readWholeFile(_ path: String) throws(BestandError) -> [UInt8] {
        let file = try FileBytes(path: path, displayPath: path)
        var bytes: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let count = try file.read(into: chunk.baseAddress!, count: chunk.count)
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}

/// Walks the JSON tree of a pipeline file and records each problem with its position.
private struct Checker {
    let path: String
    var problems: [BestandError] = []

    init(path: String) {
        self.path = path
    }

    mutating func fail(_ message: String, at position: TextPosition) {
        problems.append(
            BestandError(.pipeline, message, location: SourceLocation(path: path, line: position.line, column: position.column)))
    }

    /// The members of an object node, after reporting unknown and repeated keys.
    mutating func members(_ node: JSONNode, known: [String], context: String) -> [String: JSONNode]? {
        guard case .object(let list) = node.value else {
            fail("\(context) must be an object, found \(node.value.typeName)", at: node.position)
            return nil
        }
        var result: [String: JSONNode] = [:]
        for member in list {
            if !known.contains(member.key) {
                var message = "unknown key \"\(member.key)\" in \(context)"
                if let suggestion = Suggestion.closest(to: member.key, in: known) {
                    message += " — did you mean \"\(suggestion)\"?"
                } else {
                    message += " — known keys: \(known.joined(separator: ", "))"
                }
                fail(message, at: member.keyPosition)
            } else if result[member.key] != nil {
                fail("key \"\(member.key)\" appears twice in \(context)", at: member.keyPosition)
            } else {
                result[member.key] = member.value
            }
        }
        return result
    }

    mutating func string(_ node: JSONNode?, _ key: String) -> String? {
        guard let node else { return nil }
        guard case .string(let text) = node.value else {
            fail("\"\(key)\" must be a string, found \(node.value.typeName)", at: node.position)
            return nil
        }
        return text
    }

    mutating func integer(_ node: JSONNode?, _ key: String, range: ClosedRange<Int>) -> Int? {
        guard let node else { return nil }
        guard case .number(let value, _) = node.value, value.rounded() == value, range.contains(Int(exactly: value) ?? Int.min)
        else {
            fail("\"\(key)\" must be a whole number from \(range.lowerBound) to \(range.upperBound)", at: node.position)
            return nil
        }
        return Int(value)
    }

    mutating func strings(_ node: JSONNode?, _ key: String) -> [String]? {
        guard let node else { return nil }
        guard case .array(let items) = node.value else {
            fail("\"\(key)\" must be an array of strings, found \(node.value.typeName)", at: node.position)
            return nil
        }
        var result: [String] = []
        for item in items {
            if let text = string(item, key) { result.append(text) }
        }
        return result
    }

    mutating func oneOf(_ node: JSONNode?, _ key: String, _ allowed: [String]) -> String? {
        guard let node, let text = string(node, key) else { return nil }
        guard allowed.contains(text) else {
            var message = "\"\(key)\" must be one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", ")), found \"\(text)\""
            if let suggestion = Suggestion.closest(to: text, in: allowed) { message += " — did you mean \"\(suggestion)\"?" }
            fail(message, at: node.position)
            return nil
        }
        return text
    }

    // MARK: - The pipeline

    mutating func pipeline(_ root: JSONNode) -> Pipeline? {
        guard let top = members(root, known: PipelineLoader.topLevelKeys, context: "the pipeline file") else { return nil }
        let name = string(top["name"], "name")
        if top["name"] == nil { fail("the pipeline file needs a \"name\"", at: root.position) }
        if let name, name.isEmpty || name.contains("/") || name.hasPrefix(".") {
            fail("\"name\" must be a non-empty name without \"/\" and not starting with \".\"", at: top["name"]!.position)
        }

        var asOf: Int32?
        if let text = string(top["as_of"], "as_of") {
            asOf = Day.parseISO(text)
            if asOf == nil { fail("\"as_of\" must be a date YYYY-MM-DD, found \"\(text)\"", at: top["as_of"]!.position) }
        }
        let zoneName = string(top["timezone"], "timezone") ?? "Europe/Berlin"
        let zone = TimeZone(identifier: zoneName)
        if zone == nil {
            fail(
                "unknown time zone \"\(zoneName)\" — use an IANA name such as \"Europe/Berlin\"",
                at: top["timezone"]?.position ?? root.position)
        }
        let language = oneOf(top["language"], "language", ["en", "de"]).flatMap(ReportLanguage.init) ?? .en
        let stages = stageList(top["stages"])
        let settings = top["settings"].map { self.settings($0) } ?? Settings()
        var sources: [SourceConfig] = []
        if let node = top["sources"] {
            if case .array(let items) = node.value {
                if items.isEmpty { fail("\"sources\" is empty: name at least one input file", at: node.position) }
                for item in items { if let source = source(item) { sources.append(source) } }
                checkUniqueNames(items, sources)
            } else {
                fail("\"sources\" must be an array of objects, found \(node.value.typeName)", at: node.position)
            }
        } else {
            fail("the pipeline file needs \"sources\"", at: root.position)
        }
        guard let name, let zone else { return nil }
        return Pipeline(
            name: name, path: path, folder: (path as NSString).deletingLastPathComponent, asOf: asOf,
            timeZone: zone, timeZoneName: zoneName,
            currency: string(top["currency"], "currency") ?? "EUR", language: language,
            output: string(top["output"], "output"), stages: stages ?? StageName.allCases,
            sources: sources, settings: settings)
    }

    mutating func checkUniqueNames(_ items: [JSONNode], _ sources: [SourceConfig]) {
        var seen = Set<String>()
        for (item, source) in zip(items, sources) where !seen.insert(source.name).inserted {
            fail("two sources are named \"\(source.name)\": source names must be unique", at: item.position)
        }
    }

    mutating func stageList(_ node: JSONNode?) -> [StageName]? {
        guard let node, let names = strings(node, "stages") else { return nil }
        var stages: [StageName] = []
        for name in names {
            guard let stage = StageName(rawValue: name) else {
                var message = "unknown stage \"\(name)\""
                if let suggestion = Suggestion.closest(to: name, in: StageName.allCases.map(\.rawValue)) {
                    message += " — did you mean \"\(suggestion)\"?"
                }
                fail(message, at: node.position)
                return nil
            }
            stages.append(stage)
        }
        let required: [StageName] = [.ingest, .enrich, .score, .export]
        let expected = stages.contains(.deduplicate) ? StageName.allCases : required
        if stages != expected {
            fail(
                "\"stages\" must be \(StageName.allCases.map(\.rawValue).joined(separator: ", ")) in this order (deduplicate may be left out), found \(names.joined(separator: ", "))",
                at: node.position)
            return nil
        }
        return stages
    }

    mutating func source(_ node: JSONNode) -> SourceConfig? {
        guard let fields = members(node, known: PipelineLoader.sourceKeys, context: "a source") else { return nil }
        for key in ["name", "entity", "path"] where fields[key] == nil {
            fail("a source needs \"\(key)\"", at: node.position)
        }
        let name = string(fields["name"], "name")
        let entity = oneOf(fields["entity"], "entity", Entity.allCases.map(\.rawValue)).flatMap(Entity.init)
        let path = string(fields["path"], "path")
        if let path, path.isEmpty { fail("\"path\" is empty", at: fields["path"]!.position) }
        let idSpace = string(fields["id_space"], "id_space")
        var columns: [String: String] = [:]
        if let node = fields["columns"], let entity {
            columns = columnMap(node, entity: entity)
        }
        var delimiter: UInt8?
        if let text = oneOf(fields["delimiter"], "delimiter", [",", ";", "\t", "|", "tab"]) {
            delimiter = text == "tab" ? UInt8(ascii: "\t") : text.utf8.first
        }
        let encoding = oneOf(fields["encoding"], "encoding", ["utf-8", "windows-1252"]).flatMap(TextEncoding.init)
        let decimal = oneOf(fields["decimal"], "decimal", [",", "."]).flatMap(\.utf8.first)
        guard let name, let entity, let path else { return nil }
        return SourceConfig(
            name: name, entity: entity, path: path, idSpace: idSpace ?? name, columns: columns,
            delimiter: delimiter, encoding: encoding, decimalSeparator: decimal)
    }

    mutating func columnMap(_ node: JSONNode, entity: Entity) -> [String: String] {
        guard let map = members(node, known: entity.fields, context: "\"columns\" of a \(entity.rawValue) source") else {
            return [:]
        }
        var result: [String: String] = [:]
        for (field, value) in map {
            if let header = string(value, field) { result[field] = header }
        }
        return result
    }

    mutating func settings(_ node: JSONNode) -> Settings {
        var settings = Settings()
        guard let map = members(node, known: PipelineLoader.settingKeys, context: "\"settings\"") else { return settings }
        if let period = oneOf(map["period"], "period", ["month", "quarter", "year"]).flatMap(PeriodKind.init) {
            settings.period = period
        }
        settings.periods = integer(map["periods"], "periods", range: 1...1000) ?? settings.periods
        settings.activeDays = integer(map["active_days"], "active_days", range: 0...100_000) ?? settings.activeDays
        settings.dormantDays = integer(map["dormant_days"], "dormant_days", range: 0...100_000) ?? settings.dormantDays
        settings.z4MinPurchases = integer(map["z4_min_purchases"], "z4_min_purchases", range: 2...1000) ?? settings.z4MinPurchases
        settings.abcAPercent = integer(map["abc_a_percent"], "abc_a_percent", range: 0...100) ?? settings.abcAPercent
        settings.abcBPercent = integer(map["abc_b_percent"], "abc_b_percent", range: 0...100) ?? settings.abcBPercent
        if settings.abcAPercent > settings.abcBPercent {
            fail("\"abc_a_percent\" must not be larger than \"abc_b_percent\"", at: map["abc_a_percent"]?.position ?? node.position)
        }
        if settings.activeDays > settings.dormantDays {
            fail("\"active_days\" must not be larger than \"dormant_days\"", at: map["active_days"]?.position ?? node.position)
        }
        if let windowsNode = map["second_order_windows"] {
            if case .array(let items) = windowsNode.value, !items.isEmpty {
                let windows = items.compactMap { integer($0, "second_order_windows", range: 1...100_000) }
                if windows.count == items.count { settings.secondOrderWindows = Array(Set(windows)).sorted() }
            } else {
                fail("\"second_order_windows\" must be a non-empty array of whole numbers of days", at: windowsNode.position)
            }
        }
        settings.responseWindowDays =
            integer(map["response_window_days"], "response_window_days", range: 0...100_000) ?? settings.responseWindowDays
        settings.cancelledStatuses = strings(map["cancelled_statuses"], "cancelled_statuses") ?? settings.cancelledStatuses
        settings.prospectInteractionTypes =
            strings(map["prospect_interaction_types"], "prospect_interaction_types") ?? settings.prospectInteractionTypes
        if let rateNode = map["max_reject_rate"] {
            if case .number(let rate, _) = rateNode.value, (0...1).contains(rate) {
                settings.maxRejectRate = rate
            } else {
                fail("\"max_reject_rate\" must be a number from 0 to 1", at: rateNode.position)
            }
        }
        if let code = string(map["phone_country_code"], "phone_country_code") {
            if !code.isEmpty, code.count <= 4, code.allSatisfy({ $0.isASCII && $0.isNumber }) {
                settings.phoneCountryCode = code
            } else {
                fail("\"phone_country_code\" must be 1 to 4 digits, such as \"49\"", at: map["phone_country_code"]!.position)
            }
        }
        if let node = map["deduplicate"] { settings.deduplicate = deduplication(node) }
        if let path = string(map["pseudonymize"], "pseudonymize") {
            if path.isEmpty { fail("\"pseudonymize\" must name a key file", at: map["pseudonymize"]!.position) }
            settings.pseudonymize = path
        }
        return settings
    }

    mutating func deduplication(_ node: JSONNode) -> DeduplicationSettings {
        var result = DeduplicationSettings()
        guard let map = members(node, known: PipelineLoader.deduplicateKeys, context: "\"deduplicate\"") else { return result }
        for rule in DeduplicationSettings.Rule.allCases {
            guard let value = map[rule.rawValue] else { continue }
            if case .bool(let on) = value.value {
                if !on { result.enabled.remove(rule) }
                continue
            }
            var known = ["enabled"]
            if rule != .email && rule != .vatId { known.append("name_similarity") }
            if rule == .addressName { known += ["street_similarity", "blocking"] }
            guard let options = members(value, known: known, context: "rule \"\(rule.rawValue)\" (true, false or an object)") else { continue }
            if let enabled = options["enabled"] {
                if case .bool(let on) = enabled.value {
                    if !on { result.enabled.remove(rule) }
                } else {
                    fail("\"enabled\" must be true or false", at: enabled.position)
                }
            }
            if let similarity = fraction(options["name_similarity"], "name_similarity") { result.nameSimilarity[rule] = similarity }
            if let similarity = fraction(options["street_similarity"], "street_similarity") { result.streetSimilarity = similarity }
            if let blocking = oneOf(options["blocking"], "blocking", ["postcode+number", "postcode"]) {
                result.addressBlocking = DeduplicationSettings.AddressBlocking(rawValue: blocking)!
            }
        }
        result.maxBlockSize = integer(map["max_block_size"], "max_block_size", range: 2...10_000_000) ?? result.maxBlockSize
        result.maxCandidatePairs =
            integer(map["max_candidate_pairs"], "max_candidate_pairs", range: 1...10_000_000_000) ?? result.maxCandidatePairs
        result.overrides = string(map["overrides"], "overrides")
        return result
    }

    mutating func fraction(_ node: JSONNode?, _ key: String) -> Double? {
        guard let node else { return nil }
        guard case .number(let value, _) = node.value, (0...1).contains(value) else {
            fail("\"\(key)\" must be a number from 0 to 1", at: node.position)
            return nil
        }
        return value
    }
}
