// MARK: - Typed cells

extension CSVWriter {
    /// A whole number.
    package mutating func integer(_ value: Int) { number(String(value)) }

    /// An optional whole number (empty when undefined).
    package mutating func integer(_ value: Int?) { number(value.map(String.init) ?? "") }

    /// Money from cents with two decimals.
    package mutating func money(_ cents: Int64) { number(Decimal.money(cents)) }

    /// An exact rate numerator/denominator with four decimals (empty when the denominator is 0).
    package mutating func rate(_ numerator: Int64, _ denominator: Int64) {
        number(Decimal.ratio(numerator, denominator) ?? "")
    }

    package mutating func rate(_ numerator: Int, _ denominator: Int) {
        rate(Int64(numerator), Int64(denominator))
    }

    /// A floating-point rate with four decimals (empty when undefined).
    package mutating func rate(_ value: Double?) {
        number(value.map { Decimal.fixed($0, decimals: 4) } ?? "")
    }

    /// An ISO date, empty for none.
    package mutating func date(_ day: Int32?) { number(day.map(Day.iso) ?? "") }

    package mutating func boolean(_ value: Bool) { number(value ? "true" : "false") }
}
