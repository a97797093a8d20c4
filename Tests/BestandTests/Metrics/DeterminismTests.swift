import Testing

@testable import Bestand

/// Properties over generated data: input order does not matter, and rates stay in 0…1.
@Suite struct DeterminismTests {
    /// Orders (unique ids), inquiries, sends and responses for `customers` customers over 2022–2025.
    static func generated(seed: UInt64, customers: Int = 60) -> (
        orders: [String], interactions: [String], contacts: [String], responses: [String]
    ) {
        var random = SeededRandom(seed: seed)
        var orders: [String] = []
        var interactions: [String] = []
        var contacts: [String] = []
        var responses: [String] = []
        let start = Day.parseISO("2022-01-01")!
        for customer in 0..<customers {
            let count = Int.random(in: 0...8, using: &random)
            for _ in 0..<count {
                let day = start + Int32.random(in: 0..<1400, using: &random)
                let cents = Int.random(in: -2_000...50_000, using: &random)
                let status = ["", "paid", "storniert", "Storno"][Int.random(in: 0..<4, using: &random)]
                orders.append("O\(orders.count),C\(customer),\(Day.iso(day)),\(Decimal.money(Int64(cents))),\(status)")
            }
            if Bool.random(using: &random) {
                interactions.append("C\(customer),\(Day.iso(start + Int32.random(in: 0..<1400, using: &random))),Anfrage")
            }
            for campaign in ["A", "B", "C"] where Int.random(in: 0..<3, using: &random) == 0 {
                let sent = start + Int32.random(in: 300..<1300, using: &random)
                contacts.append("\(campaign),C\(customer),\(Day.iso(sent))")
                if Bool.random(using: &random) {
                    responses.append("\(campaign),C\(customer),\(Day.iso(sent + Int32.random(in: -5...40, using: &random)))")
                }
            }
        }
        return (orders, interactions, contacts, responses)
    }

    static func tables(_ analysis: Analysis) -> [String] {
        let profiles = analysis.profiles
        let writers = [
            CustomersTable.render(profiles),
            SegmentsTable.render(SegmentsTable.rows(profiles), totalRevenue: profiles.revenue12Months.reduce(0, +)),
            ScoreTables.retention(analysis.scores), ScoreTables.cohorts(analysis.scores),
            ScoreTables.secondOrder(analysis.scores), ScoreTables.campaigns(analysis.scores),
            IdentityTables.keys(profiles.base),
        ]
        return writers.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    static func run(_ data: (orders: [String], interactions: [String], contacts: [String], responses: [String])) throws -> Analysis {
        var settings = Settings()
        settings.period = .month
        settings.periods = 12
        return try analyze(
            orders: data.orders.joined(separator: "\n") + "\n", interactions: data.interactions.joined(separator: "\n") + "\n",
            contacts: data.contacts.joined(separator: "\n") + "\n", responses: data.responses.joined(separator: "\n") + "\n",
            asOf: "2025-06-30", settings: settings)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func shufflingInputRowsChangesNoOutput(seed: UInt64) throws {
        let data = Self.generated(seed: seed)
        let original = try Self.tables(Self.run(data))
        var random = SeededRandom(seed: seed &* 977)
        let shuffled = (
            data.orders.shuffled(using: &random), data.interactions.shuffled(using: &random),
            data.contacts.shuffled(using: &random), data.responses.shuffled(using: &random)
        )
        let again = try Self.tables(Self.run(shuffled))
        for (a, b) in zip(original, again) { #expect(a == b) }
        // Not vacuous: the generated data has buyers, classes and campaign rows.
        #expect(original[0].split(separator: "\n").count > 40)
        #expect(original[5].split(separator: "\n").count > 4)
    }

    @Test(arguments: [4, 5, 6] as [UInt64])
    func everyRateLiesBetweenZeroAndOne(seed: UInt64) throws {
        let analysis = try Self.run(Self.generated(seed: seed))
        let scores = analysis.scores
        for row in scores.retention where row.activePrevious > 0 {
            #expect((0...row.activePrevious).contains(row.retained))
            #expect(row.grossRetainedRevenue <= max(0, row.revenuePrevious))
        }
        for row in scores.cohorts { #expect((0...row.cohortSize).contains(row.active)) }
        for row in scores.secondOrder { #expect((0...row.eligible).contains(row.converted)) }
        for row in scores.campaigns {
            #expect((0...row.recipients).contains(row.responders))
            #expect((0...row.recipients).contains(row.converters))
            if let bounds = WilsonInterval.bounds(successes: row.responders, trials: row.recipients) {
                let rate = Double(row.responders) / Double(row.recipients)
                #expect(0 <= bounds.low && bounds.low <= rate && rate <= bounds.high && bounds.high <= 1)
            }
        }
        // Segments partition the customers three ways.
        let segments = SegmentsTable.rows(analysis.profiles)
        for dimension in ["stage", "activity", "abc"] {
            #expect(segments.filter { $0.dimension == dimension }.reduce(0) { $0 + $1.customers } == analysis.profiles.count)
        }
    }

    /// Export renders customers.csv in two parts side by side: any split, appended, gives the
    /// table rendered whole.
    @Test func customersTableInTwoPartsEqualsTheWhole() throws {
        let profiles = try Self.run(Self.generated(seed: 7)).profiles
        let whole = CustomersTable.render(profiles).bytes
        let count = profiles.byMasterId.count
        #expect(count > 40)
        for split in [0, 1, count / 2, count - 1, count] {
            var first = CustomersTable.render(profiles, rows: 0..<split)
            first.append(rowsOf: CustomersTable.laterRows(profiles, split..<count))
            #expect(first.bytes == whole, "split at \(split)")
        }
        // The later part has no header of its own.
        let rest = CustomersTable.laterRows(profiles, 1..<count).bytes
        #expect(!rest.starts(with: Array("master_id".utf8)))
        #expect(rest.count < whole.count)
    }
}
