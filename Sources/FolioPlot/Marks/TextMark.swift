/// A text annotation at a data position (TeX-style math allowed).
public struct TextMark: Equatable, Sendable {
    /// Centre of the text, in data units.
    public var x: Double
    public var y: Double
    public var text: String
    /// Font size in points.
    public var sizePoints: Double
    public var color: Color

    public init(x: Double, y: Double, text: String, sizePoints: Double = 9, color: Color = Color(hex: 0x262626)) {
        self.x = x
        self.y = y
        self.text = text
        self.sizePoints = sizePoints
        self.color = color
    }
}

extension TextMark: DrawableMark {
    var kind: String { "text annotation" }

    func validate() throws {
        try DataChecks.finite([x, y], mark: kind, field: "position")
    }

    func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent {
        MarkExtent(x: Extent(range: x...x), y: Extent(range: y...y))
    }

    var seriesRequests: [SeriesRequest] { [] }

    func occupiedPoints(in frame: PlotFrame) -> [(x: Double, y: Double)] { [(x: x, y: y)] }

    func draw(in frame: PlotFrame, colors: [Color], measurer: TextMeasurer) -> [Primitive] {
        let (placed, _) = measurer.place(TeXLabel.parse(text), style: TextStyle(sizePoints: sizePoints, color: color),
                                         at: frame.point(x, y), horizontal: .center, vertical: .center)
        return [.text(placed)]
    }
}
