import Foundation

/// A map from a data interval to a pixel interval, linear or logarithmic.
struct Scale: Equatable, Sendable {
    let kind: ScaleKind
    let domain: ClosedRange<Double>
    /// Positions of `domain.lowerBound` and `domain.upperBound` (may be decreasing, as for y).
    let start: Double
    let end: Double

    /// The position of `value`; non-positive values on a log scale go to the lower end.
    func map(_ value: Double) -> Double {
        start + (end - start) * fraction(value)
    }

    /// Where `value` lies in the domain, 0 at the lower bound and 1 at the upper.
    func fraction(_ value: Double) -> Double {
        switch kind {
        case .linear:
            let span = domain.upperBound - domain.lowerBound
            return span == 0 ? 0.5 : (value - domain.lowerBound) / span
        case .log:
            guard value > 0 else { return 0 }
            let lo = log10(domain.lowerBound), hi = log10(domain.upperBound)
            return hi == lo ? 0.5 : (log10(value) - lo) / (hi - lo)
        }
    }

    func contains(_ value: Double) -> Bool {
        let slack = 1e-9 * max(abs(domain.lowerBound), abs(domain.upperBound), 1e-300)
        return value >= domain.lowerBound - slack && value <= domain.upperBound + slack
    }
}
