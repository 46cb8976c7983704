/// A filled area between two series over the same x (e.g. mean ± one standard deviation).
public struct BandMark: Equatable, Sendable {
    public var x: [Double]
    /// Lower and upper edge of the band at each x.
    public var lower: [Double]
    public var upper: [Double]
    /// A band labelled like a line takes that line's colour and adds no legend row of its own.
    public var label: String?
    /// Fill colour; the line with the same label’s colour, else the next tab10 colour.
    public var color: Color?
    /// Fill opacity (0…1); bands sit behind their lines.
    public var opacity: Double

    public init(x: [Double], lower: [Double], upper: [Double], label: String? = nil,
                color: Color? = nil, opacity: Double = 0.25) {
        self.x = x
        self.lower = lower
        self.upper = upper
        self.label = label
        self.color = color
        self.opacity = opacity
    }
}

extension BandMark: DrawableMark {
    var kind: String { "band" }

    func validate() throws {
        try DataChecks.series(x, field: "x", mark: kind)
        try DataChecks.series(lower, field: "lower", matching: x, mark: kind)
        try DataChecks.series(upper, field: "upper", matching: x, mark: kind)
    }

    func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent {
        MarkExtent(x: Extent(range: DataChecks.bounds(x, for: xScale)),
                   y: Extent(range: DataChecks.bounds(lower + upper, for: yScale)))
    }

    /// Bands take colours from their own cycle, as matplotlib's fills do: the n-th band
    /// gets the n-th series colour, so a line and its ±sd band match without naming one.
    var seriesRequests: [SeriesRequest] { [SeriesRequest(label: label, color: color, cycle: .shading)] }

    func legendEntries(colors: [Color]) -> [LegendEntry] {
        guard let label else { return [] }
        return [LegendEntry(label: label, swatch: .patch(colors[0].withAlpha(opacity)))]
    }

    func occupiedPoints(in frame: PlotFrame) -> [(x: Double, y: Double)] {
        zip(x, zip(lower, upper)).map { (x: $0, y: ($1.0 + $1.1) / 2) }
    }

    func draw(in frame: PlotFrame, colors: [Color], measurer: TextMeasurer) -> [Primitive] {
        var path = Path.polyline(zip(x, upper).map { frame.point($0, $1) })
        for (xValue, yValue) in zip(x, lower).reversed() { path.line(to: frame.point(xValue, yValue)) }
        path.close()
        return [.fill(path, colors[0].withAlpha(opacity))]
    }
}
