extension Figure {
    /// A plain-language description for screen readers: what kind of plot each panel is,
    /// its axes with their ranges, and the names of its series.
    public func altText() throws -> String {
        let (panels, domains) = try FigureLayout.resolve(self)
        var sentences: [String] = []
        let titled = title.map { "Figure “\(TeXLabel.parse($0).plainText)”" } ?? "Figure"
        if panels.count > 1 {
            sentences.append("\(titled) with \(panels.count) panels in \(rows) row\(rows == 1 ? "" : "s") of \(columns).")
        } else if title != nil {
            sentences.append("\(titled).")
        }
        for (index, panel) in panels.enumerated() {
            var parts: [String] = []
            let name = panels.count > 1 ? "Panel \(index + 1)" : "Plot"
            let heading = panel.panel.title.map { "\(name) “\(TeXLabel.parse($0).plainText)”" } ?? name
            parts.append("\(heading): \(Self.list(panel.kinds)).")
            if !panel.hidesAxes {
                parts.append(Self.describe(axis: panel.panel.x, letter: "x", domain: domains[index].x, categories: panel.xCategories))
                parts.append(Self.describe(axis: panel.panel.y, letter: "y", domain: domains[index].y, categories: panel.yCategories))
            }
            for mark in panel.marks { if let detail = Self.detail(of: mark) { parts.append(detail) } }
            if let bar = panel.colorbar {
                let label = bar.label.map { " “\(TeXLabel.parse($0).plainText)”" } ?? ""
                parts.append("Colour scale\(label) (\(bar.colormap.name)) from \(TickFormatter.compact(bar.range.lowerBound)) to \(TickFormatter.compact(bar.range.upperBound)).")
            }
            let names = panel.legendEntries.map { TeXLabel.parse($0.label).plainText }
            if !names.isEmpty { parts.append("Series: \(names.joined(separator: ", ")).") }
            sentences.append(parts.joined(separator: " "))
        }
        return sentences.joined(separator: " ")
    }

    private static func describe(axis: Axis, letter: String, domain: ClosedRange<Double>, categories: [String]?) -> String {
        let label = axis.label.map { " “\(TeXLabel.parse($0).plainText)”" } ?? ""
        if let categories {
            let shown = categories.count > 6 ? Array(categories.prefix(3)) + ["…", categories[categories.count - 1]] : categories
            return "\(letter) axis\(label): \(categories.count) categories (\(shown.joined(separator: ", ")))."
        }
        return "\(letter) axis\(label), \(axis.scale == .log ? "logarithmic" : "linear"), from "
            + "\(TickFormatter.compact(domain.lowerBound)) to \(TickFormatter.compact(domain.upperBound))."
    }

    private static func detail(of mark: any DrawableMark) -> String? {
        switch mark {
        case let heatmap as HeatmapMark:
            let contours = heatmap.contourLevels.isEmpty ? ""
                : ", contour\(heatmap.contourLevels.count == 1 ? "" : "s") at \(heatmap.contourLevels.map(TickFormatter.compact).joined(separator: ", "))"
            return "Heat map of \(heatmap.values.rows)×\(heatmap.values.columns) cells\(contours)."
        case let grid as ImageGridMark:
            return "\(grid.images.count) images of \(grid.imageWidth)×\(grid.imageHeight) pixels in \(grid.gridRows) rows of \(grid.gridColumns)."
        case let scatter as ScatterMark:
            return "\(scatter.x.count) points."
        case let histogram as HistogramMark:
            return "\(histogram.values.count) values in \(histogram.bins) \(histogram.binning == .log ? "logarithmic" : "equal-width") bins."
        default:
            return nil
        }
    }

    private static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return "empty"
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}
