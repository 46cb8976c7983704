/// A horizontal or vertical reference line across the plot (a threshold, an optimum).
public struct RuleMark: Equatable, Sendable {
    /// Whether the line runs across (at a y value) or up (at an x value).
    public enum Orientation: String, Equatable, Sendable { case horizontal, vertical }

    public var orientation: Orientation
    /// The y (horizontal) or x (vertical) position, in data units.
    public var value: Double
    /// Shown as a legend row.
    public var label: String?
    public var color: Color
    public var dash: LineDash
    /// Line width in points.
    public var widthPoints: Double

    /// A horizontal line at y = `y`.
    public init(y: Double, label: String? = nil, color: Color = Color(hex: 0x444444), dash: LineDash = .dashed,
                widthPoints: Double = 1.2) {
        self.init(orientation: .horizontal, value: y, label: label, color: color, dash: dash, widthPoints: widthPoints)
    }

    /// A vertical line at x = `x`.
    public init(x: Double, label: String? = nil, color: Color = Color(hex: 0x444444), dash: LineDash = .dashed,
                widthPoints: Double = 1.2) {
        self.init(orientation: .vertical, value: x, label: label, color: color, dash: dash, widthPoints: widthPoints)
    }

    init(orientation: Orientation, value: Double, label: String?, color: Color, dash: LineDash, widthPoints: Double) {
        self.orientation = orientation
        self.value = value
        self.label = label
        self.color = color
        self.dash = dash
        self.widthPoints = widthPoints
    }

    var style: StrokeStyle { StrokeStyle(color: color, widthPoints: widthPoints, dash: dash.pattern(width: widthPoints)) }
}

extension RuleMark: DrawableMark {
    var kind: String { "reference line" }

    func validate() throws {
        try DataChecks.finite([value], mark: kind, field: orientation == .horizontal ? "y" : "x")
    }

    func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent {
        orientation == .horizontal ? MarkExtent(y: Extent(range: value...value)) : MarkExtent(x: Extent(range: value...value))
    }

    var seriesRequests: [SeriesRequest] { [] }

    func legendEntries(colors: [Color]) -> [LegendEntry] {
        label.map { [LegendEntry(label: $0, swatch: .line(style, marker: false))] } ?? []
    }

    func occupiedPoints(in frame: PlotFrame) -> [(x: Double, y: Double)] { [] }

    func draw(in frame: PlotFrame, colors: [Color], measurer: TextMeasurer) -> [Primitive] {
        let r = frame.rect
        let path: Path = orientation == .horizontal
            ? .segment(Point(x: r.minX, y: frame.y.map(value)), Point(x: r.maxX, y: frame.y.map(value)))
            : .segment(Point(x: frame.x.map(value), y: r.minY), Point(x: frame.x.map(value), y: r.maxY))
        return [.stroke(path, style)]
    }
}
