import Foundation

/// Tick labels with one precision per axis: `0, 0.5, 1, 1.5`, never `0.30000000000000004`.
/// Very large or very small magnitudes switch to `2×10⁶` notation with a shared mantissa precision.
enum TickFormatter {
    /// Labels for linearly spaced `values` that are `step` apart.
    static func labels(for values: [Double], step: Double) -> [RichText] {
        let largest = values.map(abs).max() ?? 0
        guard largest > 0, step > 0 else { return values.map { _ in RichText(plain: "0") } }
        if largest >= 1e5 || largest < 1e-3 {
            let exponent = floor(log10(largest))
            let unit = pow(10, exponent)
            let decimals = decimalPlaces(for: step / unit)
            return values.map { value in
                if abs(value) < step * 1e-6 { return RichText(plain: "0") }
                return RichText(runs: [
                    .init(text: fixed(value / unit, decimals: decimals) + "×10", level: .base),
                    .init(text: signed(Int(exponent)), level: .superscript),
                ])
            }
        }
        let decimals = decimalPlaces(for: step)
        return values.map { RichText(plain: fixed(abs($0) < step * 1e-6 ? 0 : $0, decimals: decimals)) }
    }

    /// `10ⁿ` for a power of ten.
    static func powerOfTen(_ exponent: Int) -> RichText {
        RichText(runs: [.init(text: "10", level: .base), .init(text: signed(exponent), level: .superscript)])
    }

    /// A value for alt text: three significant digits (whole numbers from 100 up).
    static func compact(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        let text: String
        if magnitude >= 1e5 || magnitude < 1e-3 {
            text = String(format: "%.2e", value)
        } else if magnitude >= 100 {
            text = String(format: "%.0f", value)
        } else {
            text = String(format: "%.3g", value)
        }
        return text.replacingOccurrences(of: "-", with: "−")
    }

    /// The fewest decimals that show multiples of `step` exactly (at most 12).
    static func decimalPlaces(for step: Double) -> Int {
        for decimals in 0...12 {
            let scaled = step * pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(scaled, 1) { return decimals }
        }
        return 12
    }

    static func fixed(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            text.removeFirst()
        }
        return text.replacingOccurrences(of: "-", with: "−")
    }

    private static func signed(_ exponent: Int) -> String {
        exponent < 0 ? "−\(-exponent)" : "\(exponent)"
    }
}
