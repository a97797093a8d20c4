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

    package func run(_ profiles: CustomerProfiles) throws(BestandError) -> Scores {
        let settings = profiles.settings
        let calendar = PeriodCalendar(settings.period)
        let periods = calendar.reportPeriods(asOf: profiles.asOf, count: settings.periods)
        return Scores(
            calendar: calendar, periods: periods,
            retention: Retention.rows(profiles, calendar: calendar, periods: periods),
            cohorts: Cohorts.rows(profiles.history, calendar: calendar, periods: periods),
            secondOrder: SecondOrderConversion.rows(
                profiles.history, calendar: calendar, periods: periods, windows: settings.secondOrderWindows),
            campaigns: CampaignResponse.rows(profiles))
    }

    package func counts(input: CustomerProfiles, output: Scores) -> StageCounts {
        StageCounts(input: input.count, output: output.rowCount)
    }
}
