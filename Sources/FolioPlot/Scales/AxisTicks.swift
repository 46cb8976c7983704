import Foundation

/// The ticks of one axis: labelled major ticks and unlabelled minor ticks.
struct AxisTicks: Equatable, Sendable {
    struct Tick: Equatable, Sendable {
        let value: Double
        let label: RichText
    }

    var major: [Tick]
    var minor: [Double] = []

    /// Linear ticks by extended Wilkinson, about `target` of them, kept inside `domain`.
    static func linear(domain: ClosedRange<Double>, target: Int) -> AxisTicks {
        guard let labeling = ExtendedWilkinson.labeling(dmin: domain.lowerBound, dmax: domain.upperBound, m: target)
        else { return AxisTicks(major: []) }
        let scale = Scale(kind: .linear, domain: domain, start: 0, end: 1)
        let values = labeling.values.filter(scale.contains)
        let labels = TickFormatter.labels(for: values, step: labeling.step)
        return AxisTicks(major: zip(values, labels).map { Tick(value: $0, label: $1) })
    }

    /// Log ticks: powers of ten (multiples of a `stride` when the range spans many decades) with
    /// minor ticks at 2…9 × 10ⁿ; ranges narrower than two powers fall back to linear ticks.
    static func logarithmic(domain: ClosedRange<Double>, target: Int) -> AxisTicks {
        let lowExponent = Int(ceil(log10(domain.lowerBound) - 1e-9))
        let highExponent = Int(floor(log10(domain.upperBound) + 1e-9))
        let decades = highExponent - lowExponent + 1
        guard decades >= 2 else {
            return linear(domain: domain, target: target)
        }
        let stride = max(1, Int(ceil(Double(decades) / Double(max(target, 2)))))
        let scale = Scale(kind: .log, domain: domain, start: 0, end: 1)
        let majorExponents = (lowExponent...highExponent).filter { $0 % stride == 0 }
        let major = majorExponents.map { Tick(value: pow(10, Double($0)), label: TickFormatter.powerOfTen($0)) }
        var minor: [Double] = []
        if stride == 1 {
            if decades <= 9 {
                for exponent in (lowExponent - 1)...highExponent {
                    for multiple in 2...9 {
                        let value = Double(multiple) * pow(10, Double(exponent))
                        if scale.contains(value) { minor.append(value) }
                    }
                }
            }
        } else {
            minor = (lowExponent...highExponent).filter { $0 % stride != 0 }.map { pow(10, Double($0)) }
        }
        return AxisTicks(major: major, minor: minor)
    }

    /// One tick per category at 0, 1, …, labelling every `stride`-th.
    static func categorical(_ categories: [String], stride: Int) -> AxisTicks {
        let step = max(stride, 1)
        return AxisTicks(major: categories.enumerated().compactMap { index, name in
            index % step == 0 ? Tick(value: Double(index), label: TeXLabel.parse(name)) : nil
        })
    }
}
