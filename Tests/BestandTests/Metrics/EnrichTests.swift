import Testing

@testable import Bestand

/// Hand-checked cases for the definitions of SPEC §5.
@Suite struct EnrichTests {
    static func day(_ text: String) -> Int32 { Day.parseISO(text)! }

    @Test func purchaseDaysWithSameDayOrdersCreditNotesAndCancellations() throws {
        // As of 2025-06-30.
        // A: Jan 10 100.00 − 30.00 (credit, same day): net 70 > 0 → a purchase day.
        //    Feb 1 50.00 − 50.00: net 0 → not a purchase day.
        //    Mar 1 80.00 storniert → ignored.   Apr 1 −20.00 alone → net < 0, not a purchase day.
        //    Jul 1 40.00 → after the as-of date, ignored.
        //    purchases 1 → Z2; revenue_total 70 + 0 − 20 = 50.00; first = last = Jan 10;
        //    days_since_last = 21 + 28 + 31 + 30 + 31 + 30 = 171.
        // B: 2024-06-30 100.00 (t − 365: outside the 12 months); 2024-07-01 10.00 + 20.00 (t − 364: inside).
        //    purchases 2 → Z3; revenue_total 130.00; revenue_12m 30.00.
        let analysis = try analyze(
            orders: """
                1,A,2025-01-10,100.00,
                2,A,2025-01-10,-30.00,
                3,A,2025-02-01,50.00,
                4,A,2025-02-01,-50.00,
                5,A,2025-03-01,80.00,storniert
                6,A,2025-04-01,-20.00,
                7,A,2025-07-01,40.00,
                8,B,2024-06-30,100.00,paid
                9,B,2024-07-01,10.00,paid
                10,B,2024-07-01,20.00,Teilstorno

                """)
        let p = analysis.profiles
        let a = p.master("A")
        let b = p.master("B")
        #expect(p.history.purchaseCount(a) == 1)
        #expect(p.stage[a] == .z2)
        #expect(p.revenueTotal[a] == 5000)
        #expect(p.revenue12Months[a] == 5000)
        #expect(p.history.purchaseDay(a, 0) == Self.day("2025-01-10"))
        #expect(p.history.lastPurchase(a) == Self.day("2025-01-10"))
        #expect(p.asOf - p.history.lastPurchase(a)! == 171)
        #expect(p.history.purchaseCount(b) == 2)
        #expect(p.stage[b] == .z3)
        #expect(p.revenueTotal[b] == 13000)
        #expect(p.revenue12Months[b] == 3000)
    }

    @Test func stagesAndActivity() throws {
        // As of 2025-06-30, active_days 365, dormant_days 1825, z4_min_purchases 3.
        // R: three purchase days → Z4; last 2025-06-30 → 0 days → active.
        // L: one purchase 2024-06-30 → 365 days → still active (≤ 365).
        // M: one purchase 2024-06-29 → 366 days → lapsed.
        // D: one purchase 2020-06-30 → 1826 days → dormant (1825 is the last lapsed day:
        //    2020-07-01 → 1825 days).
        // P: an "Angebot" interaction only → Z1, never; Q: a "Reklamation" only → Z0, never.
        let analysis = try analyze(
            orders: """
                1,R,2025-01-01,10.00,
                2,R,2025-02-01,10.00,
                3,R,2025-06-30,10.00,
                4,L,2024-06-30,10.00,
                5,M,2024-06-29,10.00,
                6,D,2020-06-30,10.00,
                7,E,2020-07-01,10.00,

                """,
            interactions: "P,2025-01-01,Angebot\nQ,2025-01-01,Reklamation\n")
        let p = analysis.profiles
        #expect(p.stage[p.master("R")] == .z4)
        #expect(p.activity[p.master("R")] == .active)
        #expect(p.activity[p.master("L")] == .active)
        #expect(p.activity[p.master("M")] == .lapsed)
        #expect(p.activity[p.master("E")] == .lapsed)
        #expect(p.activity[p.master("D")] == .dormant)
        #expect(p.stage[p.master("P")] == .z1)
        #expect(p.activity[p.master("P")] == .never)
        #expect(p.stage[p.master("Q")] == .z0)
    }

    @Test func abcWithATieAtTheBoundaryAndTheCustomerThatCrosses80Percent() throws {
        // revenue_12m: X 600, "10" 200, "9" 200, Y 150, Z 50, N 0, K −10. S = 1200.
        // Ranked: X, then the tie 200/200 by master_id bytes: "t:10" < "t:9", then Y, Z.
        //   X:  before 0             → 0 < 80·1200 = 96000                       → A
        //   10: before 600  → 60000  < 96000                                     → A
        //   9:  before 800  → 80000  < 96000                                     → A (crosses 80 %: 800 → 1000)
        //   Y:  before 1000 → 100000 ≥ 96000, < 95·1200 = 114000                 → B
        //   Z:  before 1150 → 115000 ≥ 114000                                    → C
        //   N, K: revenue ≤ 0 → no class.
        let analysis = try analyze(
            orders: """
                1,X,2025-01-01,600.00,
                2,10,2025-01-01,200.00,
                3,9,2025-01-01,200.00,
                4,Y,2025-01-01,150.00,
                5,Z,2025-01-01,50.00,
                6,N,2025-01-01,10.00,
                7,N,2025-01-02,-10.00,
                8,K,2025-01-01,-10.00,

                """)
        let p = analysis.profiles
        #expect(p.abc[p.master("X")] == .a)
        #expect(p.abc[p.master("10")] == .a)
        #expect(p.abc[p.master("9")] == .a)
        #expect(p.abc[p.master("Y")] == .b)
        #expect(p.abc[p.master("Z")] == .c)
        #expect(p.abc[p.master("N")] == nil)
        #expect(p.abc[p.master("K")] == nil)
    }

    @Test func abcTieDecidesTheClassByMasterId() {
        // 600, 200, 200 of S = 1000: the first 200 starts at 60 % (A), the second at 80 % (not < 80 %: B).
        let classes = ABCClassification.classify(revenue: [20_000, 60_000, 20_000], idRank: [2, 0, 1], aPercent: 80, bPercent: 95)
        #expect(classes == [.b, .a, .a])
    }

    @Test func rfmScoresWithSevenBuyers() throws {
        // n = 7: score = floor((rank − 1)·5/7) + 1 → ranks 1…7 score 1, 1, 2, 3, 3, 4, 5.
        // c1 buys on Jan 1 for 70.00, …, c7 on Jan 7 for 10.00; one purchase each.
        // R (days since last descending): c1 … c7 → 1, 1, 2, 3, 3, 4, 5.
        // F (purchases ascending, all 1, then master_id): c1 … c7 → 1, 1, 2, 3, 3, 4, 5.
        // M (revenue ascending): c7 … c1 → c7 1, c6 1, c5 2, c4 3, c3 3, c2 4, c1 5.
        // P has no purchase: no scores.
        let orders = (1...7).map { "\($0),c\($0),2025-01-0\($0),\(80 - 10 * $0).00,\n" }.joined()
        let analysis = try analyze(orders: orders + "8,P,2025-01-01,5.00,cancelled\n")
        let p = analysis.profiles
        let customers = (1...7).map { p.master("c\($0)") }
        #expect(customers.map { p.recency[$0] } == [1, 1, 2, 3, 3, 4, 5])
        #expect(customers.map { p.frequency[$0] } == [1, 1, 2, 3, 3, 4, 5])
        #expect(customers.map { p.monetary[$0] } == [5, 4, 3, 3, 2, 1, 1])
        #expect(p.recency[p.master("P")] == 0)
    }

    @Test func referenceOnlyKeysBecomeCustomersOnlyUpToTheAsOfDate() throws {
        // A is named only by an order after the as-of date: not a customer. B by an inquiry before it.
        let analysis = try analyze(orders: "1,A,2025-07-01,10.00,\n", interactions: "B,2025-06-30,Anfrage\n")
        #expect(analysis.profiles.base.masterId == ["t:B"])
    }

    @Test func repeatedOrderIdsKeepTheLastOccurrence() throws {
        // Order 1 appears three times: unchanged (identical), then with another amount (conflicting).
        // The last one, 30.00, counts.
        let analysis = try analyze(orders: "1,A,2025-01-01,10.00,\n1,A,2025-01-01,10.00,\n1,A,2025-01-01,30.00,\n")
        let p = analysis.profiles
        #expect(p.revenueTotal[p.master("A")] == 3000)
        #expect(p.base.dataset.orders.repeats == OrderRepeats(identical: 1, conflicting: 1))
        #expect(p.base.dataset.orders.acceptedRows == 3)
        #expect(p.base.dataset.orders.uniqueOrders == 1)
    }

    @Test func amountsBeyond32BitsWidenTheColumnAndKeepEveryCent() throws {
        // 25,000,000.00 is more cents than 32 bits hold: the column widens, the earlier amount stays.
        let analysis = try analyze(orders: "1,A,2025-01-01,10.00,\n2,A,2025-01-02,25000000.00,\n3,B,2025-01-03,-0.01,\n")
        let p = analysis.profiles
        #expect(p.revenueTotal[p.master("A")] == 2_500_001_000)
        #expect(p.revenueTotal[p.master("B")] == -1)
        #expect(p.history.purchaseCount(p.master("A")) == 2)
    }

    @Test func aDaySumBeyond32BitsWidensTheHistory() throws {
        // Each amount fits 32 bits, their sum on 1 January does not.
        let analysis = try analyze(
            orders: "1,A,2025-01-01,20000000.00,\n2,A,2025-01-01,20000000.00,\n3,A,2025-01-05,1.00,\n4,B,2025-01-01,-3.00,\n")
        let p = analysis.profiles
        #expect(p.revenueTotal[p.master("A")] == 4_000_000_100)
        #expect(p.revenue12Months[p.master("A")] == 4_000_000_100)
        #expect(p.history.purchaseCount(p.master("A")) == 2)
        #expect(p.revenueTotal[p.master("B")] == -300)
    }
}
