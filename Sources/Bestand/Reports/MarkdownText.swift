import Foundation

/// Formatting for report.md: escaping user text, numbers, money and percentages per language.
package struct MarkdownText: Sendable {
    package let language: ReportLanguage
    package let currency: String

    /// Picks the English or German text.
    package func t(_ english: String, _ german: String) -> String {
        language == .de ? german : english
    }

    /// User-supplied text made safe for Markdown and tables: special characters escaped,
    /// HTML brackets as entities, line breaks as spaces.
    package static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "|", "`", "*", "_", "[", "]", "#", "~", "!":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A whole number with thousands separators (`1.234` in German, `1,234` in English).
    package func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += language == .de ? "." : "," }
            grouped.append(digit)
        }
        return (value < 0 ? "−" : "") + grouped
    }

    /// Whole currency units, e.g. `12.346 EUR` (rounded half away from zero).
    package func money(_ cents: Int64) -> String {
        let units = (cents.magnitude + 50) / 100
        return (cents < 0 && units > 0 ? "−" : "") + count(Int(units)) + " " + MarkdownText.escape(currency)
    }

    /// A rate as a percentage with one decimal, or `–` when undefined.
    package func percent(_ numerator: Int64, _ denominator: Int64) -> String {
        guard let text = Decimal.ratio(numerator, denominator, decimals: 1, multiplier: 100) else { return "–" }
        return localized(text) + " %"
    }

    package func percent(_ numerator: Int, _ denominator: Int) -> String {
        percent(Int64(numerator), Int64(denominator))
    }

    /// A ratio such as a lift, two decimals, or `–`.
    package func factor(_ numerator: Int64, _ denominator: Int64) -> String {
        guard let text = Decimal.ratio(numerator, denominator, decimals: 2) else { return "–" }
        return localized(text) + "×"
    }

    /// A decimal number written with a point (`12.5`) in the report's language (`12,5` in German).
    package func localized(_ decimal: String) -> String {
        language == .de ? decimal.replacingOccurrences(of: ".", with: ",") : decimal
    }

    /// A Markdown table; cells must already be escaped.
    package static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        var out = "| " + header.joined(separator: " | ") + " |\n|"
        for index in header.indices { out += rightAligned.contains(index) ? "---:|" : "---|" }
        out += "\n"
        for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
        return out
    }
}
