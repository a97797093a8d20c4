import Testing

@testable import Bestand

/// Hand-checked cases for the definitions of SPEC §6.
@Suite struct ScoreTests {
    /// Five customers around the 2024/2025 year boundary, as of 2025-03-31 (the last day of
    /// Q1 2025, so Q1 is complete), two report quarters: 2024-Q4 and 2025-Q1.
    ///   A: 2024-11-01 200.00, 2025-02-01 150.00          (retained)
    ///   B: 2024-12-15 80.00                              (churned)
    ///   C: 2025-01-20 60.00                              (new in Q1)
    ///   D: 2024-05-01 50.00, 2025-03-31 40.00            (reactivated in Q1)
    ///   E: 2024-10-01 100.00, 2025-01-10 30.00, 2025-01-11 −50.00 (retained, revenue in Q1 −20)
    static let yearBoundaryOrders = """
        1,A,2024-11-01,200.00,
        2,A,2025-02-01,150.00,
        3,B,2024-12-15,80.00,
        4,C,2025-01-20,60.00,
        5,D,2024-05-01,50.00,
        6,D,2025-03-31,40.00,
        7,E,2024-10-01,100.00,
        8,E,2025-01-10,30.00,
        9,E,2025-01-11,-50.00,

        """

    static func settings(periods: Int = 2, windows: [Int] = [30, 90, 100, 107, 365]) -> Settings {
        var settings = Settings()
        settings.periods = periods
        settings.secondOrderWindows = windows
        return settings
    }

    @Test func retentionAcrossTheYearBoundary() throws {
        let analysis = try analyze(orders: Self.yearBoundaryOrders, asOf: "2025-03-31", settings: Self.settings())
        let scores = analysis.scores
        #expect(scores.periods.map(scores.calendar.label) == ["2024-Q4", "2025-Q1"])
        let q1 = scores.retention.filter { $0.period == scores.periods[1] }
        let all = q1[0]
        // P = 2025-Q1, Q = 2024-Q4. active_prev {A, B, E} = 3; active {A, C, D, E} = 4;
        // retained {A, E} = 2; churned {B} = 1; new {C} = 1; reactivated {D} = 1.
        #expect(all.segment == nil)
        #expect(all.activePrevious == 3)
        #expect(all.active == 4)
        #expect(all.retained == 2)
        #expect(all.churned == 1)
        #expect(all.new == 1)
        #expect(all.reactivated == 1)
        // revenue_prev = 200 + 80 + 100 = 380; revenue = 150 + 0 − 20 = 130.
        // GRR numerator = min(150, 200) + max(0, min(0, 80)) + max(0, min(−20, 100)) = 150.
        #expect(all.revenuePrevious == 38_000)
        #expect(all.revenue == 13_000)
        #expect(all.grossRetainedRevenue == 15_000)
        // Classes as of 2024-12-31 (12-month revenue 2024-01-02…2024-12-31): A 200, E 100, B 80,
        // D 50, S = 430. A: 0 < 34400 → A; E: 20000 < 34400 → A; B: 30000 < 34400 → A;
        // D: 38000 ≥ 34400, < 40850 → B. Class A row: active_prev {A, B, E}; class B: {} (D did
        // not buy in Q4); class C: {}.
        #expect(q1[1].segment == .a)
        #expect(q1[1].activePrevious == 3)
        #expect(q1[1].retained == 2)
        #expect(q1[1].active == 2)
        #expect(q1[1].new == nil)
        #expect(q1[1].revenuePrevious == 38_000)
        #expect(q1[2].segment == .b)
        #expect(q1[2].activePrevious == 0)
        #expect(q1[3].activePrevious == 0)
        // P = 2024-Q4, Q = 2024-Q3: nobody bought in Q3; A, B, E bought in Q4, all for the first time.
        let q4 = scores.retention[0]
        #expect(q4.activePrevious == 0)
        #expect(q4.active == 3)
        #expect(q4.new == 3)
        #expect(q4.reactivated == 0)
    }

    @Test func retentionCSVRatesAndEmptyCells() throws {
        let analysis = try analyze(orders: Self.yearBoundaryOrders, asOf: "2025-03-31", settings: Self.settings())
        let text = String(decoding: ScoreTables.retention(analysis.scores).bytes, as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        // churn 1/3 = 0.3333, retention 2/3 = 0.6667, GRR 150/380 = 0.3947, NRR 130/380 = 0.3421.
        #expect(lines[5] == "2025-Q1,all,3,2,1,1,1,4,0.3333,0.6667,380.00,130.00,0.3947,0.3421")
        #expect(lines[6] == "2025-Q1,A,3,2,1,,,2,0.3333,0.6667,380.00,130.00,0.3947,0.3421")
        #expect(lines[7] == "2025-Q1,B,0,0,0,,,0,,,0.00,0.00,,")
        // 2024-Q4: no buyers in Q3 → every rate empty.
        #expect(lines[1] == "2024-Q4,all,0,0,0,3,0,3,,,0.00,0.00,,")
    }

    @Test func incompletePeriodIsNotReported() throws {
        // As of 2025-05-15, Q2 2025 is not complete: the latest report quarter is 2025-Q1.
        let analysis = try analyze(orders: Self.yearBoundaryOrders, asOf: "2025-05-15", settings: Self.settings())
        #expect(analysis.scores.periods.map(analysis.scores.calendar.label) == ["2024-Q4", "2025-Q1"])
    }

    @Test func cohortOffsets() throws {
        // Cohort 2024-Q4: A, B, E (first purchases in Q4) → size 3; offset 0: 3; offset 1 (Q1): A, E = 2.
        // Cohort 2025-Q1: C → size 1; offset 0: 1. D's cohort is 2024-Q2, not a report period.
        let analysis = try analyze(orders: Self.yearBoundaryOrders, asOf: "2025-03-31", settings: Self.settings())
        let rows = analysis.scores.cohorts.map { [$0.cohortSize, $0.offset, $0.active] }
        #expect(rows == [[3, 0, 3], [3, 1, 2], [1, 0, 1]])
        let text = String(decoding: ScoreTables.cohorts(analysis.scores).bytes, as: UTF8.self)
        #expect(text == "cohort,cohort_size,offset,active,rate\n2024-Q4,3,0,3,1.0000\n2024-Q4,3,1,2,0.6667\n2025-Q1,1,0,1,1.0000\n")
    }

    @Test func secondOrderWindowsWithTheEligibilityCut() throws {
        // As of 2025-03-31. Cohort 2024-Q4: A first 2024-11-01, second 2025-02-01 (92 days);
        // B first 2024-12-15, no second; E first 2024-10-01, second 2025-01-10 (101 days).
        //   w 30:  all eligible (B: 2025-01-14 ≤ t); converted 0.
        //   w 90:  all eligible (B: 2025-03-15); converted 0 (92 and 101 > 90).
        //   w 100: all eligible (B: 2025-03-25); converted A (92) = 1.
        //   w 107: B not eligible (2025-04-01 > t); eligible A, E = 2; converted 2.
        //   w 365: nobody eligible.
        //   median of [92, 101]: element ⌊(2 − 1)/2⌋ = 0 → 92.
        // Cohort 2025-Q1: C first 2025-01-20: w 30 eligible (2025-02-19), w ≥ 90 not (2025-04-20).
        // all = both cohorts.
        let analysis = try analyze(orders: Self.yearBoundaryOrders, asOf: "2025-03-31", settings: Self.settings())
        let rows = analysis.scores.secondOrder.map { [$0.windowDays, $0.eligible, $0.converted, $0.medianDaysToSecond ?? -1] }
        #expect(
            rows == [
                [30, 3, 0, 92], [90, 3, 0, 92], [100, 3, 1, 92], [107, 2, 2, 92], [365, 0, 0, 92],
                [30, 1, 0, -1], [90, 0, 0, -1], [100, 0, 0, -1], [107, 0, 0, -1], [365, 0, 0, -1],
                [30, 4, 0, 92], [90, 3, 0, 92], [100, 3, 1, 92], [107, 2, 2, 92], [365, 0, 0, 92],
            ])
        #expect(analysis.scores.secondOrder.suffix(5).allSatisfy { $0.cohort == nil })
        let text = String(decoding: ScoreTables.secondOrder(analysis.scores).bytes, as: UTF8.self).split(separator: "\n")
        #expect(text[3] == "2024-Q4,100,3,1,0.3333,92")
        #expect(text[5] == "2024-Q4,365,0,0,,92")
        #expect(text[7] == "2025-Q1,90,0,0,,")
        #expect(text[11] == "all,30,4,0,0.0000,92")
    }

    @Test func lowerMedianOfAnOddAndEvenCount() throws {
        // Gaps 10, 20, 40 (odd): element 1 → 20. With a fourth gap 50: element ⌊3/2⌋ = 1 → 20.
        let orders = """
            1,A,2024-01-01,1.00,
            2,A,2024-01-11,1.00,
            3,B,2024-01-01,1.00,
            4,B,2024-01-21,1.00,
            5,C,2024-01-01,1.00,
            6,C,2024-02-10,1.00,

            """
        var settings = Settings()
        settings.period = .year
        settings.periods = 1
        let odd = try analyze(orders: orders, asOf: "2024-12-31", settings: settings)
        #expect(odd.scores.secondOrder[0].medianDaysToSecond == 20)
        let even = try analyze(orders: orders + "7,D,2024-01-01,1.00,\n8,D,2024-02-20,1.00,\n", asOf: "2024-12-31", settings: settings)
        #expect(even.scores.secondOrder[0].medianDaysToSecond == 20)
    }

    /// Campaigns as of 2025-06-30 with a 30-day window.
    ///   K1 sent 2025-03-01 to P (inquiry 2025-02-01, no purchase: Z1), N and N2 (no events: Z0),
    ///      and B1 (purchase 2025-01-05: Z2); B1 gets K1 again on 2025-03-05 (one contact, s = 03-01).
    ///      Responses: P on 03-01 (day s: counts), N on 03-31 (s + 30: counts), N2 on 04-01 (s + 31:
    ///      too late), B1 on 02-28 (before s: does not count).
    ///      Purchases in [s, s + 30]: B1 on 03-15, P on 03-31 → converted.
    ///   K2 sent 2025-06-10 to N: 06-10 + 30 > t → window not complete, not pooled.
    ///   K3 sent 2025-03-01 to B1 only (Z2), who responds 03-02 → no Z0 row, lift empty.
    static let campaignData = (
        orders: "1,B1,2025-01-05,10.00,\n2,B1,2025-03-15,10.00,\n3,P,2025-03-31,10.00,\n",
        interactions: "P,2025-02-01,Anfrage\n",
        contacts:
            "K1,P,2025-03-01\nK1,N,2025-03-01\nK1,N2,2025-03-01\nK1,B1,2025-03-05\nK1,B1,2025-03-01\nK2,N,2025-06-10\nK3,B1,2025-03-01\nK9,N,2025-07-01\n",
        responses: "K1,P,2025-03-01\nK1,N,2025-03-31\nK1,N2,2025-04-01\nK1,B1,2025-02-28\nK3,B1,2025-03-02\n"
    )

    @Test func campaignResponseByStageWithLift() throws {
        let data = Self.campaignData
        let analysis = try analyze(orders: data.orders, interactions: data.interactions, contacts: data.contacts, responses: data.responses)
        let text = String(decoding: ScoreTables.campaigns(analysis.scores).bytes, as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        // Wilson bounds (z = 1.96) computed from the formula: 1/2 → 0.0945…0.9055; 1/1 → 0.2065…1;
        // 0/1 → 0…0.7935; 2/4 → 0.1500…0.8500; 1/3 → 0.0615…0.7923; 2/2 → 0.3424…1; 3/5 → 0.2307…0.8824.
        #expect(
            lines == [
                "campaign_id,stage,window_complete,recipients,responders,response_rate,ci_low,ci_high,lift,converters,conversion_rate",
                // * pools K1 and K3: Z0 N, N2 (1 of 2); Z1 P (1/1, lift 1/0.5 = 2); Z2 B1 twice (K1 no, K3 yes: 1/2, lift 1).
                "*,Z0,true,2,1,0.5000,0.0945,0.9055,1.0000,0,0.0000",
                "*,Z1,true,1,1,1.0000,0.2065,1.0000,2.0000,1,1.0000",
                "*,Z2,true,2,1,0.5000,0.0945,0.9055,1.0000,2,1.0000",
                "*,all,true,5,3,0.6000,0.2307,0.8824,1.2000,3,0.6000",
                "K1,Z0,true,2,1,0.5000,0.0945,0.9055,1.0000,0,0.0000",
                "K1,Z1,true,1,1,1.0000,0.2065,1.0000,2.0000,1,1.0000",
                "K1,Z2,true,1,0,0.0000,0.0000,0.7935,0.0000,1,1.0000",
                "K1,all,true,4,2,0.5000,0.1500,0.8500,1.0000,2,0.5000",
                "K2,Z0,false,1,0,0.0000,0.0000,0.7935,,0,0.0000",
                "K2,all,false,1,0,0.0000,0.0000,0.7935,,0,0.0000",
                "K3,Z2,true,1,1,1.0000,0.2065,1.0000,,1,1.0000",
                "K3,all,true,1,1,1.0000,0.2065,1.0000,,1,1.0000",
            ])
    }

    /// A contact is per master customer: M1 and M2 share an e-mail address, so K1 sent to M2
    /// on 03-01 and to M1 on 03-05 is one contact with s = 03-01; M1's response on 03-02 and
    /// purchase on 03-10 count for it (Z0 on 02-28). K2 sent 1969-12-20 to N, who responds on
    /// 1970-01-05, inside the window across the first day of 1970.
    @Test func campaignContactsArePerMasterAndDatesBefore1970Count() throws {
        let analysis = try analyze(
            orders: "1,M1,2025-03-10,10.00,\n", contacts: "K1,M1,2025-03-05\nK1,M2,2025-03-01\nK2,N,1969-12-20\n",
            responses: "K1,M1,2025-03-02\nK2,N,1970-01-05\n",
            customers: "M1,Anna Schmidt,anna@example.de\nM2,Anna Schmidt,ANNA@example.de\nN,Nora Weber,\n")
        let rows = analysis.scores.campaigns.map {
            "\($0.campaign) \($0.stage?.label ?? "all") \($0.recipients) \($0.responders) \($0.converters)"
        }
        #expect(
            rows == [
                "* Z0 2 2 1", "* all 2 2 1", "K1 Z0 1 1 1", "K1 all 1 1 1", "K2 Z0 1 1 0", "K2 all 1 1 0",
            ])
    }

    @Test(arguments: [
        // Reference values from center ± half of the Wilson formula, rounded to 6 places.
        (0, 10, 0.0, 0.277540), (10, 10, 0.722460, 1.0), (3, 10, 0.107789, 0.603227), (1, 2, 0.094529, 0.905471),
        (2, 5, 0.117618, 0.769280),
    ])
    func wilsonInterval(successes: Int, trials: Int, low: Double, high: Double) throws {
        let bounds = try #require(WilsonInterval.bounds(successes: successes, trials: trials))
        #expect(abs(bounds.low - low) < 5e-7)
        #expect(abs(bounds.high - high) < 5e-7)
    }

    @Test func wilsonIntervalOfNoTrialsIsUndefined() {
        #expect(WilsonInterval.bounds(successes: 0, trials: 0) == nil)
    }
}
