/// retention.csv, cohorts.csv, second_order.csv and campaign_response.csv (SPEC §7).
package enum ScoreTables {
    package static let retentionHeader = [
        "period", "segment", "active_prev", "retained", "churned", "new", "reactivated", "active", "churn_rate",
        "retention_rate", "revenue_prev", "revenue", "grr", "nrr",
    ]
    package static let cohortsHeader = ["cohort", "cohort_size", "offset", "active", "rate"]
    package static let secondOrderHeader = ["cohort", "window_days", "eligible", "converted", "rate", "median_days_to_second"]
    package static let campaignHeader = [
        "campaign_id", "stage", "window_complete", "recipients", "responders", "response_rate", "ci_low", "ci_high", "lift",
        "converters", "conversion_rate",
    ]

    package static func retention(_ scores: Scores) -> CSVWriter {
        var writer = CSVWriter(header: retentionHeader)
        for row in scores.retention {
            writer.number(scores.calendar.label(row.period))
            writer.number(row.segment?.label ?? "all")
            writer.integer(row.activePrevious)
            writer.integer(row.retained)
            writer.integer(row.churned)
            writer.integer(row.new)
            writer.integer(row.reactivated)
            writer.integer(row.active)
            writer.rate(row.churned, row.activePrevious)
            writer.rate(row.retained, row.activePrevious)
            writer.money(row.revenuePrevious)
            writer.money(row.revenue)
            writer.rate(row.grossRetainedRevenue, row.revenuePrevious)
            writer.rate(row.revenue, row.revenuePrevious)
            writer.endRow()
        }
        return writer
    }

    package static func cohorts(_ scores: Scores) -> CSVWriter {
        var writer = CSVWriter(header: cohortsHeader)
        for row in scores.cohorts {
            writer.number(scores.calendar.label(row.cohort))
            writer.integer(row.cohortSize)
            writer.integer(row.offset)
            writer.integer(row.active)
            writer.rate(row.active, row.cohortSize)
            writer.endRow()
        }
        return writer
    }

    package static func secondOrder(_ scores: Scores) -> CSVWriter {
        var writer = CSVWriter(header: secondOrderHeader)
        for row in scores.secondOrder {
            writer.number(row.cohort.map(scores.calendar.label) ?? "all")
            writer.integer(row.windowDays)
            writer.integer(row.eligible)
            writer.integer(row.converted)
            writer.rate(row.converted, row.eligible)
            writer.integer(row.medianDaysToSecond)
            writer.endRow()
        }
        return writer
    }

    package static func campaigns(_ scores: Scores) -> CSVWriter {
        var writer = CSVWriter(header: campaignHeader)
        for row in scores.campaigns {
            let interval = WilsonInterval.bounds(successes: row.responders, trials: row.recipients)
            writer.text(row.campaign)
            writer.number(row.stage?.label ?? "all")
            writer.boolean(row.windowComplete)
            writer.integer(row.recipients)
            writer.integer(row.responders)
            writer.rate(row.responders, row.recipients)
            writer.rate(interval?.low)
            writer.rate(interval?.high)
            // lift = (responders / recipients) / (cold responders / cold recipients), exactly.
            if row.coldResponders > 0 && row.coldRecipients > 0 {
                writer.rate(Int64(row.responders) * Int64(row.coldRecipients), Int64(row.recipients) * Int64(row.coldResponders))
            } else {
                writer.number("")
            }
            writer.integer(row.converters)
            writer.rate(row.converters, row.recipients)
            writer.endRow()
        }
        return writer
    }
}
