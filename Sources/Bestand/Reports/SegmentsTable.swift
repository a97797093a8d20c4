/// segments.csv: customers and 12-month revenue by stage, activity and ABC class (SPEC §7).
package enum SegmentsTable {
    package static let header = ["dimension", "value", "customers", "revenue_12m", "revenue_share"]

    /// One segment's totals.
    package struct Row: Sendable, Equatable {
        package var dimension: String
        package var value: String
        package var customers = 0
        package var revenue12Months: Int64 = 0
    }

    /// Every stage, activity and class value in the fixed order, also with 0 customers.
    package static func rows(_ profiles: CustomerProfiles) -> [Row] {
        var stages = LifecycleStage.allCases.map { Row(dimension: "stage", value: $0.label) }
        var activities = Activity.allCases.map { Row(dimension: "activity", value: $0.rawValue) }
        var classes = (ABCClass.allCases.map(\.label) + ["none"]).map { Row(dimension: "abc", value: $0) }
        for c in 0..<profiles.count {
            let revenue = profiles.revenue12Months[c]
            stages[profiles.stage[c].rawValue].add(revenue)
            activities[profiles.activity[c].index].add(revenue)
            classes[profiles.abc[c]?.rawValue ?? 3].add(revenue)
        }
        return stages + activities + classes
    }

    /// revenue_share = the segment's revenue_12m / the total revenue_12m of all customers.
    package static func render(_ rows: [Row], totalRevenue: Int64) -> CSVWriter {
        var writer = CSVWriter(header: header)
        for row in rows {
            writer.number(row.dimension)
            writer.number(row.value)
            writer.integer(row.customers)
            writer.money(row.revenue12Months)
            writer.rate(row.revenue12Months, totalRevenue)
            writer.endRow()
        }
        return writer
    }
}

extension SegmentsTable.Row {
    fileprivate mutating func add(_ revenue: Int64) {
        customers += 1
        revenue12Months += revenue
    }
}
