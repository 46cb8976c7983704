import FolioEngine
import Foundation

/// Text split into numbers and the literal text between them, so that printed lines,
/// table cells and captions compare their words exactly and their numbers within a
/// tolerance. Understands what Swift prints (`0.1000000149`, `1e-05`, `-3`) and what
/// `ValueFormatter` writes (`1.23×10⁻⁷`, `−2.5`).
struct NumericText: Equatable {
    /// The text around the numbers: one more element than `numbers`.
    var literals: [String]
    var numbers: [Double]

    init(_ text: String) {
        literals = []
        numbers = []
        var rest = text[...]
        let number = Self.number
        while let match = rest.firstMatch(of: number), let value = Self.value(of: String(match.output)) {
            literals.append(String(rest[..<match.range.lowerBound]))
            numbers.append(value)
            rest = rest[match.range.upperBound...]
        }
        literals.append(String(rest))
    }

    /// How two texts compare.
    enum Comparison: Equatable {
        /// Same words, every number within the tolerance; `largestRelative` is 0 when identical.
        case agree(largestRelative: Double)
        /// Same words, some number moved beyond the tolerance by `largestRelative`.
        case numbersMoved(largestRelative: Double)
        /// The words differ (or the count of numbers).
        case textChanged
    }

    /// Compares `self` (committed) with `new` at relative `tolerance`.
    func compared(with new: NumericText, tolerance: Double) -> Comparison {
        guard literals == new.literals else { return .textChanged }
        var largest = 0.0, beyond = false
        for (a, b) in zip(numbers, new.numbers) {
            largest = max(largest, CheckTolerances.relativeDifference(a, b))
            if !CheckTolerances.agree(a, b, tolerance: tolerance) { beyond = true }
        }
        return beyond ? .numbersMoved(largestRelative: largest) : .agree(largestRelative: largest)
    }

    /// A decimal number with optional exponent, in Swift's or `ValueFormatter`'s notation.
    private static var number: Regex<Substring> { /[-−]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?(?:×10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?/ }

    /// What a token stands for: `ValueFormatter`'s reading of its own notation.
    private static func value(of token: String) -> Double? {
        ValueFormatter.number(from: token.replacingOccurrences(of: "−", with: "-"))
    }
}
