// MARK: - Typed cells

extension CSVWriter {
    /// An optional whole number (empty when undefined).
    package mutating func integer(_ value: Int?) {
        if let value { integer(value) } else { number("") }
    }

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

    package mutating func boolean(_ value: Bool) { number(value ? "true" : "false") }
}
