/// Points at (x, y): one colour, one colour per category (tab10, with legend rows), or
/// a colour per value (through a colour map, with a colorbar).
public struct ScatterMark: Equatable, Sendable {
    /// How points are coloured.
    public enum Coloring: Equatable, Sendable {
        /// All points in one colour (the next tab10 colour when nil).
        case uniform(Color?)
        /// `classes[i]` indexes `names`; each class gets a tab10 colour and a legend row.
        case categories(classes: [Int], names: [String])
        /// `values[i]` through `colormap`, over `range` (the data range when nil).
        case values([Double], colormap: Colormap = .viridis, range: ClosedRange<Double>? = nil, label: String? = nil)
    }

    public var x: [Double]
    public var y: [Double]
    /// Legend label (uniform colouring only; categories label themselves).
    public var label: String?
    public var coloring: Coloring
    /// Marker diameter in points.
    public var sizePoints: Double
    /// Marker opacity, so that dense regions read as darker.
    public var opacity: Double

    public init(x: [Double], y: [Double], label: String? = nil, coloring: Coloring = .uniform(nil),
                sizePoints: Double = 4, opacity: Double = 0.8) {
        self.x = x
        self.y = y
        self.label = label
        self.coloring = coloring
        self.sizePoints = sizePoints
        self.opacity = opacity
    }
}

extension ScatterMark: DrawableMark {
    var kind: String { "scatter plot" }

    func validate() throws {
        try DataChecks.series(x, field: "x", mark: kind)
        try DataChecks.series(y, field: "y", matching: x, mark: kind)
        switch coloring {
        case .uniform: break
        case let .categories(classes, names):
            try DataChecks.sameCount(x, "x", classes.map(Double.init), "classes", mark: kind)
            if let bad = classes.first(where: { $0 < 0 || $0 >= names.count }) {
                throw PlotError.invalidData(mark: kind, message: "class \(bad) has no name (\(names.count) names given)")
            }
        case let .values(values, _, range, _):
            try DataChecks.series(values, field: "values", matching: x, mark: kind)
            if let range, !(range.lowerBound < range.upperBound) || !range.lowerBound.isFinite || !range.upperBound.isFinite {
                throw PlotError.invalidData(mark: kind, message: "colour range \(range) is empty or not finite")
            }
        }
    }

    func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent {
        MarkExtent(x: Extent(range: DataChecks.bounds(x, for: xScale)), y: Extent(range: DataChecks.bounds(y, for: yScale)))
    }

    var seriesRequests: [SeriesRequest] {
        switch coloring {
        case let .uniform(color): return [SeriesRequest(label: label, color: color)]
        case let .categories(_, names): return names.map { SeriesRequest(label: $0, color: nil) }
        case .values: return []
        }
    }

    func legendEntries(colors: [Color]) -> [LegendEntry] {
        switch coloring {
        case .uniform: return label.map { [LegendEntry(label: $0, swatch: .dot(colors[0]))] } ?? []
        case let .categories(_, names): return zip(names, colors).map { LegendEntry(label: $0, swatch: .dot($1)) }
        case .values: return []
        }
    }

    func colorbar() -> ColorbarSpec? {
        guard case let .values(values, colormap, range, label) = coloring else { return nil }
        return ColorbarSpec(colormap: colormap, range: ColorRange.resolve(range, values: values), label: label)
    }

    func occupiedPoints(in frame: PlotFrame) -> [(x: Double, y: Double)] { zip(x, y).map { (x: $0, y: $1) } }

    func draw(in frame: PlotFrame, colors: [Color], measurer: TextMeasurer) -> [Primitive] {
        let radius = sizePoints / 2
        func dots(_ indices: [Int]) -> Path {
            Path(elements: indices.map { .circle(center: frame.point(x[$0], y[$0]), radius: radius) })
        }
        switch coloring {
        case .uniform:
            return [.fill(dots(Array(x.indices)), colors[0].withAlpha(opacity))]
        case let .categories(classes, names):
            return names.indices.map { category in
                .fill(dots(x.indices.filter { classes[$0] == category }), colors[category].withAlpha(opacity))
            }
        case let .values(values, colormap, range, _):
            let resolved = ColorRange.resolve(range, values: values)
            return x.indices.map { index in
                .fill(dots([index]), colormap.color(at: ColorRange.fraction(values[index], in: resolved)).withAlpha(opacity))
            }
        }
    }
}
