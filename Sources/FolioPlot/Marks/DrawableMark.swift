import Foundation

/// Data bounds of a mark along one axis, and how the axis range may grow around them.
struct Extent: Equatable, Sendable {
    var range: ClosedRange<Double>?
    /// No margin is added (heat maps, histogram edges, category slots).
    var tight = false
    /// The lower bound is a baseline (bars, histograms) that gets no margin below it.
    var stickyLower = false
}

/// A mark's bounds on both axes, and the categories it puts on them.
struct MarkExtent: Equatable, Sendable {
    var x = Extent()
    var y = Extent()
    var xCategories: [String]?
    var yCategories: [String]?
}

/// A series asking for a colour: explicit, or the next palette colour for its label.
struct SeriesRequest: Equatable, Sendable {
    /// The palette cycles: shading (bands) counts apart from the series it accompanies.
    enum Cycle: Hashable, Sendable { case series, shading }

    let label: String?
    let color: Color?
    var cycle = Cycle.series
}

/// One legend row.
struct LegendEntry: Equatable, Sendable {
    enum Swatch: Equatable, Sendable {
        case line(StrokeStyle, marker: Bool)
        case patch(Color)
        case dot(Color)
    }

    let label: String
    let swatch: Swatch
}

/// A colour scale shown beside the panel.
struct ColorbarSpec: Equatable, Sendable {
    let colormap: Colormap
    let range: ClosedRange<Double>
    let label: String?
}

/// The plot area with its scales: where a mark draws.
struct PlotFrame: Equatable, Sendable {
    let rect: Rect
    let x: Scale
    let y: Scale

    func point(_ xValue: Double, _ yValue: Double) -> Point {
        Point(x: x.map(xValue), y: y.map(yValue))
    }

    /// Where bars and histogram bins start: 0, or the bottom of a log axis.
    var barBase: Double { y.kind == .log ? y.domain.lowerBound : 0 }
}

/// What every mark provides to scales, legends, layout and the scene builder.
protocol DrawableMark: Sendable {
    /// Short kind name for errors and alt text, e.g. `line plot`.
    var kind: String { get }
    /// Throws `PlotError.invalidData` for data that cannot be drawn.
    func validate() throws
    func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent
    /// The series this mark draws, in order; each gets one colour.
    var seriesRequests: [SeriesRequest] { get }
    func legendEntries(colors: [Color]) -> [LegendEntry]
    /// Data points the legend should avoid covering.
    func occupiedPoints(in frame: PlotFrame) -> [(x: Double, y: Double)]
    func colorbar() -> ColorbarSpec?
    /// Width / height of one data unit pair the plot area should keep (images), if any.
    var preferredAspect: Double? { get }
    /// Whether the panel should draw no axes (image montages).
    var hidesAxes: Bool { get }
    func draw(in frame: PlotFrame, colors: [Color], measurer: TextMeasurer) -> [Primitive]
}

extension DrawableMark {
    func legendEntries(colors: [Color]) -> [LegendEntry] { [] }
    func colorbar() -> ColorbarSpec? { nil }
    var preferredAspect: Double? { nil }
    var hidesAxes: Bool { false }
}

/// Points covering a bar from the frame's bar base to `top` between `left` and `right`, for
/// the legend to avoid: across its width and, in eleven steps, up its height as the y axis
/// draws it (evenly on a linear axis, geometrically on a log one, where a bar starts at the
/// bottom of the domain).
func barOccupiedPoints(left: Double, right: Double, top: Double, in frame: PlotFrame) -> [(x: Double, y: Double)] {
    let base = frame.barBase
    let heights = (0...10).map { step -> Double in
        let t = Double(step) / 10
        guard frame.y.kind == .log, base > 0, top > 0 else { return base + t * (top - base) }
        return base * pow(top / base, t)
    }
    return [left, (left + right) / 2, right].flatMap { x in heights.map { (x: x, y: $0) } }
}
