/// report.md: the management report in the pipeline's language (SPEC §7).
///
/// Headline figures first, then what to look at first, then the tables: stages and activity,
/// ABC concentration, churn and retention, revenue retention, cohorts, second orders,
/// campaign response, data quality. User-supplied text is escaped; no e-mail address or phone
/// number of a customer appears (aggregates only).
package struct ManagementReport {
    let pipeline: Pipeline
    let analysis: Analysis
    let segments: [SegmentsTable.Row]
    let text: MarkdownText

    package init(pipeline: Pipeline, analysis: Analysis, segments: [SegmentsTable.Row]) {
        self.pipeline = pipeline
        self.analysis = analysis
        self.segments = segments
        text = MarkdownText(language: pipeline.language, currency: pipeline.currency)
    }

    var profiles: CustomerProfiles { analysis.profiles }
    var scores: Scores { analysis.scores }
    func t(_ english: String, _ german: String) -> String { text.t(english, german) }

    package func render() -> String {
        [title(), headlines(), focus(), customerBase(), abc(), retention(), cohorts(), secondOrders(), campaigns(), dataQuality()]
            .joined(separator: "\n")
    }

    // MARK: - Sections

    func title() -> String {
        let data = profiles.base.dataset
        return """
            # \(t("Customer base report", "Kundenbestandsbericht")): \(MarkdownText.escape(pipeline.name))

            \(t("As of", "Stichtag")) **\(Day.iso(profiles.asOf))**. \(t("Data basis", "Datenbasis")): \(text.count(data.files.count)) \(t("files", "Dateien")), \(text.count(data.rowsRead)) \(t("rows read", "gelesene Zeilen")), \(text.count(data.rejects.count)) \(t("rejected", "abgewiesen")); \(text.count(profiles.count)) \(t("customers", "Kunden")) \(t("after merging", "nach Zusammenführung")) \(text.count(profiles.base.masterOfKey.filter { $0 >= 0 }.count)) \(t("customer numbers", "Kundennummern")). \(t("Periods", "Perioden")): \(periodName()).

            """
    }

    func periodName() -> String {
        switch scores.calendar.kind {
        case .month: return t("months", "Monate")
        case .quarter: return t("quarters", "Quartale")
        case .year: return t("years", "Jahre")
        }
    }

    func headlines() -> String {
        var lines: [String] = []
        let buyers = profiles.stage.filter { $0 >= .z2 }.count
        let active = profiles.activity.filter { $0 == .active }.count
        let revenue = profiles.revenue12Months.reduce(0, +)
        lines.append(
            t(
                "**\(text.count(active))** of \(text.count(buyers)) buying customers are active (a purchase in the last \(pipeline.settings.activeDays) days); revenue of the last 12 months: **\(text.money(revenue))**.",
                "**\(text.count(active))** von \(text.count(buyers)) Kunden mit Kauf sind aktiv (Kauf in den letzten \(pipeline.settings.activeDays) Tagen); Umsatz der letzten 12 Monate: **\(text.money(revenue))**."
            ))
        let oneTime = profiles.stage.filter { $0 == .z2 }.count
        lines.append(
            t(
                "**\(text.percent(oneTime, buyers))** of buying customers have bought only once (Z2); \(text.count(profiles.stage.filter { $0 == .z4 }.count)) are regular customers (Z4).",
                "**\(text.percent(oneTime, buyers))** der Kunden mit Kauf haben erst einmal gekauft (Z2); \(text.count(profiles.stage.filter { $0 == .z4 }.count)) sind Stammkunden (Z4)."
            ))
        let all = scores.retention.filter { $0.segment == nil }
        if let latest = all.last {
            var line = t(
                "Churn in \(scores.calendar.label(latest.period)): **\(text.percent(latest.churned, latest.activePrevious))** of the previous period's buyers did not buy again",
                "Abwanderung in \(scores.calendar.label(latest.period)): **\(text.percent(latest.churned, latest.activePrevious))** der Käufer der Vorperiode kauften nicht wieder"
            )
            if all.count >= 2 {
                let previous = all[all.count - 2]
                line += t(" (previous period: ", " (Vorperiode: ") + text.percent(previous.churned, previous.activePrevious) + ")"
            }
            line += t("; net revenue retention ", "; Netto-Umsatzbindung ") + text.percent(latest.revenue, latest.revenuePrevious) + "."
            lines.append(line)
        }
        if let second = scores.secondOrder.last(where: { $0.cohort == nil && $0.eligible > 0 }) {
            lines.append(
                t(
                    "Second order within \(second.windowDays) days: **\(text.percent(second.converted, second.eligible))** of first-time buyers of the report periods (\(text.count(second.eligible)) eligible).",
                    "Zweitkauf innerhalb von \(second.windowDays) Tagen: **\(text.percent(second.converted, second.eligible))** der Erstkäufer der Berichtsperioden (\(text.count(second.eligible)) auswertbar)."
                ))
        }
        return "## \(t("Headlines", "Auf einen Blick"))\n\n" + lines.map { "- " + $0 }.joined(separator: "\n") + "\n"
    }

    /// Findings derived from the data: where churn rose most, the weakest cohort, the best stage.
    func focus() -> String {
        var items: [String] = []
        // The ABC class whose churn rate rose most from the previous to the latest period.
        let periods = scores.periods
        if periods.count >= 2 {
            var worst: (ABCClass, Double, Double)?
            for segment in ABCClass.allCases {
                let rows = scores.retention.filter { $0.segment == segment }
                guard rows.count >= 2, rows[rows.count - 1].activePrevious > 0, rows[rows.count - 2].activePrevious > 0 else { continue }
                let now = Double(rows[rows.count - 1].churned) / Double(rows[rows.count - 1].activePrevious)
                let before = Double(rows[rows.count - 2].churned) / Double(rows[rows.count - 2].activePrevious)
                if now > before, now - before > (worst.map { $0.1 - $0.2 } ?? 0) { worst = (segment, now, before) }
            }
            if let (segment, now, before) = worst {
                items.append(
                    t(
                        "Churn of **\(segment.label) customers** rose most: from \(percentText(before)) to \(percentText(now)). Call the \(segment.label) customers who did not buy again.",
                        "Die Abwanderung der **\(segment.label)-Kunden** stieg am stärksten: von \(percentText(before)) auf \(percentText(now)). Sprechen Sie die \(segment.label)-Kunden an, die nicht wieder gekauft haben."
                    ))
            }
        }
        // The cohort with the weakest second-order conversion, at the longest window that at
        // least two cohorts of five or more eligible buyers have passed.
        let comparable = { (window: Int) in
            scores.secondOrder.filter { $0.windowDays == window && $0.cohort != nil && $0.eligible >= 5 }
        }
        if let window = pipeline.settings.secondOrderWindows.last(where: { comparable($0).count >= 2 }),
            let weakest = comparable(window).min(by: { Int64($0.converted) * Int64($1.eligible) < Int64($1.converted) * Int64($0.eligible) }
            )
        {
            items.append(
                t(
                    "The weakest second-order conversion is the **\(scores.calendar.label(weakest.cohort!)) cohort**: \(text.percent(weakest.converted, weakest.eligible)) bought again within \(window) days. Follow up first-time buyers early.",
                    "Die schwächste Zweitkaufquote hat die **Kohorte \(scores.calendar.label(weakest.cohort!))**: \(text.percent(weakest.converted, weakest.eligible)) kauften innerhalb von \(window) Tagen erneut. Erstkäufer früh nachfassen."
                ))
        }
        // The stage with the best response over the complete campaigns.
        let pooled = scores.campaigns.filter { $0.campaign == "*" && $0.stage != nil && $0.recipients >= 10 }
        if let best = pooled.max(by: { Int64($0.responders) * Int64($1.recipients) < Int64($1.responders) * Int64($0.recipients) }) {
            var line = t(
                "Campaigns reach **\(best.stage!.label)** customers best: \(text.percent(best.responders, best.recipients)) responded",
                "Kampagnen erreichen **\(best.stage!.label)**-Kunden am besten: \(text.percent(best.responders, best.recipients)) reagierten"
            )
            if best.coldResponders > 0 {
                line +=
                    t(", ", ", ")
                    + text.factor(Int64(best.responders) * Int64(best.coldRecipients), Int64(best.recipients) * Int64(best.coldResponders))
                    + t(" the rate of cold addresses", " der Quote kalter Adressen")
            }
            items.append(line + ".")
        }
        let lapsed = profiles.activity.filter { $0 == .lapsed }.count
        if lapsed > 0 {
            items.append(
                t(
                    "\(text.count(lapsed)) customers are lapsed (last purchase \(pipeline.settings.activeDays + 1) to \(pipeline.settings.dormantDays) days ago): winning them back costs less than winning new ones.",
                    "\(text.count(lapsed)) Kunden sind eingeschlafen (letzter Kauf vor \(pipeline.settings.activeDays + 1) bis \(pipeline.settings.dormantDays) Tagen): sie zurückzugewinnen kostet weniger als Neukunden."
                ))
        }
        if items.isEmpty { items.append(t("Nothing stands out in this period.", "In dieser Periode fällt nichts besonders auf.")) }
        return "## \(t("What to look at first", "Was zuerst zu tun ist"))\n\n" + items.map { "- " + $0 }.joined(separator: "\n") + "\n"
    }

    func percentText(_ value: Double) -> String {
        let text = Decimal.fixed(value * 100, decimals: 1)
        return self.text.localized(text) + " %"
    }

    func customerBase() -> String {
        let total = profiles.count
        let stageNames = [
            t("address only", "nur Adresse"), t("prospect", "Interessent"), t("first purchase", "Erstkäufer"),
            t("second purchase", "Zweitkäufer"), t("regular", "Stammkunde"),
        ]
        let stageRows = segments.filter { $0.dimension == "stage" }.enumerated().map { index, row in
            [row.value, stageNames[index], text.count(row.customers), text.percent(row.customers, total), text.money(row.revenue12Months)]
        }
        let activityRows = segments.filter { $0.dimension == "activity" }.map { row in
            [activityName(row.value), text.count(row.customers), text.percent(row.customers, total), text.money(row.revenue12Months)]
        }
        return """
            ## \(t("Customers by stage and activity", "Kunden nach Stufe und Aktivität"))

            \(MarkdownText.table([t("Stage", "Stufe"), t("Meaning", "Bedeutung"), t("Customers", "Kunden"), t("Share", "Anteil"), t("Revenue 12 months", "Umsatz 12 Monate")], stageRows, rightAligned: [2, 3, 4]))
            \(MarkdownText.table([t("Activity", "Aktivität"), t("Customers", "Kunden"), t("Share", "Anteil"), t("Revenue 12 months", "Umsatz 12 Monate")], activityRows, rightAligned: [1, 2, 3]))
            """
    }

    func activityName(_ value: String) -> String {
        switch value {
        case "active": return t("active", "aktiv")
        case "lapsed": return t("lapsed", "eingeschlafen")
        case "dormant": return t("dormant", "ruhend")
        default: return t("never bought", "nie gekauft")
        }
    }

    func abc() -> String {
        let rows = segments.filter { $0.dimension == "abc" }
        let total = rows.reduce(Int64(0)) { $0 + $1.revenue12Months }
        let tableRows = rows.map { row in
            [
                row.value == "none" ? t("none", "keine") : row.value, text.count(row.customers), text.money(row.revenue12Months),
                text.percent(row.revenue12Months, total),
            ]
        }
        let aCustomers = rows.first?.customers ?? 0
        let aShare = text.percent(rows.first?.revenue12Months ?? 0, total)
        let ranked = rows.dropLast().reduce(0) { $0 + $1.customers }
        return """
            ## \(t("ABC revenue concentration", "ABC-Umsatzkonzentration"))

            \(t("\(text.count(aCustomers)) A customers (\(text.percent(aCustomers, ranked)) of customers with revenue) bring \(aShare) of the last 12 months' revenue.", "\(text.count(aCustomers)) A-Kunden (\(text.percent(aCustomers, ranked)) der Kunden mit Umsatz) bringen \(aShare) des Umsatzes der letzten 12 Monate."))

            \(MarkdownText.table([t("Class", "Klasse"), t("Customers", "Kunden"), t("Revenue 12 months", "Umsatz 12 Monate"), t("Share", "Anteil")], tableRows, rightAligned: [1, 2, 3]))
            """
    }

    func retention() -> String {
        let all = scores.retention.filter { $0.segment == nil }
        let rows = all.map { row in
            [
                scores.calendar.label(row.period), text.count(row.activePrevious), text.count(row.retained), text.count(row.churned),
                text.count(row.new ?? 0), text.count(row.reactivated ?? 0), text.percent(row.churned, row.activePrevious),
                text.percent(row.retained, row.activePrevious), text.percent(row.grossRetainedRevenue, row.revenuePrevious),
                text.percent(row.revenue, row.revenuePrevious),
            ]
        }
        var change = ""
        if all.count >= 2 {
            let latest = all[all.count - 1]
            let previous = all[all.count - 2]
            change = t(
                "Latest change: churn \(text.percent(previous.churned, previous.activePrevious)) → \(text.percent(latest.churned, latest.activePrevious)), retention \(text.percent(previous.retained, previous.activePrevious)) → \(text.percent(latest.retained, latest.activePrevious)).",
                "Letzte Veränderung: Abwanderung \(text.percent(previous.churned, previous.activePrevious)) → \(text.percent(latest.churned, latest.activePrevious)), Bindung \(text.percent(previous.retained, previous.activePrevious)) → \(text.percent(latest.retained, latest.activePrevious))."
            )
        }
        let byClass = scores.retention.filter { $0.segment != nil && $0.period == scores.periods.last }.map { row in
            [
                row.segment!.label, text.count(row.activePrevious), text.count(row.retained),
                text.percent(row.churned, row.activePrevious), text.money(row.revenuePrevious), text.money(row.revenue),
                text.percent(row.grossRetainedRevenue, row.revenuePrevious), text.percent(row.revenue, row.revenuePrevious),
            ]
        }
        return """
            ## \(t("Churn and retention", "Abwanderung und Kundenbindung"))

            \(t("Customers who bought in the previous period, and whether they bought again. GRR: revenue kept from them (capped at the previous period's); NRR: their whole revenue against the previous period's.", "Kunden mit Kauf in der Vorperiode und ob sie wieder kauften. GRR: von ihnen gehaltener Umsatz (höchstens der der Vorperiode); NRR: ihr gesamter Umsatz im Verhältnis zur Vorperiode."))

            \(MarkdownText.table([t("Period", "Periode"), t("Buyers before", "Käufer Vorperiode"), t("Retained", "Gehalten"), t("Churned", "Abgewandert"), t("New", "Neu"), t("Reactivated", "Reaktiviert"), t("Churn", "Abwanderung"), t("Retention", "Bindung"), "GRR", "NRR"], rows, rightAligned: Set(1...9)))
            \(change)

            ### \(t("Revenue retention by ABC class", "Umsatzbindung nach ABC-Klasse")) (\(scores.periods.last.map(scores.calendar.label) ?? ""))

            \(MarkdownText.table([t("Class", "Klasse"), t("Buyers before", "Käufer Vorperiode"), t("Retained", "Gehalten"), t("Churn", "Abwanderung"), t("Revenue before", "Umsatz Vorperiode"), t("Revenue", "Umsatz"), "GRR", "NRR"], byClass, rightAligned: Set(1...7)))
            """
    }

    func cohorts() -> String {
        let width = scores.periods.count
        let header = [t("Cohort", "Kohorte"), t("Size", "Größe")] + (0..<width).map { "+\($0)" }
        let rows = scores.periods.map { cohort -> [String] in
            let cells = scores.cohorts.filter { $0.cohort == cohort }
            let size = cells.first?.cohortSize ?? 0
            return [scores.calendar.label(cohort), text.count(size)]
                + (0..<width).map { offset in cells.first { $0.offset == offset }.map { text.percent($0.active, size) } ?? "" }
        }
        return """
            ## \(t("Cohorts", "Kohorten"))

            \(t("Share of each first-purchase cohort that bought again in the periods after (+0 is the first period itself).", "Anteil jeder Erstkauf-Kohorte, der in den folgenden Perioden kaufte (+0 ist die erste Periode selbst)."))

            \(MarkdownText.table(header, rows, rightAligned: Set(1..<(width + 2))))
            """
    }

    func secondOrders() -> String {
        let windows = pipeline.settings.secondOrderWindows
        let groups: [Int?] = scores.periods.map { Optional($0) } + [nil]
        let rows = groups.map { cohort -> [String] in
            let cells = scores.secondOrder.filter { $0.cohort == cohort }
            let median = cells.first?.medianDaysToSecond.map { text.count($0) } ?? "–"
            return [cohort.map(scores.calendar.label) ?? t("all", "alle")]
                + windows.map { window in cells.first { $0.windowDays == window }.map { text.percent($0.converted, $0.eligible) } ?? "" }
                + [median]
        }
        return """
            ## \(t("Second-order conversion", "Zweitkaufquote"))

            \(t("Share of first-time buyers who bought a second time within the window; only buyers whose window has passed count. Only the second purchase shows a satisfied customer.", "Anteil der Erstkäufer, die innerhalb des Zeitfensters ein zweites Mal kauften; es zählen nur Käufer, deren Fenster abgelaufen ist. Erst der Zweitkauf zeigt einen zufriedenen Kunden."))

            \(MarkdownText.table([t("Cohort", "Kohorte")] + windows.map { t("\($0) days", "\($0) Tage") } + [t("Median days", "Median Tage")], rows, rightAligned: Set(1...(windows.count + 1))))
            """
    }

    func campaigns() -> String {
        guard !scores.campaigns.isEmpty else {
            return "## \(t("Campaign response", "Kampagnenreaktion"))\n\n\(t("No campaign data.", "Keine Kampagnendaten."))\n"
        }
        let rows = scores.campaigns.map { row -> [String] in
            let lift =
                row.coldResponders > 0
                ? text.factor(Int64(row.responders) * Int64(row.coldRecipients), Int64(row.recipients) * Int64(row.coldResponders)) : "–"
            return [
                row.campaign == "*" ? t("all complete", "alle abgeschlossenen") : MarkdownText.escape(row.campaign),
                row.stage?.label ?? t("all", "alle"), row.windowComplete ? t("yes", "ja") : t("no", "nein"),
                text.count(row.recipients), text.percent(row.responders, row.recipients), lift,
                text.percent(row.converters, row.recipients),
            ]
        }
        return """
            ## \(t("Campaign response", "Kampagnenreaktion"))

            \(t("Response within \(pipeline.settings.responseWindowDays) days of sending, by the recipient's stage the day before. Lift: response rate over that of cold addresses (Z0) of the same campaign.", "Reaktion innerhalb von \(pipeline.settings.responseWindowDays) Tagen nach Versand, nach der Stufe des Empfängers am Vortag. Lift: Reaktionsquote im Verhältnis zu der kalter Adressen (Z0) derselben Kampagne."))

            \(MarkdownText.table([t("Campaign", "Kampagne"), t("Stage", "Stufe"), t("Window over", "Fenster abgelaufen"), t("Recipients", "Empfänger"), t("Response", "Reaktion"), "Lift", t("Bought", "Gekauft")], rows, rightAligned: [3, 4, 5, 6]))
            """
    }

    func dataQuality() -> String {
        let base = profiles.base
        let data = base.dataset
        let rows = data.files.map { file in
            [
                MarkdownText.escape(pipeline.sources[file.source].name), MarkdownText.escape(file.path), text.count(file.rowsRead),
                text.count(file.rowsRejected), text.percent(file.rowsRejected, file.rowsRead), text.count(file.afterAsOf),
            ]
        }
        let keys = base.masterOfKey.filter { $0 >= 0 }.count
        return """
            ## \(t("Data quality", "Datenqualität"))

            \(MarkdownText.table([t("Source", "Quelle"), t("File", "Datei"), t("Rows", "Zeilen"), t("Rejected", "Abgewiesen"), t("Rate", "Quote"), t("After as-of date", "Nach Stichtag")], rows, rightAligned: [2, 3, 4, 5]))
            \(t("Orders: \(text.count(data.orders.acceptedRows)) rows, \(text.count(data.orders.repeats.identical)) identical and \(text.count(data.orders.repeats.conflicting)) conflicting repeats of an order number (the last one counts).", "Aufträge: \(text.count(data.orders.acceptedRows)) Zeilen, \(text.count(data.orders.repeats.identical)) identische und \(text.count(data.orders.repeats.conflicting)) abweichende Wiederholungen einer Auftragsnummer (die letzte zählt).")) \(t("Customers: \(text.count(keys)) customer numbers merged into \(text.count(base.masterCount)) customers (\(text.count(base.merges.count)) links).", "Kunden: \(text.count(keys)) Kundennummern zu \(text.count(base.masterCount)) Kunden zusammengeführt (\(text.count(base.merges.count)) Verknüpfungen).")) \(t("Rejected rows and their reasons are in rejects.csv.", "Abgewiesene Zeilen mit Grund stehen in rejects.csv."))
            """
    }
}
