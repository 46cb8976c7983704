import Foundation

/// Counts of values in bins, drawn as adjoining bars; bins are equal-width or, for
/// values spanning decades, equal-width in log10 (use with a log x axis).
public struct HistogramMark: Equatable, Sendable {
    /// How bin edges are spaced.
    public enum Binning: String, Equatable, Sendable, CaseIterable {
        case linear
        /// Geometric bin edges; every value must be positive.
        case log
    }

    public var values: [Double]
    /// Number of bins (at least 1).
    public var bins: Int
    public var binning: Binning
    /// Bin range; the data range when nil.
    public var range: ClosedRange<Double>?
    /// Legend label.
    public var label: String?
    public var color: Color?
    /// Fill opacity, so that overlaid histograms stay visible.
    public var opacity: Double

    public init(values: [Double], bins: Int = 30, binning: Binning = .linear, range: ClosedRange<Double>? = nil,
                label: String? = nil, color: Color? = nil, opacity: Double = 0.75) {
        self.values = values
        self.bins = bins
        self.binning = binning
        self.range = range
        self.label = label
        self.color = color
        self.opacity = opacity
    }

    /// Bin edges (`bins + 1` of them), increasing.
    var edges: [Double] {
        let low = range?.lowerBound ?? values.min() ?? 0
        let high = range?.upperBound ?? values.max() ?? 1
        switch binning {
        case .linear:
            let (a, b) = low < high ? (low, high) : (low - 0.5, high + 0.5)
            return (0...bins).map { a + (b - a) * Double($0) / Double(bins) }
        case .log:
            let (a, b) = low < high ? (log10(low), log10(high)) : (log10(low) - 0.5, log10(high) + 0.5)
            return (0...bins).map { pow(10, a + (b - a) * Double($0) / Double(bins)) }
        }
    }

    /// Number of values in each bin; the last bin includes its right edge, values outside are dropped.
    var counts: [Double] {
        let edges = self.edges
        var counts = [Double](repeating: 0, count: bins)
        let transform: (Double) -> Double = binning == .log ? log10 : { $0 }
        let a = transform(edges[0]), b = transform(edges[bins])
        for value in values where value >= edges[0] && value <= edges[bins] {
            let position = (transform(value) - a) / (b - a) * Double(bins)
            counts[min(max(Int(position), 0), bins - 1)] += 1
        }
        return counts
    }
}

extension HistogramMark: DrawableMark {
    var kind: String { "histogram" }

    func validate() throws {
        try DataChecks.series(values, field: "values", mark: kind)
        if bins < 1 || bins > 10_000 {
            throw PlotError.invalidData(mark: kind, message: "`bins` is \(bins); it must be between 1 and 10000")
        }
        if binning == .log, let bad = values.first(where: { $0 <= 0 }) {
            throw PlotError.invalidData(mark: kind, message: "log bins need positive values, found \(bad)")
        }
        if let range, !(range.lowerBound < range.upperBound) || (binning == .log && range.lowerBound <= 0) {
            throw PlotError.invalidData(mark: kind, message: "bin range \(range) is empty or not positive for log bins")
        }
    }

    func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent {
        let edges = self.edges
        let counts = self.counts
        let yRange = yScale == .log ? DataChecks.bounds(counts, for: .log) : DataChecks.bounds(counts + [0])
        return MarkExtent(x: Extent(range: edges[0]...edges[edges.count - 1], tight: true),
                          y: Extent(range: yRange, stickyLower: yScale == .linear))
    }

    var seriesRequests: [SeriesRequest] { [SeriesRequest(label: label, color: color)] }

    func legendEntries(colors: [Color]) -> [LegendEntry] {
        label.map { [LegendEntry(label: $0, swatch: .patch(colors[0].withAlpha(opacity)))] } ?? []
    }

    func occupiedPoints(in frame: PlotFrame) -> [(x: Double, y: Double)] {
        let edges = self.edges
        return zip(counts.indices, counts).flatMap { index, count in
            barOccupiedPoints(left: edges[index], right: edges[index + 1], top: count, in: frame)
        }
    }

    func draw(in frame: PlotFrame, colors: [Color], measurer: TextMeasurer) -> [Primitive] {
        let edges = self.edges
        let base = frame.barBase
        var path = Path()
        for (index, count) in counts.enumerated() where count > 0 {
            let a = frame.point(edges[index], base), b = frame.point(edges[index + 1], count)
            path.elements.append(.rect(Rect(x: a.x, y: min(a.y, b.y), width: b.x - a.x, height: abs(b.y - a.y))))
        }
        return [.fill(path, colors[0].withAlpha(opacity))]
    }
}
