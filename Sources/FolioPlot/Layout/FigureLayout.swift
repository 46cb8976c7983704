/// A solved figure: every panel's plot area, scales, ticks and decoration text, placed
/// so that nothing is clipped or overlapping. Text is measured first, then the grid is
/// solved (constrained-layout style): each column gets the widest left/right decorations
/// of its panels, each row the tallest top/bottom ones, and the plot areas share the rest.
struct FigureLayout: Sendable {
    struct PanelFrame: Sendable {
        let resolved: ResolvedPanel
        let frame: PlotFrame
        let axes: PanelAxes
        let texts: [LaidOutText]
        let legendRect: Rect?
        let colorbarRect: Rect?
        let colorbarScale: Scale?
        /// The `.best` legend found no free spot inside the plot and covers data.
        var legendHidesData = false
    }

    let width: Double
    let height: Double
    let panels: [PanelFrame]
    let title: LaidOutText?

    /// Every box: plot areas, texts, legends and colorbars.
    var boxes: [LayoutBox] {
        var boxes = title.map { [$0.box] } ?? []
        for (index, panel) in panels.enumerated() {
            boxes.append(LayoutBox(role: .plotArea, panel: index, rect: panel.frame.rect))
            boxes += panel.texts.map(\.box)
            if let legend = panel.legendRect { boxes.append(LayoutBox(role: .legend, panel: index, rect: legend)) }
            if let bar = panel.colorbarRect { boxes.append(LayoutBox(role: .colorbar, panel: index, rect: bar)) }
        }
        return boxes
    }

    static func solve(_ figure: Figure, measurer: TextMeasurer) throws -> FigureLayout {
        let (panels, domains) = try resolve(figure)
        return try GridSolver(figure: figure, panels: panels, domains: domains, measurer: measurer).solve()
    }

    /// Validates the figure and derives each panel's colours, extents and axis ranges
    /// (shared across panels when asked); needs no fonts.
    static func resolve(_ figure: Figure) throws -> ([ResolvedPanel], [(x: ClosedRange<Double>, y: ClosedRange<Double>)]) {
        guard !figure.panels.isEmpty else { throw PlotError.invalidFigure("it has no panels") }
        guard figure.widthPoints.isFinite, figure.heightPoints.isFinite,
              figure.widthPoints > 0, figure.heightPoints > 0 else {
            throw PlotError.invalidFigure("size \(figure.widthPoints)×\(figure.heightPoints) points is not positive")
        }
        func name(_ index: Int) -> String { figure.panels.count > 1 ? "panel \(index + 1)" : "plot" }
        var resolved = try figure.panels.enumerated().map { try ResolvedPanel($1, name: name($0)) }
        if figure.sharedX {
            let shared = ResolvedPanel.merge(resolved.map(\.xExtent))
            for index in resolved.indices { resolved[index].xExtent = shared }
        }
        if figure.sharedY {
            let shared = ResolvedPanel.merge(resolved.map(\.yExtent))
            for index in resolved.indices { resolved[index].yExtent = shared }
        }
        // Identical colour scales on every panel (e.g. NMSE on [0, 1]) are drawn once per
        // row, beside the last panel, instead of once per panel.
        if resolved.count > 1, let first = resolved[0].colorbar, resolved.allSatisfy({ $0.colorbar == first }) {
            for index in resolved.indices where index % figure.columns != figure.columns - 1 && index != resolved.count - 1 {
                resolved[index].colorbar = nil
            }
        }
        let domains = try resolved.enumerated().map { index, panel in
            (x: try ResolvedPanel.domain(panel.xExtent, axis: panel.panel.x, name: name(index) + " x axis"),
             y: try ResolvedPanel.domain(panel.yExtent, axis: panel.panel.y, name: name(index) + " y axis"))
        }
        return (resolved, domains)
    }
}
