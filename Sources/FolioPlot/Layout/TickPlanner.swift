import Foundation

/// Chooses the ticks of an axis for its length: starts from the preferred spacing and
/// thins the labels until neighbours no longer collide (measured with the real font).
struct TickPlanner {
    let measurer: TextMeasurer

    enum Direction { case horizontal, vertical }

    func plan(kind: ScaleKind, domain: ClosedRange<Double>, categories: [String]?,
              lengthPoints: Double, direction: Direction) -> AxisTicks {
        let spacing = direction == .horizontal ? Theme.xTickSpacing : Theme.yTickSpacing
        let preferred = min(15, max(2, Int((min(lengthPoints, 1e6) / spacing).rounded()) + 1))
        let scale = Scale(kind: kind, domain: domain, start: 0, end: lengthPoints)
        var candidate = AxisTicks(major: [])
        if let categories {
            // Label every category if they fit, else every 2nd, 5th, 10th, 20th, 25th, 50th…
            let strides = [1, 2, 5] + (1...6).flatMap { power in [10, 20, 25, 50].map { $0 * Int(pow(10, Double(power - 1))) } }
            for stride in strides {
                candidate = .categorical(categories, stride: stride)
                if stride >= categories.count || fits(candidate, scale: scale, direction: direction) { break }
            }
            return candidate
        }
        for target in stride(from: preferred, through: 2, by: -1) {
            candidate = kind == .log ? .logarithmic(domain: domain, target: target) : .linear(domain: domain, target: target)
            if fits(candidate, scale: scale, direction: direction) { break }
        }
        return candidate
    }

    /// Whether neighbouring labels keep `Theme.tickLabelGap` between them.
    func fits(_ ticks: AxisTicks, scale: Scale, direction: Direction) -> Bool {
        let sizes = ticks.major.map { measurer.measure($0.label, style: Theme.tickLabel) }
        for index in ticks.major.indices.dropFirst() {
            let distance = abs(scale.map(ticks.major[index].value) - scale.map(ticks.major[index - 1].value))
            let needed = direction == .horizontal
                ? (sizes[index].width + sizes[index - 1].width) / 2 + Theme.tickLabelGap
                : (sizes[index].height + sizes[index - 1].height) / 2 + 2
            if distance < needed { return false }
        }
        return true
    }
}
