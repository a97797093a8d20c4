/// Retention and churn of one report period for all customers or one ABC class (SPEC §6).
package struct RetentionRow: Sendable, Equatable {
    package var period: Int
    /// nil: all customers; else the ABC class (as of the previous period's last day).
    package var segment: ABCClass?
    package var activePrevious = 0
    package var retained = 0
    package var churned: Int { activePrevious - retained }
    /// Only on `all` rows.
    package var new: Int?
    package var reactivated: Int?
    package var active = 0
    package var revenuePrevious: Int64 = 0
    package var revenue: Int64 = 0
    /// Σ over active_prev of max(0, min(rev(c,P), rev(c,Q))).
    package var grossRetainedRevenue: Int64 = 0
}

package enum Retention {
    /// The rows of report period P (previous period Q = P − 1): `all`, then A, B, C.
    ///
    /// active_prev: customers with a purchase day in Q; active: with one in P; retained: both;
    /// new: active with first purchase in P; reactivated: active, not in Q, first purchase
    /// before Q. Revenue sums are over active_prev. Class rows count only that class's
    /// members of active_prev (class as of Q's last day), so their active equals retained.
    /// O(customers · log days) plus one ABC ranking.
    package static func rows(_ profiles: CustomerProfiles, calendar: PeriodCalendar, period: Int) -> [RetentionRow] {
        let history = profiles.history
        let settings = profiles.settings
        let first = calendar.firstDay(period)
        let last = calendar.lastDay(period)
        let previousFirst = calendar.firstDay(period - 1)
        let previousLast = calendar.lastDay(period - 1)
        let revenueAtQ = (0..<profiles.count).map { history.revenue12Months($0, endingOn: previousLast) }
        let classes = ABCClassification.classify(
            revenue: revenueAtQ, idRank: profiles.idRank, aPercent: settings.abcAPercent, bPercent: settings.abcBPercent)
        var all = RetentionRow(period: period, segment: nil, new: 0, reactivated: 0)
        var byClass = ABCClass.allCases.map { RetentionRow(period: period, segment: $0) }
        for c in 0..<profiles.count where history.purchaseCount(c) > 0 {
            let inPrevious = history.hasPurchase(c, from: previousFirst, through: previousLast)
            let inPeriod = history.hasPurchase(c, from: first, through: last)
            if inPeriod {
                all.active += 1
                let firstPurchase = history.purchaseDay(c, 0)!
                if firstPurchase >= first {
                    all.new! += 1
                } else if !inPrevious && firstPurchase < previousFirst {
                    all.reactivated! += 1
                }
            }
            guard inPrevious else { continue }
            let revenuePrevious = history.revenue(c, from: previousFirst, through: previousLast)
            let revenue = history.revenue(c, from: first, through: last)
            let kept = max(0, min(revenue, revenuePrevious))
            all.add(retained: inPeriod, revenuePrevious: revenuePrevious, revenue: revenue, kept: kept)
            if let segment = classes[c] {
                byClass[segment.rawValue].add(retained: inPeriod, revenuePrevious: revenuePrevious, revenue: revenue, kept: kept)
            }
        }
        for index in byClass.indices { byClass[index].active = byClass[index].retained }
        return [all] + byClass
    }
}

extension RetentionRow {
    fileprivate mutating func add(retained isRetained: Bool, revenuePrevious: Int64, revenue: Int64, kept: Int64) {
        activePrevious += 1
        if isRetained { retained += 1 }
        self.revenuePrevious += revenuePrevious
        self.revenue += revenue
        grossRetainedRevenue += kept
    }
}
