import Testing

@testable import Bestand

@Suite struct DecimalTests {
    @Test(arguments: [
        (Int64(0), "0.00"), (1, "0.01"), (-1, "-0.01"), (1250, "12.50"), (-123_456, "-1234.56"),
        (100, "1.00"),
    ])
    func money(cents: Int64, text: String) {
        #expect(Decimal.money(cents) == text)
    }

    @Test(arguments: [
        (Int64(1), Int64(3), "0.3333"),
        (2, 3, "0.6667"),
        (1, 8, "0.1250"),
        (1, 20_000, "0.0001"),  // 0.00005 rounds half away from zero
        (1, 20_001, "0.0000"),
        (-1, 20_000, "-0.0001"),
        (5, 5, "1.0000"),
        (0, 7, "0.0000"),
        (7, 4, "1.7500"),
    ])
    func ratios(numerator: Int64, denominator: Int64, text: String) {
        #expect(Decimal.ratio(numerator, denominator) == text)
    }

    @Test func ratioWithZeroDenominatorIsUndefined() {
        #expect(Decimal.ratio(3, 0) == nil)
    }

    @Test func hugeRatiosDoNotTrap() {
        // 10^17 cents over one cent: far beyond 64 bits once scaled.
        #expect(Decimal.ratio(100_000_000_000_000_000, 1) == "100000000000000000.0000")
        #expect(Decimal.ratio(Int64.max, 1, decimals: 1, multiplier: 100) == "922337203685477580700.0")
    }

    @Test func largeRatiosStayExact() {
        // 10^15 cents over 3: 333333333333333.3333…
        #expect(Decimal.ratio(1_000_000_000_000_000, 3) == "333333333333333.3333")
    }

    @Test(arguments: [
        (0.0, 2, "0.00"), (0.925, 2, "0.93"), (1, 4, "1.0000"), (-0.004, 2, "0.00"), (-0.005, 2, "-0.01"),
        (12.5, 0, "13"), (-2.5, 0, "-3"), (0.00049, 3, "0.000"), (0.0005, 3, "0.001"), (123_456.789, 1, "123456.8"),
        (Double.nan, 2, "0"), (-Double.infinity, 2, "0"),
    ])
    func fixedRoundsHalfAwayFromZero(value: Double, decimals: Int, text: String) {
        #expect(Decimal.fixed(value, decimals: decimals) == text)
    }

    /// The digits written on the stack are those of the text path, for values of every size.
    @Test func fixedOnTheStackAgreesWithTheTextPath() {
        var random = SeededRandom(seed: 13)
        for _ in 0..<20_000 {
            let magnitude = Double(random.below(1 << 40)) / Double(1 << random.below(40))
            let value = random.below(2) == 0 ? magnitude : -magnitude
            let decimals = random.below(7)
            var scale = 1.0
            for _ in 0..<decimals { scale *= 10 }
            let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
            let whole = Int64(scaled / scale)
            let text = Decimal.fixedByText(
                whole: whole, fraction: Int64(scaled) - whole * Int64(scale), negative: value < 0 && scaled != 0, decimals: decimals)
            #expect(Decimal.fixed(value, decimals: decimals) == text, "\(value) \(decimals)")
        }
    }
}
