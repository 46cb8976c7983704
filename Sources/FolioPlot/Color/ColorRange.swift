/// The value range a colour map spans.
enum ColorRange {
    /// `fixed` when given, else the data range (widened when all values are equal).
    static func resolve(_ fixed: ClosedRange<Double>?, values: [Double]) -> ClosedRange<Double> {
        if let fixed { return fixed }
        let low = values.min() ?? 0, high = values.max() ?? 1
        return low < high ? low...high : (low - 0.5)...(high + 0.5)
    }

    /// Position of `value` in `range`, clamped to [0, 1].
    static func fraction(_ value: Double, in range: ClosedRange<Double>) -> Double {
        min(max((value - range.lowerBound) / (range.upperBound - range.lowerBound), 0), 1)
    }
}
