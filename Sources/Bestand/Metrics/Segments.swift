/// Lifecycle stages Z0–Z4 (SPEC §5).
package enum LifecycleStage: Int, CaseIterable, Sendable, Comparable {
    /// Address only.
    case z0
    /// Prospect: no purchase, but an inquiry-type interaction.
    case z1
    /// One purchase day.
    case z2
    /// Two purchase days up to the regular minimum.
    case z3
    /// Regular customer: at least `z4_min_purchases` purchase days.
    case z4

    /// "Z0" … "Z4" (constants: export writes one per customer).
    package var label: String { Self.labels[rawValue] }
    private static let labels = ["Z0", "Z1", "Z2", "Z3", "Z4"]

    package static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Activity by days since the last purchase (SPEC §5), in the order segments.csv lists them.
package enum Activity: String, CaseIterable, Sendable {
    case active, dormant, lapsed, never

    /// Position in `allCases`.
    package var index: Int {
        switch self {
        case .active: return 0
        case .dormant: return 1
        case .lapsed: return 2
        case .never: return 3
        }
    }

    /// `never` without a purchase; `active` up to `activeDays`; `lapsed` up to `dormantDays`.
    package static func of(daysSinceLast: Int?, activeDays: Int, dormantDays: Int) -> Activity {
        guard let days = daysSinceLast else { return .never }
        if days <= activeDays { return .active }
        if days <= dormantDays { return .lapsed }
        return .dormant
    }
}

/// ABC revenue classes (SPEC §5).
package enum ABCClass: Int, CaseIterable, Sendable {
    case a, b, c

    package var label: String { Self.labels[rawValue] }
    private static let labels = ["A", "B", "C"]
}
