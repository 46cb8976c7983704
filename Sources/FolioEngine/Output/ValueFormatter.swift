import Foundation
import FolioMath

/// The one place values become display text: inline values in prose, table cells and the
/// `format`, `percent`, `scientific` and `fixed` built-ins all follow these rules.
///
/// - Int: every digit (`12345`).
/// - Double: `digits` significant digits (3 by default), trailing zeros kept (`0.0998`,
///   `1.40`, `123`) and integer digits never rounded away (`1235`); when the rounded value
///   has |x| ≥ 10⁴ or |x| < 10⁻³, scientific notation with Unicode superscripts
///   (`1.23×10⁴`, `3.61×10⁻⁷`), never `3.6e-07`. Zero is `0`; `NaN`, `∞`, `-∞`.
/// - Bool: `true`/`false`; String: as is; an enum case: its name.
/// - An array of scalars: its elements, comma-separated (the first three, `…` and the last
///   one, with the count, beyond ten); tuples in parentheses; anything bigger (matrices,
///   built-ins' records, nested arrays, dictionaries, figures, tables) a short shape
///   description; a value of a struct declared in a cell as Swift prints it (`Point(x: 1.0, y: 2.0)`).
public struct ValueFormatter: Sendable {
    /// Significant digits of Doubles.
    var digits = 3

    /// The most array elements listed in full.
    static let maximumListed = 10

    // MARK: Values

    /// The display text of `value` with the number(s) behind it.
    func formatted(_ value: Value) -> FormattedValue {
        FormattedValue(text: text(value), value: scalar(value), values: numbers(value))
    }

    /// The display text of `value`.
    func text(_ value: Value) -> String {
        switch value {
        case .void: return "()"
        case .int(let int): return String(int)
        case .double(let double): return significant(double)
        case .bool(let bool): return String(bool)
        case .string(let string): return string
        case .enumCase(_, let name): return name
        case .array(let elements): return list(elements)
        case .tuple(let fields):
            return "(" + fields.map { ($0.label.map { "\($0): " } ?? "") + text($0.value) }.joined(separator: ", ") + ")"
        case .range(let lower, let upper): return "\(lower)..<\(upper)"
        case .matrix(let matrix): return "\(matrix.shapeDescription) matrix"
        case .dictionary(let dictionary): return "dictionary of \(dictionary.count) entries"
        case .record(let record) where record.structType != nil: return value.description
        case .record(let record): return "\(record.typeName) (\(record.fields.map(\.name).joined(separator: ", ")))"
        case .function: return "function"
        case .figure(let figure): return "figure (\(Int(figure.widthPoints))×\(Int(figure.heightPoints)) pt)"
        case .table(let table): return "table (\(table.rows.count) rows × \(table.columns.count) columns)"
        }
    }

    private func list(_ elements: [Value]) -> String {
        guard !elements.isEmpty else { return "empty" }
        guard elements.allSatisfy(Self.isScalar) else { return "\(elements.count) values" }
        guard elements.count > Self.maximumListed, let last = elements.last else {
            return elements.map(text).joined(separator: ", ")
        }
        return (elements.prefix(3).map(text) + ["…", text(last)]).joined(separator: ", ") + " (\(elements.count) values)"
    }

    private static func isScalar(_ value: Value) -> Bool {
        switch value {
        case .int, .double, .bool, .string, .enumCase: true
        default: false
        }
    }

    private func scalar(_ value: Value) -> Double? {
        switch value {
        case .int(let int): Double(int)
        case .double(let double) where double.isFinite: double
        default: nil
        }
    }

    /// The elements of a numeric array short enough to be listed in full.
    private func numbers(_ value: Value) -> [Double]? {
        guard case .array(let elements) = value, !elements.isEmpty, elements.count <= Self.maximumListed else { return nil }
        let numbers = elements.compactMap(scalar)
        return numbers.count == elements.count ? numbers : nil
    }

    // MARK: Numbers

    /// `x` with `digits` significant digits, switching to scientific notation for very large
    /// and very small magnitudes.
    func significant(_ x: Double) -> String {
        guard x.isFinite, x != 0 else { return Self.special(x) }
        let (mantissa, exponent) = Self.decimalParts(x, digits: digits)
        if exponent >= 4 || exponent < -3 { return mantissa + "×10" + Self.superscript(exponent) }
        return Self.fixed(x, decimals: max(0, digits - 1 - exponent))
    }

    /// `x` as `m×10ⁿ` with `digits` significant digits in `m` (`3.6×10⁻⁷`).
    static func scientific(_ x: Double, digits: Int) -> String {
        guard x.isFinite, x != 0 else { return special(x) }
        let (mantissa, exponent) = decimalParts(x, digits: digits)
        return mantissa + "×10" + superscript(exponent)
    }

    /// `x` with exactly `decimals` digits after the point (`-0.00` is `0.00`).
    static func fixed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return special(x) }
        let text = String(format: "%.\(decimals)f", x)
        let isNegativeZero = text.hasPrefix("-") && text.allSatisfy { $0 == "-" || $0 == "0" || $0 == "." }
        return isNegativeZero ? String(text.dropFirst()) : text
    }

    /// `x` as a percentage with `decimals` digits after the point (0.873 → `87.3%`).
    static func percent(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return special(x) }
        return fixed(x * 100, decimals: decimals) + "%"
    }

    /// The number a text made by these rules stands for (`1.23×10⁴` → 12300), or nil when
    /// the text is no number; the report right-aligns table columns of numbers with it.
    public static func number(from text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed {
        case "NaN": return .nan
        case "∞": return .infinity
        case "-∞": return -.infinity
        default: break
        }
        guard let times = trimmed.range(of: "×10") else { return Double(trimmed) }
        var exponentText = ""
        for character in trimmed[times.upperBound...] {
            guard let digit = superscriptDigits.firstIndex(of: character) else { return nil }
            exponentText += digit == 10 ? "-" : String(digit)
        }
        guard let mantissa = Double(trimmed[..<times.lowerBound]), let exponent = Int(exponentText) else { return nil }
        return mantissa * pow(10, Double(exponent))
    }

    private static func special(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-∞" : "∞" }
        return "0"
    }

    /// The mantissa (`-3.61`) and decimal exponent (-7) of `x` rounded to `digits`
    /// significant digits.
    private static func decimalParts(_ x: Double, digits: Int) -> (mantissa: String, exponent: Int) {
        let text = String(format: "%.\(max(0, digits - 1))e", x)
        guard let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]) else { return (text, 0) }
        return (String(text[..<e]), exponent)
    }

    /// ⁰¹²³⁴⁵⁶⁷⁸⁹, then ⁻ at index 10.
    private static let superscriptDigits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁻"]

    private static func superscript(_ exponent: Int) -> String {
        String(String(exponent).map { $0 == "-" ? superscriptDigits[10] : superscriptDigits[Int(String($0)) ?? 0] })
    }
}
