/// The period figures of SPEC §6: score's output.
package struct Scores: Sendable {
    package var calendar: PeriodCalendar
    /// The report periods, oldest first.
    package var periods: [Int]
    package var retention: [RetentionRow]
    package var cohorts: [CohortRow]
    package var secondOrder: [SecondOrderRow]
    package var campaigns: [CampaignResponseRow]

    package var rowCount: Int { retention.count + cohorts.count + secondOrder.count + campaigns.count }
}

/// Computes retention, cohorts, second-order conversion and campaign response (SPEC §6).
package struct Score: Stage {
    package init() {}

    package var name: StageName { .score }

    package func run(_ input: consuming CustomerProfiles) throws(BestandError) -> Scores {
        let profiles = input
        let settings = profiles.settings
        let calendar = PeriodCalendar(settings.period)
        let periods = calendar.reportPeriods(asOf: profiles.asOf, count: settings.periods)
        // Each period of retention and each of the other three figures is computed on its own
        // core where one is free, all at one level: work started from within such work would
        // run on one core.
        enum Part {
            case retention([RetentionRow])
            case cohorts([CohortRow])
            case secondOrder([SecondOrderRow])
            case campaigns([CampaignResponseRow])
        }
        let parts = Parallel.map(count: periods.count + 3, minimumChunk: 1) { index -> Part in
            if index < periods.count {
                return .retention(Retention.rows(profiles, calendar: calendar, period: periods[index]))
            }
            switch index - periods.count {
            case 0: return .cohorts(Cohorts.rows(profiles.history, calendar: calendar, periods: periods))
            case 1:
                return .secondOrder(
                    SecondOrderConversion.rows(profiles.history, calendar: calendar, periods: periods, windows: settings.secondOrderWindows)
                )
            default: return .campaigns(CampaignResponse.rows(profiles))
            }
        }
        var scores = Scores(calendar: calendar, periods: periods, retention: [], cohorts: [], secondOrder: [], campaigns: [])
        for part in parts {
            switch part {
            case .retention(let rows): scores.retention += rows
            case .cohorts(let rows): scores.cohorts = rows
            case .secondOrder(let rows): scores.secondOrder = rows
            case .campaigns(let rows): scores.campaigns = rows
            }
        }
        return scores
    }

    package func inputRows(_ input: CustomerProfiles) -> Int { input.count }

    package func counts(inputRows: Int, output: Scores) -> StageCounts {
        StageCounts(input: inputRows, output: output.rowCount)
    }
}
