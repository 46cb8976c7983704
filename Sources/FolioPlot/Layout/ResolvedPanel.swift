import Foundation

/// A validated panel with colours, data extents, legend rows and colorbar worked out.
struct ResolvedPanel: Sendable {
    let panel: Panel
    let marks: [any DrawableMark]
    /// The colours of each mark's series.
    let colors: [[Color]]
    var xExtent: Extent
    var yExtent: Extent
    let xCategories: [String]?
    let yCategories: [String]?
    let legendEntries: [LegendEntry]
    var colorbar: ColorbarSpec?
    let hidesAxes: Bool
    let preferredAspect: Double?

    init(_ panel: Panel, name: String) throws {
        if panel.marks.isEmpty { throw PlotError.invalidFigure("\(name) has no marks") }
        let marks = panel.marks.map(\.drawable)
        for mark in marks {
            do { try mark.validate() } catch let PlotError.invalidData(kind, message) {
                throw PlotError.invalidData(mark: "\(name), \(kind)", message: message)
            }
        }
        self.panel = panel
        self.marks = marks
        var palette = SeriesPalette()
        colors = marks.map { $0.seriesRequests.map { palette.color(for: $0) } }
        let extents = marks.map { $0.extent(xScale: panel.x.scale, yScale: panel.y.scale) }
        xExtent = Self.merge(extents.map(\.x))
        yExtent = Self.merge(extents.map(\.y))
        xCategories = extents.lazy.compactMap(\.xCategories).first
        yCategories = extents.lazy.compactMap(\.yCategories).first
        legendEntries = Self.deduplicated(zip(marks, colors).flatMap { $0.legendEntries(colors: $1) })
        colorbar = marks.lazy.compactMap { $0.colorbar() }.first
        hidesAxes = marks.allSatisfy(\.hidesAxes)
        preferredAspect = marks.lazy.compactMap(\.preferredAspect).first
    }

    var kinds: [String] {
        var seen: [String] = []
        for mark in marks where !seen.contains(mark.kind) { seen.append(mark.kind) }
        return seen
    }

    /// Union of the marks' extents; tight only if every contributing mark is.
    static func merge(_ extents: [Extent]) -> Extent {
        let ranged = extents.filter { $0.range != nil }
        guard let first = ranged.first?.range else { return Extent() }
        let range = ranged.dropFirst().reduce(first) { union, extent in
            guard let r = extent.range else { return union }
            return min(union.lowerBound, r.lowerBound)...max(union.upperBound, r.upperBound)
        }
        let sticky = ranged.contains { $0.stickyLower && $0.range?.lowerBound == range.lowerBound }
        return Extent(range: range, tight: ranged.allSatisfy(\.tight), stickyLower: sticky)
    }

    /// One legend row per label; a line swatch wins over a patch (line drawn over its band).
    static func deduplicated(_ entries: [LegendEntry]) -> [LegendEntry] {
        var result: [LegendEntry] = []
        for entry in entries {
            if let index = result.firstIndex(where: { $0.label == entry.label }) {
                if case .line = entry.swatch { result[index] = entry }
            } else {
                result.append(entry)
            }
        }
        return result
    }

    /// The axis range: fixed, or the data extent with a margin (none on tight axes or
    /// below a sticky baseline); a single value is widened around itself.
    static func domain(_ extent: Extent, axis: Axis, name: String) throws -> ClosedRange<Double> {
        if let fixed = axis.range {
            guard fixed.lowerBound < fixed.upperBound, fixed.lowerBound.isFinite, fixed.upperBound.isFinite,
                  axis.scale == .linear || fixed.lowerBound > 0 else {
                throw PlotError.invalidFigure("\(name): axis range \(fixed) is empty, not finite, or not positive on a log axis")
            }
            return fixed
        }
        switch axis.scale {
        case .linear:
            guard let range = extent.range else { return 0...1 }
            var low = range.lowerBound, high = range.upperBound
            if low == high {
                let half = low == 0 ? 1 : abs(low) * 0.1
                return (low - half)...(high + half)
            }
            if !extent.tight {
                let pad = (high - low) * Theme.dataMargin
                if !extent.stickyLower { low -= pad }
                high += pad
            }
            return low...high
        case .log:
            guard let range = extent.range else { return 1...10 }
            guard range.lowerBound > 0 else {
                throw PlotError.invalidData(mark: name, message: "values must be positive on a log axis (found \(range.lowerBound))")
            }
            var low = log10(range.lowerBound), high = log10(range.upperBound)
            if low == high {
                low -= 0.5
                high += 0.5
            } else if !extent.tight {
                let pad = (high - low) * Theme.dataMargin
                low -= pad
                high += pad
            }
            return pow(10, low)...pow(10, high)
        }
    }
}

/// Assigns tab10 colours to series in order; series with the same label share a colour.
/// Bands count in a cycle of their own, as matplotlib's fills do: the n-th band gets the
/// n-th series colour, so a line and its ±sd band match whichever is drawn first. A new
/// series skips colours that labelled series (bands included) already hold.
struct SeriesPalette {
    private var byLabel: [String: Color] = [:]
    private var next: [SeriesRequest.Cycle: Int] = [:]

    mutating func color(for request: SeriesRequest) -> Color {
        if let explicit = request.color {
            if let label = request.label, byLabel[label] == nil { byLabel[label] = explicit }
            return explicit
        }
        if let label = request.label, let known = byLabel[label] { return known }
        var index = next[request.cycle, default: 0]
        if request.cycle == .series {
            let held = Set(byLabel.values)
            for _ in Palette.tab10.indices where held.contains(Palette.category(index)) { index += 1 }
        }
        next[request.cycle] = index + 1
        let color = Palette.category(index)
        if let label = request.label { byLabel[label] = color }
        return color
    }
}
