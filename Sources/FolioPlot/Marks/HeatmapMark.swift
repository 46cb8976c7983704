import FolioMath

/// A matrix drawn as coloured cells with a colorbar, optionally with contour lines.
///
/// Row 0 is drawn at the bottom (y grows with the row index, as on a plot); cell (i, j)
/// is centred at x = j, y = i, or at the given category labels.
public struct HeatmapMark: Equatable, Sendable {
    /// The cell values; every entry must be finite.
    public var values: Matrix<Double>
    /// viridis by default; `.diverging` for signed values.
    public var colormap: Colormap
    /// Fixed colour range, e.g. 0...1 for NMSE in every panel of a figure; the data range when nil.
    public var colorRange: ClosedRange<Double>?
    /// Title of the colorbar.
    public var colorbarLabel: String?
    /// Labels of the columns (x) and rows (y); the indices 0, 1, … when nil.
    public var xLabels: [String]?
    public var yLabels: [String]?
    /// Values at which contour lines are drawn (marching squares over cell centres).
    public var contourLevels: [Double]
    /// Colour of the contour lines.
    public var contourColor: Color
    /// Write each cell's value in it (for small grids), in black or white for contrast.
    public var showValues: Bool

    public init(values: Matrix<Double>, colormap: Colormap = .viridis, colorRange: ClosedRange<Double>? = nil,
                colorbarLabel: String? = nil, xLabels: [String]? = nil, yLabels: [String]? = nil,
                contourLevels: [Double] = [], contourColor: Color = .white, showValues: Bool = false) {
        self.values = values
        self.colormap = colormap
        self.colorRange = colorRange
        self.colorbarLabel = colorbarLabel
        self.xLabels = xLabels
        self.yLabels = yLabels
        self.contourLevels = contourLevels
        self.contourColor = contourColor
        self.showValues = showValues
    }

    var resolvedRange: ClosedRange<Double> { ColorRange.resolve(colorRange, values: values.elements) }
}

extension HeatmapMark: DrawableMark {
    var kind: String { "heat map" }

    func validate() throws {
        if values.rows == 0 || values.columns == 0 {
            throw PlotError.invalidData(mark: kind, message: "the matrix is empty (\(values.rows)×\(values.columns))")
        }
        try DataChecks.finite(values.elements, mark: kind, field: "values")
        try DataChecks.finite(contourLevels, mark: kind, field: "contourLevels")
        if let xLabels, xLabels.count != values.columns {
            throw PlotError.invalidData(mark: kind, message: "\(xLabels.count) x labels for \(values.columns) columns")
        }
        if let yLabels, yLabels.count != values.rows {
            throw PlotError.invalidData(mark: kind, message: "\(yLabels.count) y labels for \(values.rows) rows")
        }
        if let colorRange, !(colorRange.lowerBound < colorRange.upperBound) || !colorRange.upperBound.isFinite || !colorRange.lowerBound.isFinite {
            throw PlotError.invalidData(mark: kind, message: "colour range \(colorRange) is empty or not finite")
        }
    }

    func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent {
        MarkExtent(x: Extent(range: -0.5...(Double(values.columns) - 0.5), tight: true),
                   y: Extent(range: -0.5...(Double(values.rows) - 0.5), tight: true),
                   xCategories: xLabels ?? (0..<values.columns).map(String.init),
                   yCategories: yLabels ?? (0..<values.rows).map(String.init))
    }

    var seriesRequests: [SeriesRequest] { [] }

    func colorbar() -> ColorbarSpec? {
        ColorbarSpec(colormap: colormap, range: resolvedRange, label: colorbarLabel)
    }

    func occupiedPoints(in frame: PlotFrame) -> [(x: Double, y: Double)] {
        (0..<values.rows).flatMap { i in (0..<values.columns).map { j in (x: Double(j), y: Double(i)) } }
    }

    func draw(in frame: PlotFrame, colors: [Color], measurer: TextMeasurer) -> [Primitive] {
        let range = resolvedRange
        var rgba: [UInt8] = []
        rgba.reserveCapacity(values.rows * values.columns * 4)
        for i in (0..<values.rows).reversed() {
            for j in 0..<values.columns {
                rgba.append(contentsOf: colormap.color(at: ColorRange.fraction(values[i, j], in: range)).rgbaBytes)
            }
        }
        let topLeft = frame.point(-0.5, Double(values.rows) - 0.5)
        let bottomRight = frame.point(Double(values.columns) - 0.5, -0.5)
        let rect = Rect(x: topLeft.x, y: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y)
        var primitives: [Primitive] = [.image(RasterImage(width: values.columns, height: values.rows, rgba: rgba), rect)]
        for level in contourLevels {
            let lines = MarchingSquares.lines(values, level: level)
            guard !lines.isEmpty else { continue }
            var path = Path()
            for line in lines { path.elements += Path.polyline(line.map { frame.point($0.x, $0.y) }).elements }
            primitives.append(.stroke(path, StrokeStyle(color: contourColor, widthPoints: 1.25)))
        }
        if showValues { primitives += valueLabels(in: frame, range: range, measurer: measurer) }
        return primitives
    }

    /// One label per cell, sized to the cell; cells too small for their label stay blank.
    private func valueLabels(in frame: PlotFrame, range: ClosedRange<Double>, measurer: TextMeasurer) -> [Primitive] {
        let cellHeight = abs(frame.y.map(1) - frame.y.map(0)), cellWidth = abs(frame.x.map(1) - frame.x.map(0))
        let size = min(9, cellHeight * 0.45)
        guard size >= 5 else { return [] }
        let largest = values.elements.map(abs).max() ?? 0
        let decimals = largest < 10 ? 2 : largest < 100 ? 1 : 0
        var labels: [Primitive] = []
        for i in 0..<values.rows {
            for j in 0..<values.columns {
                let text = RichText(plain: TickFormatter.fixed(values[i, j], decimals: decimals))
                let fill = colormap.color(at: ColorRange.fraction(values[i, j], in: range))
                let light = 0.2126 * fill.red + 0.7152 * fill.green + 0.0722 * fill.blue > 0.5
                let style = TextStyle(sizePoints: size, color: light ? .ink : .white)
                guard measurer.measure(text, style: style).width < cellWidth * 0.9 else { continue }
                let (placed, _) = measurer.place(text, style: style, at: frame.point(Double(j), Double(i)),
                                                 horizontal: .center, vertical: .center)
                labels.append(.text(placed))
            }
        }
        return labels
    }
}

extension Color {
    /// Four bytes, straight alpha.
    var rgbaBytes: [UInt8] {
        [red, green, blue, alpha].map { UInt8((min(max($0, 0), 1) * 255).rounded()) }
    }
}
