/// A figure: panels laid out on a grid, row by row, with an optional title.
///
/// When every panel has the same colour scale (colour map, range and label), one colorbar
/// per row is drawn, beside the row's last panel.
///
/// A plain value with no drawing state; `renderPNG`, `renderSVG`, `renderPDF`,
/// `sceneDump` and `altText` derive everything else (scales, ticks, layout) from it.
public struct Figure: Equatable, Sendable {
    /// Figure title above all panels.
    public var title: String?
    /// The panels, row by row.
    public var panels: [Panel]
    /// Panels per row; rows follow from the panel count.
    public var columns: Int
    /// Size in points (1/72 in); PNGs are rendered at `scale` pixels per point.
    public var widthPoints: Double
    public var heightPoints: Double
    /// Share the x (y) range across all panels; tick labels then appear on the outer panels only.
    public var sharedX: Bool
    public var sharedY: Bool

    /// A figure; without an explicit size, each panel gets about 300 × 230 points
    /// (a single panel 432 × 324, matplotlib's default proportions).
    public init(title: String? = nil, panels: [Panel], columns: Int? = nil,
                widthPoints: Double? = nil, heightPoints: Double? = nil,
                sharedX: Bool = false, sharedY: Bool = false) {
        let columnCount = max(1, min(columns ?? panels.count, max(panels.count, 1)))
        let rowCount = max(1, (panels.count + columnCount - 1) / columnCount)
        let single = panels.count <= 1
        self.title = title
        self.panels = panels
        self.columns = columnCount
        self.widthPoints = widthPoints ?? (single ? 432 : 300 * Double(columnCount))
        self.heightPoints = heightPoints
            ?? ((single ? 324 : 230 * Double(rowCount)) + (title == nil ? 0 : 20))
        self.sharedX = sharedX
        self.sharedY = sharedY
    }

    /// A one-panel figure.
    public init(title: String? = nil, x: Axis = Axis(), y: Axis = Axis(), marks: [Mark],
                legend: LegendPosition = .best, widthPoints: Double? = nil, heightPoints: Double? = nil) {
        self.init(panels: [Panel(title: title, x: x, y: y, marks: marks, legend: legend)],
                  widthPoints: widthPoints, heightPoints: heightPoints)
    }

    /// Number of grid rows.
    public var rows: Int { max(1, (panels.count + columns - 1) / columns) }
}
