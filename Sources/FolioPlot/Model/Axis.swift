/// How data values map to positions along an axis.
public enum ScaleKind: String, Equatable, Sendable, CaseIterable {
    case linear
    /// Base-10 logarithmic; every value on the axis must be positive.
    case log
}

/// One axis of a panel: label, scale and an optional fixed range.
public struct Axis: Equatable, Sendable {
    /// Axis title; TeX-style math (`$\nu$`, `$\Sigma_z$`) is rendered with Unicode glyphs.
    public var label: String?
    /// Linear or logarithmic.
    public var scale: ScaleKind
    /// Fixed data range; derived from the marks (with a small margin) when nil.
    public var range: ClosedRange<Double>?

    public init(_ label: String? = nil, scale: ScaleKind = .linear, range: ClosedRange<Double>? = nil) {
        self.label = label
        self.scale = scale
        self.range = range
    }
}
