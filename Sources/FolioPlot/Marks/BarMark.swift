/// Grouped bars: one group per category, one bar per series within each group.
public struct BarMark: Equatable, Sendable {
    /// One series of bar heights, one value per category.
    public struct Series: Equatable, Sendable {
        /// Legend label (empty for none).
        public var name: String
        /// One height per category.
        public var values: [Double]
        public var color: Color?

        public init(name: String, values: [Double], color: Color? = nil) {
            self.name = name
            self.values = values
            self.color = color
        }
    }

    /// Category names along x, one bar group each.
    public var categories: [String]
    /// The bars of each group, left to right.
    public var series: [Series]

    public init(categories: [String], series: [Series]) {
        self.categories = categories
        self.series = series
    }

    /// A single series of bars.
    public init(categories: [String], values: [Double], label: String? = nil, color: Color? = nil) {
        self.init(categories: categories, series: [Series(name: label ?? "", values: values, color: color)])
    }

    /// Fraction of a category slot the bar group fills.
    static let groupWidth = 0.8

    /// Left and right edge (in category units) of series `s`'s bar in category `c`.
    func barSpan(category c: Int, series s: Int) -> (Double, Double) {
        let width = Self.groupWidth / Double(series.count)
        let left = Double(c) - Self.groupWidth / 2 + Double(s) * width
        return (left, left + width)
    }
}

extension BarMark: DrawableMark {
    var kind: String { "bar chart" }

    func validate() throws {
        if categories.isEmpty { throw PlotError.invalidData(mark: kind, message: "`categories` is empty") }
        if series.isEmpty { throw PlotError.invalidData(mark: kind, message: "no series given") }
        let positions = categories.indices.map(Double.init)
        for entry in series {
            try DataChecks.series(entry.values, field: "values of '\(entry.name)'", matching: positions,
                                  referenceField: "categories", mark: kind)
        }
    }

    func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent {
        let heights = series.flatMap(\.values)
        let yRange = yScale == .log ? DataChecks.bounds(heights, for: .log) : DataChecks.bounds(heights + [0])
        return MarkExtent(x: Extent(range: -0.5...(Double(categories.count) - 0.5), tight: true),
                          y: Extent(range: yRange, stickyLower: yScale == .linear && (heights.min() ?? 0) >= 0),
                          xCategories: categories)
    }

    var seriesRequests: [SeriesRequest] {
        series.map { SeriesRequest(label: $0.name.isEmpty ? nil : $0.name, color: $0.color) }
    }

    func legendEntries(colors: [Color]) -> [LegendEntry] {
        zip(series, colors).compactMap { entry, color in
            entry.name.isEmpty ? nil : LegendEntry(label: entry.name, swatch: .patch(color))
        }
    }

    func occupiedPoints(in frame: PlotFrame) -> [(x: Double, y: Double)] {
        series.indices.flatMap { s in
            categories.indices.flatMap { c -> [(x: Double, y: Double)] in
                let (left, right) = barSpan(category: c, series: s)
                return barOccupiedPoints(left: left, right: right, top: series[s].values[c], in: frame)
            }
        }
    }

    func draw(in frame: PlotFrame, colors: [Color], measurer: TextMeasurer) -> [Primitive] {
        let base = frame.barBase
        return series.indices.map { s in
            var path = Path()
            for c in categories.indices {
                let (left, right) = barSpan(category: c, series: s)
                let a = frame.point(left, base), b = frame.point(right, series[s].values[c])
                path.elements.append(.rect(Rect(x: a.x, y: min(a.y, b.y), width: b.x - a.x, height: abs(b.y - a.y))))
            }
            return .fill(path, colors[s])
        }
    }
}
