/// A line through (x, y) points, optionally with point markers and a dash pattern.
public struct LineMark: Equatable, Sendable {
    public var x: [Double]
    public var y: [Double]
    /// Legend label; a band with the same label shares the line's colour.
    public var label: String?
    /// Colour; the next tab10 colour when nil.
    public var color: Color?
    /// Line width in points.
    public var widthPoints: Double
    public var dash: LineDash
    /// Draw a dot at every data point.
    public var markers: Bool

    public init(x: [Double], y: [Double], label: String? = nil, color: Color? = nil,
                widthPoints: Double = 1.5, dash: LineDash = .solid, markers: Bool = false) {
        self.x = x
        self.y = y
        self.label = label
        self.color = color
        self.widthPoints = widthPoints
        self.dash = dash
        self.markers = markers
    }

    /// A line over x = 0, 1, 2, … (e.g. a training history by epoch).
    public init(y: [Double], label: String? = nil, color: Color? = nil, dash: LineDash = .solid, markers: Bool = false) {
        self.init(x: y.indices.map(Double.init), y: y, label: label, color: color, dash: dash, markers: markers)
    }
}

extension LineMark: DrawableMark {
    var kind: String { "line plot" }

    func validate() throws {
        try DataChecks.series(x, field: "x", mark: kind)
        try DataChecks.series(y, field: "y", matching: x, mark: kind)
    }

    func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent {
        MarkExtent(x: Extent(range: DataChecks.bounds(x, for: xScale)), y: Extent(range: DataChecks.bounds(y, for: yScale)))
    }

    var seriesRequests: [SeriesRequest] { [SeriesRequest(label: label, color: color)] }

    func style(_ color: Color) -> StrokeStyle {
        StrokeStyle(color: color, widthPoints: widthPoints, dash: dash.pattern(width: widthPoints))
    }

    func legendEntries(colors: [Color]) -> [LegendEntry] {
        guard let label else { return [] }
        return [LegendEntry(label: label, swatch: .line(style(colors[0]), marker: markers))]
    }

    func occupiedPoints(in frame: PlotFrame) -> [(x: Double, y: Double)] {
        guard x.count > 1 else { return Array(zip(x, y)).map { (x: $0.0, y: $0.1) } }
        // Interpolate along each segment so sparse lines still count as covering the plot.
        var points: [(x: Double, y: Double)] = []
        for i in 1..<x.count {
            for step in 0..<4 {
                let t = Double(step) / 4
                points.append((x[i - 1] + (x[i] - x[i - 1]) * t, y[i - 1] + (y[i] - y[i - 1]) * t))
            }
        }
        points.append((x[x.count - 1], y[y.count - 1]))
        return points
    }

    func draw(in frame: PlotFrame, colors: [Color], measurer: TextMeasurer) -> [Primitive] {
        let points = zip(x, y).map { frame.point($0, $1) }
        var primitives: [Primitive] = [.stroke(.polyline(points), style(colors[0]))]
        if markers {
            let radius = max(2, widthPoints * 1.6)
            primitives.append(.fill(Path(elements: points.map { .circle(center: $0, radius: radius) }), colors[0]))
        }
        return primitives
    }
}
