/// Classifies every master customer as of the evaluation date (SPEC §5): purchase days,
/// revenue, lifecycle stage, activity, ABC class and RFM scores.
package struct Enrich: Stage {
    package let asOf: Int32
    package let settings: Settings

    package init(asOf: Int32, settings: Settings) {
        self.asOf = asOf
        self.settings = settings
    }

    package var name: StageName { .enrich }

    /// The base's order rows become the history; the base keeps their counts.
    package func run(_ base: consuming CustomerBase) throws(BestandError) -> CustomerProfiles {
        let orders = base.dataset.orders.takeRows()
        let history = CustomerHistory(orders: orders, base: base, asOf: asOf)
        let n = base.masterCount
        let byMasterId = base.mastersInIdOrder()
        var idRank = [Int32](repeating: 0, count: n)
        for (rank, c) in byMasterId.enumerated() { idRank[Int(c)] = Int32(rank) }

        var stage = [LifecycleStage](repeating: .z0, count: n)
        var activity = [Activity](repeating: .never, count: n)
        var revenueTotal = [Int64](repeating: 0, count: n)
        var revenue12Months = [Int64](repeating: 0, count: n)
        var buyers: [Int32] = []
        for c in 0..<n {
            stage[c] = history.stage(c, on: asOf, regularMinimum: settings.z4MinPurchases)
            let last = history.lastPurchase(c)
            activity[c] = Activity.of(
                daysSinceLast: last.map { Int(asOf - $0) }, activeDays: settings.activeDays, dormantDays: settings.dormantDays)
            revenueTotal[c] = history.revenueTotal(c)
            revenue12Months[c] = history.revenue12Months(c, endingOn: asOf)
            if last != nil { buyers.append(Int32(c)) }
        }
        // The four rankings are independent: each is sorted on its own core where one is free.
        // R: days since last descending = last purchase ascending; F: purchases; M: revenue_total.
        struct Ranking {
            var abc: [ABCClass?] = []
            var scores: [UInt8] = []
        }
        let (settings, ranks, buyerList) = (settings, idRank, buyers)
        let (totals, revenues) = (revenueTotal, revenue12Months)
        let rankings = Parallel.map(count: 4, minimumChunk: 1) { index -> Ranking in
            switch index {
            case 0:
                Ranking(
                    abc: ABCClassification.classify(
                        revenue: revenues, idRank: ranks, aPercent: settings.abcAPercent, bPercent: settings.abcBPercent))
            case 1: Ranking(scores: RFMScores.scores(count: n, buyers: buyerList, idRank: ranks) { Int64(history.lastPurchase($0)!) })
            case 2: Ranking(scores: RFMScores.scores(count: n, buyers: buyerList, idRank: ranks) { Int64(history.purchaseCount($0)) })
            default: Ranking(scores: RFMScores.scores(count: n, buyers: buyerList, idRank: ranks) { totals[$0] })
            }
        }
        let (abc, recency, frequency, monetary) = (rankings[0].abc, rankings[1].scores, rankings[2].scores, rankings[3].scores)
        return CustomerProfiles(
            base: base, history: history, settings: settings, idRank: idRank, byMasterId: byMasterId, stage: stage,
            activity: activity, abc: abc, recency: recency, frequency: frequency, monetary: monetary,
            revenueTotal: revenueTotal, revenue12Months: revenue12Months)
    }

    package func inputRows(_ input: CustomerBase) -> Int { input.masterCount }

    package func counts(inputRows: Int, output: CustomerProfiles) -> StageCounts {
        StageCounts(input: inputRows, output: output.count)
    }
}
