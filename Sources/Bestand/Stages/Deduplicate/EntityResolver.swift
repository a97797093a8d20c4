import Dispatch
import Foundation

/// Clusters customer keys into master customers by the matching rules of SPEC §4.
///
/// Blocking keeps the work near-linear: records are compared only within a block (same e-mail,
/// VAT id, phone, postcode and house number, or birth date). Blocks larger than
/// `maxBlockSize` are skipped and reported; when the blocks would still yield more than
/// `maxCandidatePairs` comparisons, the run is refused before any is made. Clusters are the
/// connected components of the links (union-find), built in a fixed order so that a
/// `never_merge` override can veto a link. O(records + candidate pairs · name length²).
struct EntityResolver {
    let settings: DeduplicationSettings
    let phoneCountryCode: String

    /// A link between two records, with the rule that made it and the similarities that did
    /// (32 bytes: a large run finds millions; the text for merges.csv is made for merges only).
    struct Link {
        var a: Int32
        var b: Int32
        var rule: DeduplicationSettings.Rule
        /// Name similarity (1 for the exact rules).
        var name: Double = 1
        /// Street similarity (address_name only).
        var street: Double = 1

        /// The link's score: the name similarity, for address_name the lower of name and street.
        var score: Double { rule == .addressName ? min(name, street) : name }

        /// The fields that agreed, as merges.csv shows them: `phone, name 0.93`.
        var fields: String {
            let nameText = "name " + Decimal.fixed(name, decimals: 2)
            switch rule {
            case .email: return "email"
            case .vatId: return "vat_id"
            case .phoneName: return "phone, " + nameText
            case .addressName: return "postcode, street " + Decimal.fixed(street, decimals: 2) + ", house number, " + nameText
            case .nameBirthDate: return "birth_date, " + nameText
            }
        }
    }

    /// What resolution did, for run.json and the report.
    struct Outcome {
        var keyLinks: [Merge]
        var union: UnionFind
        var report: ResolutionReport
    }

    func resolve(_ dataset: Dataset, overrides: [Override], keyOrder: Deduplicate.KeyOrder) throws(BestandError) -> Outcome {
        let customers = dataset.customers
        var records = prepare(customers)
        let keyOfRecord = customers.key
        var report = ResolutionReport()
        var links: [Link] = []

        // The blocks of every enabled rule, built side by side on all cores.
        let rules = DeduplicationSettings.Rule.allCases.filter { settings.enabled.contains($0) }
        let groupsOfRule = blocks(records, rules: rules)

        // Exact rules: records sharing the value are one customer; a chain of links suffices.
        for (rule, groups) in zip(rules, groupsOfRule) where rule == .email || rule == .vatId {
            for rows in groups where rows.count > settings.maxBlockSize { report.skip(rule, size: rows.count) }
            links += exactLinks(groups, rule: rule, customers: customers, keyOfRecord: keyOfRecord, keyOrder: keyOrder)
        }

        // Pairwise rules: compare within blocks after checking the pair budget.
        let pairwise = zip(rules, groupsOfRule).filter { $0.0 != .email && $0.0 != .vatId }
        var candidatePairs = 0
        for (rule, groups) in pairwise {
            for rows in groups {
                if rows.count > settings.maxBlockSize {
                    report.skip(rule, size: rows.count)
                } else {
                    candidatePairs += rows.count * (rows.count - 1) / 2
                }
            }
        }
        report.candidatePairs = candidatePairs
        guard candidatePairs <= settings.maxCandidatePairs else {
            throw BestandError(
                .pipeline,
                "deduplicate: the blocking yields \(candidatePairs) candidate pairs, more than max_candidate_pairs (\(settings.maxCandidatePairs)) — use a tighter blocking (address_name \"blocking\": \"postcode+number\") or a smaller \"max_block_size\""
            )
        }
        prepareNames(&records, customers: customers, compared: pairwise.map(\.1))
        for (rule, groups) in pairwise {
            links += compare(records, blocks: groups, keyOfRecord: keyOfRecord, rule: rule)
        }
        let outcome = cluster(links, records: records, keyOrder: keyOrder, overrides: overrides, report: report)
        // Freeing a million records with their strings takes a core about 0.2 s: another core
        // does it while the golden records are built.
        let doomed = Doomed()
        swap(&doomed.records, &records)
        DispatchQueue.global().async { doomed.records = [] }
        return outcome
    }

    /// The links of an exact rule (e-mail, VAT id) in its blocks, those larger than
    /// `maxBlockSize` left out. A block holds the records of one hashed value: the values
    /// themselves are compared (as exported, or normalised again from the customer table on the
    /// stack where the exports differ), so that only equal values link, each to the next in key
    /// order.
    private func exactLinks(
        _ blocks: Blocks, rule: DeduplicationSettings.Rule, customers: CustomerTable, keyOfRecord: [Int32],
        keyOrder: Deduplicate.KeyOrder
    ) -> [Link] {
        let column = rule == .email ? customers.email : customers.vatId
        /// The normalised value of record `row`, into `buffer` (emptied first).
        func normalized(_ row: Int32, into buffer: inout [UInt8]) {
            buffer.removeAll(keepingCapacity: true)
            if rule == .email {
                _ = column.withBytes(Int(row)) { EmailNormalizer.withNormalized(utf8: $0) { buffer.append(contentsOf: $0) } }
            } else if let vatId = EmailNormalizer.vatId(column[Int(row)]) {
                buffer.append(contentsOf: vatId.utf8)
            }
        }
        /// Whether record `b` holds the value of record `a`, whose normalised value `first` holds
        /// once it was needed: the same exported bytes normalise alike.
        func sameValue(_ a: Int32, _ b: Int32, first: inout [UInt8], firstMade: inout Bool, other: inout [UInt8]) -> Bool {
            let exported = column.withBytes(Int(a)) { a in column.withBytes(Int(b)) { b in a.elementsEqual(b) } }
            if exported { return true }
            if !firstMade {
                normalized(a, into: &first)
                firstMade = true
            }
            normalized(b, into: &other)
            return other == first
        }
        func precedes(_ a: Int32, _ b: Int32) -> Bool { keyOrder.precedes(keyOfRecord[Int(a)], keyOfRecord[Int(b)]) }
        var links: [Link] = []
        var first: [UInt8] = []
        var other: [UInt8] = []
        for rows in blocks where rows.count <= settings.maxBlockSize {
            // A block holds one value (barring a hash collision): then the rows need only the
            // key order, the same order as below.
            var firstMade = false
            let oneValue = rows.dropFirst().allSatisfy {
                sameValue(rows.first!, $0, first: &first, firstMade: &firstMade, other: &other)
            }
            if oneValue {
                let sorted = rows.sorted(by: precedes)
                for (a, b) in zip(sorted, sorted.dropFirst()) where keyOfRecord[Int(a)] != keyOfRecord[Int(b)] {
                    links.append(Link(a: a, b: b, rule: rule))
                }
                continue
            }
            let sorted = rows.map { row -> (value: [UInt8], row: Int32) in
                normalized(row, into: &other)
                return (other, row)
            }.sorted { $0.value != $1.value ? $0.value.lexicographicallyPrecedes($1.value) : precedes($0.row, $1.row) }
            for (a, b) in zip(sorted, sorted.dropFirst())
            where keyOfRecord[Int(a.row)] != keyOfRecord[Int(b.row)] && a.value == b.value {
                links.append(Link(a: a.row, b: b.row, rule: rule))
            }
        }
        return links
    }

    /// The records that the caller hands over for freeing on another thread.
    private final class Doomed: @unchecked Sendable {
        var records: [MatchRecord] = []
    }

    /// The links that `rule` makes within the blocks it can compare (not too large), compared
    /// in chunks of blocks on all cores and joined in chunk order. O(pairs · name length²).
    private func compare(_ records: [MatchRecord], blocks groups: Blocks, keyOfRecord: [Int32], rule: DeduplicationSettings.Rule)
        -> [Link]
    {
        let threshold = settings.nameSimilarity[rule] ?? 0.9
        let maxBlockSize = settings.maxBlockSize
        let found = Parallel.mapChunks(count: groups.count, minimumChunk: 256) { blocks -> [Link] in
            var found: [Link] = []
            // Records are borrowed from the buffer, never copied, for each of the pairs.
            records.withUnsafeBufferPointer { records in
                groups.rows.withUnsafeBufferPointer { members in
                    for block in blocks {
                        let rows = UnsafeBufferPointer(rebasing: members[groups.range(block)])
                        if rows.count > maxBlockSize { continue }
                        for i in 0..<rows.count {
                            for j in (i + 1)..<rows.count where keyOfRecord[Int(rows[i])] != keyOfRecord[Int(rows[j])] {
                                if let link = compare(
                                    records.baseAddress! + Int(rows[i]), records.baseAddress! + Int(rows[j]), rows[i], rows[j],
                                    rule: rule, threshold: threshold)
                                {
                                    found.append(link)
                                }
                            }
                        }
                    }
                }
            }
            return found
        }
        return Array(found.joined())
    }

    /// Normalises every customer record, in chunks on all cores; a street line written exactly
    /// as an earlier one of its chunk is normalised once. O(records).
    private func prepare(_ customers: CustomerTable) -> [MatchRecord] {
        let countryCode = phoneCountryCode
        let blocking = settings.addressBlocking
        return Parallel.map(
            count: customers.count, minimumChunk: Parallel.memoChunk(customers.count),
            state: { CellMemo<StreetNormalizer.Street>() }
        ) { streets, row in
            MatchRecord(customers, row: row, phoneCountryCode: countryCode, addressBlocking: blocking, streets: &streets)
        }
    }

    /// Prepares the names of the records that some block will compare, in place, on all cores;
    /// within a chunk, a name written exactly as an earlier one shares that one's prepared name
    /// (its array, not a copy), which the same bytes would give anyway.
    private func prepareNames(_ records: inout [MatchRecord], customers: CustomerTable, compared blocksOfRules: [Blocks]) {
        var marked = [Bool](repeating: false, count: records.count)
        for blocks in blocksOfRules {
            for rows in blocks where rows.count <= settings.maxBlockSize { for row in rows { marked[Int(row)] = true } }
        }
        let needed = marked
        records.withUnsafeMutableBufferPointer { buffer in
            let records = UnsafeMutablePointerBox(buffer.baseAddress)
            // Each record is written by the one worker whose chunk holds it.
            Parallel.forEachChunk(count: needed.count, minimumChunk: Parallel.memoChunk(needed.count)) { chunk in
                var names = CellMemo<MatchRecord.Name>()
                for row in chunk where needed[row] {
                    records.pointer![row].name = names.value(customers.name, row) { MatchRecord.Name(utf8: $0) }
                }
            }
        }
    }

    /// The link that `rule` makes between two records of one block, if any. The records are
    /// read in place (a copy of each would cost a dozen reference counts per pair).
    private func compare(
        _ a: UnsafePointer<MatchRecord>, _ b: UnsafePointer<MatchRecord>, _ rowA: Int32, _ rowB: Int32,
        rule: DeduplicationSettings.Rule, threshold: Double
    ) -> Link? {
        // The cheap check of address_name first: most pairs of an address block differ in it.
        if rule == .addressName, a.pointee.houseNumber != b.pointee.houseNumber { return nil }
        let name = MatchRecord.nameSimilarity(a, b)
        guard name >= threshold else { return nil }
        switch rule {
        case .phoneName, .nameBirthDate:
            return Link(a: rowA, b: rowB, rule: rule, name: name)
        case .addressName:
            let street =
                a.pointee.streetName == b.pointee.streetName
                ? 1 : JaroWinkler.similarity(a.pointee.streetName, b.pointee.streetName)
            guard street >= settings.streetSimilarity else { return nil }
            return Link(a: rowA, b: rowB, rule: rule, name: name, street: street)
        case .email, .vatId:
            return nil
        }
    }

    /// The blocks of each rule, built side by side on all cores.
    private func blocks(_ records: [MatchRecord], rules: [DeduplicationSettings.Rule]) -> [Blocks] {
        Parallel.map(count: rules.count, minimumChunk: 1) { index in
            blocks(records, Self.blockingKey(rules[index]))
        }
    }

    /// The blocking value of a record under `rule` (`BlockKeys.none`: the record is in no block of it).
    private static func blockingKey(_ rule: DeduplicationSettings.Rule) -> @Sendable (UnsafePointer<MatchRecord>) -> Int {
        switch rule {
        case .email: return { $0.pointee.blockKeys.email }
        case .vatId: return { $0.pointee.blockKeys.vatId }
        case .phoneName: return { $0.pointee.blockKeys.phone }
        case .addressName: return { $0.pointee.blockKeys.address }
        case .nameBirthDate:
            return { $0.pointee.birthDate == noDay ? MatchRecord.BlockKeys.none : Int($0.pointee.birthDate) }
        }
    }

    /// Groups record indexes by the hash of a blocking value (records without one are left out);
    /// only groups of two or more. The comparisons check the fields themselves, so a hash
    /// collision costs a comparison, never a wrong link. Groups come in order of their first record.
    private func blocks(_ records: [MatchRecord], _ value: (UnsafePointer<MatchRecord>) -> Int) -> Blocks {
        // The records that have a value, and their values; the rest of the work is sized by
        // them (few records have a VAT id). Records are read in place (a copy each would cost a
        // dozen reference counts).
        var holders: [Int32] = []
        var keys: [Int] = []
        holders.reserveCapacity(records.count)
        keys.reserveCapacity(records.count)
        records.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let key = value(buffer.baseAddress! + index)
                if key == MatchRecord.BlockKeys.none { continue }
                holders.append(Int32(index))
                keys.append(key)
            }
        }
        // Per holder (by its position in `holders`): the next holder of its value, and for the
        // first holder of a value its last one and their count.
        var next = [Int32](repeating: -1, count: keys.count)
        var last = [Int32](repeating: -1, count: keys.count)
        var size = [Int32](repeating: 0, count: keys.count)
        // The first holder of each value: open addressing, filled to at most three quarters,
        // the slot from the high bits of the value times a constant (the values are hashes or
        // day numbers; no second hashing as in `Dictionary`).
        var bits = 1
        while 1 << bits < keys.count * 4 / 3 + 1 { bits += 1 }
        let mask = (1 << bits) - 1
        var slotValue = [Int](repeating: 0, count: 1 << bits)
        var slotFirst = [Int32](repeating: -1, count: 1 << bits)
        for (index, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
            while slotFirst[slot] >= 0, slotValue[slot] != key { slot = (slot + 1) & mask }
            let first = slotFirst[slot]
            if first >= 0 {
                next[Int(last[Int(first)])] = Int32(index)
                last[Int(first)] = Int32(index)
                size[Int(first)] += 1
            } else {
                slotValue[slot] = key
                slotFirst[slot] = Int32(index)
                last[index] = Int32(index)
                size[index] = 1
            }
        }
        var groups = Blocks()
        groups.rows.reserveCapacity(keys.count)
        for index in keys.indices where size[index] > 1 {
            var member = Int32(index)
            while member >= 0 {
                groups.rows.append(holders[Int(member)])
                member = next[Int(member)]
            }
            groups.starts.append(Int32(groups.rows.count))
        }
        return groups
    }

    /// The blocks of one rule, flat: block `i` holds the record indexes
    /// `rows[starts[i]..<starts[i + 1]]`.
    struct Blocks: RandomAccessCollection {
        fileprivate(set) var starts: [Int32] = [0]
        fileprivate(set) var rows: [Int32] = []

        var startIndex: Int { 0 }
        var endIndex: Int { starts.count - 1 }
        func range(_ index: Int) -> Range<Int> { Int(starts[index])..<Int(starts[index + 1]) }
        subscript(index: Int) -> ArraySlice<Int32> { rows[range(index)] }
    }

    // MARK: - Clustering

    /// Applies overrides and links in a fixed order; returns the links that joined two clusters.
    private func cluster(
        _ links: [Link], records: [MatchRecord], keyOrder: Deduplicate.KeyOrder, overrides: [Override], report: ResolutionReport
    ) -> Outcome {
        var report = report
        var union = UnionFind(count: keyOrder.keys.count)
        var merges: [Merge] = []
        // Each merge joins two clusters: there are fewer merges than keys, and no more than links
        // and overrides.
        merges.reserveCapacity(min(links.count + overrides.count, keyOrder.keys.count))
        // never_merge partners per cluster root.
        var forbidden: [Int32: [Int32]] = [:]
        for override in overrides where override.action == .neverMerge {
            forbidden[override.keyA, default: []].append(override.keyB)
            forbidden[override.keyB, default: []].append(override.keyA)
        }
        func join(_ a: Int32, _ b: Int32) -> Bool {
            if forbidden.isEmpty { return union.union(a, b) != nil }
            let rootA = union.find(a)
            let rootB = union.find(b)
            if rootA == rootB { return false }
            for partner in forbidden[rootA] ?? [] where union.find(partner) == rootB { return false }
            for partner in forbidden[rootB] ?? [] where union.find(partner) == rootA { return false }
            let partners = (forbidden[rootA] ?? []) + (forbidden[rootB] ?? [])
            guard let root = union.union(a, b) else { return false }
            forbidden[rootA] = nil
            forbidden[rootB] = nil
            if !partners.isEmpty { forbidden[root] = partners }
            return true
        }
        for override in overrides where override.action == .alwaysMerge {
            if join(override.keyA, override.keyB) {
                merges.append(Merge(keyA: override.keyA, keyB: override.keyB, link: nil))
            }
        }
        // Links in a fixed order: by rule, stronger first, then by their keys (then as found).
        let ruleOrder = DeduplicationSettings.Rule.allCases
        struct Placed {
            var rule: Int
            var score: Double
            var rankA: Int32
            var rankB: Int32
            var link: Int32
        }
        let placed = links.indices.map { index -> Placed in
            let link = links[index]
            let a = keyOrder.rank[Int(records[Int(link.a)].key)]
            let b = keyOrder.rank[Int(records[Int(link.b)].key)]
            return Placed(
                rule: ruleOrder.firstIndex(of: link.rule)!, score: link.score, rankA: min(a, b), rankB: max(a, b),
                link: Int32(index))
        }.sorted { x, y in
            if x.rule != y.rule { return x.rule < y.rule }
            if x.score != y.score { return x.score > y.score }
            if x.rankA != y.rankA { return x.rankA < y.rankA }
            if x.rankB != y.rankB { return x.rankB < y.rankB }
            return x.link < y.link
        }
        for entry in placed {
            let link = links[Int(entry.link)]
            let a = keyOrder.keys[Int(entry.rankA)]
            let b = keyOrder.keys[Int(entry.rankB)]
            if join(a, b) {
                merges.append(Merge(keyA: a, keyB: b, link: link))
                report.linksPerRule[link.rule.rawValue, default: 0] += 1
            } else if union.find(a) != union.find(b) {
                report.vetoed += 1
            }
        }
        return Outcome(keyLinks: merges, union: union, report: report)
    }
}

/// A hash that is the same in every run (Swift's own hashing is seeded per process), so
/// blocking, and anything a hash collision could touch, is reproducible.
struct StableHash {
    private(set) var value = 0

    /// The hash with the UTF-8 bytes of `text` (and a separator) mixed in.
    func adding(_ text: String) -> StableHash {
        var text = text
        return text.withUTF8 { adding(utf8: $0) }
    }

    /// `adding(_:)` of a text's UTF-8.
    func adding(utf8 bytes: UnsafeBufferPointer<UInt8>) -> StableHash {
        let next = (UInt64(bitPattern: Int64(value)) ^ ByteInterner.hash(bytes, tag: 0)) &* 0x9E37_79B9_7F4A_7C15
        return StableHash(value: Int(truncatingIfNeeded: next ^ (next >> 31)))
    }
}

/// A user's correction of the matching: keys that must or must not be one customer.
package struct Override: Sendable, Equatable {
    package enum Action: String, Sendable {
        case alwaysMerge = "always_merge"
        case neverMerge = "never_merge"
    }

    package var action: Action
    package var keyA: Int32
    package var keyB: Int32
}

/// Counts of what entity resolution did (run.json `deduplicate`).
package struct ResolutionReport: Sendable, Equatable {
    /// Links that joined two clusters, per rule.
    package var linksPerRule: [String: Int] = [:]
    /// Blocks too large to compare, per rule, and the largest one's size.
    package var skippedBlocks: [String: Int] = [:]
    package var largestSkippedBlock = 0
    package var candidatePairs = 0
    /// Links not applied because a never_merge override forbade them.
    package var vetoed = 0

    mutating func skip(_ rule: DeduplicationSettings.Rule, size: Int) {
        skippedBlocks[rule.rawValue, default: 0] += 1
        largestSkippedBlock = max(largestSkippedBlock, size)
    }
}
