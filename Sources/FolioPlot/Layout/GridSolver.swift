/// Solves the panel grid of one figure (see `FigureLayout`).
struct GridSolver {
    let figure: Figure
    let panels: [ResolvedPanel]
    let domains: [(x: ClosedRange<Double>, y: ClosedRange<Double>)]
    let measurer: TextMeasurer

    private var columns: Int { figure.columns }
    private var rows: Int { figure.rows }

    private func showsX(_ index: Int) -> Bool { !figure.sharedX || index + columns >= panels.count }
    private func showsY(_ index: Int) -> Bool { !figure.sharedY || index % columns == 0 }

    private var titleBlock: Double {
        guard let title = figure.title else { return 0 }
        return measurer.measure(TeXLabel.parse(title), style: Theme.figureTitle).height + Theme.titlePad
    }

    /// Solves the grid. A `.best` legend that finds no free spot inside its plot (every
    /// position would hide data, as over a panel full of bars) moves outside, to the right;
    /// so does one too big for its plot. When legends moved outside leave no room, tries
    /// again with all legends inside.
    func solve() throws -> FigureLayout {
        do {
            let layout = try solve(legendsMayMoveOutside: true, crowded: [])
            let crowded = Set(layout.panels.indices.filter { layout.panels[$0].legendHidesData })
            return crowded.isEmpty ? layout : try solve(legendsMayMoveOutside: true, crowded: crowded)
        } catch PlotError.invalidFigure {
            return try solve(legendsMayMoveOutside: false, crowded: [])
        }
    }

    /// `crowded`: panels whose `.best` legend goes outside because it hid data inside.
    private func solve(legendsMayMoveOutside: Bool, crowded: Set<Int>) throws -> FigureLayout {
        // Ticks depend on axis lengths and lengths on tick label sizes: iterate from a guess.
        var sizes = panels.map { _ in
            (width: figure.widthPoints / Double(columns) * 0.75, height: figure.heightPoints / Double(rows) * 0.7)
        }
        var axes: [PanelAxes] = []
        var grid = Grid(cells: [], left: [], bottom: [])
        for _ in 0..<8 {
            axes = panels.indices.map {
                planAxes($0, size: sizes[$0], legendsMayMoveOutside: legendsMayMoveOutside, crowded: crowded.contains($0))
            }
            grid = try solveGrid(axes: axes, sizes: sizes)
            let solved = grid.cells.map { (width: $0.width, height: $0.height) }
            let settled = zip(sizes, solved).allSatisfy { abs($0.width - $1.width) < 0.01 && abs($0.height - $1.height) < 0.01 }
            sizes = solved
            if settled { break }
        }
        let frames = panels.indices.map { index -> FigureLayout.PanelFrame in
            place(index, cell: grid.cells[index], axes: axes[index],
                  columnLeft: grid.cells[index].minX - grid.left[index % columns],
                  rowBottom: grid.cells[index].maxY + grid.bottom[index / columns])
        }
        let title = figure.title.map { text -> LaidOutText in
            let (placed, box) = measurer.place(TeXLabel.parse(text), style: Theme.figureTitle,
                                               at: Point(x: figure.widthPoints / 2, y: Theme.margin),
                                               horizontal: .center, vertical: .top)
            return LaidOutText(text: placed, box: LayoutBox(role: .figureTitle, panel: nil, rect: box))
        }
        return FigureLayout(width: figure.widthPoints, height: figure.heightPoints, panels: frames, title: title)
    }

    private func scales(_ index: Int, rect: Rect) -> (x: Scale, y: Scale) {
        let panel = panels[index].panel
        return (Scale(kind: panel.x.scale, domain: domains[index].x, start: rect.minX, end: rect.maxX),
                Scale(kind: panel.y.scale, domain: domains[index].y, start: rect.maxY, end: rect.minY))
    }

    private func planAxes(
        _ index: Int, size: (width: Double, height: Double), legendsMayMoveOutside: Bool, crowded: Bool
    ) -> PanelAxes {
        let resolved = panels[index]
        let planner = TickPlanner(measurer: measurer)
        let x = planner.plan(kind: resolved.panel.x.scale, domain: domains[index].x, categories: resolved.xCategories,
                             lengthPoints: size.width, direction: .horizontal)
        let y = planner.plan(kind: resolved.panel.y.scale, domain: domains[index].y, categories: resolved.yCategories,
                             lengthPoints: size.height, direction: .vertical)
        let colorbarTicks = resolved.colorbar.map {
            planner.plan(kind: .linear, domain: $0.range, categories: nil, lengthPoints: size.height, direction: .vertical)
        }
        let legendSize = LegendLayout(measurer: measurer).size(of: resolved.panel.legend == .hidden ? [] : resolved.legendEntries)
        let tooBig = legendsMayMoveOutside && legendSize.map { $0.width > size.width * 0.6 || $0.height > size.height * 0.8 } ?? false
        let movesOut = tooBig || (legendsMayMoveOutside && crowded && resolved.panel.legend == .best)
        return PanelAxes(xTicks: x, yTicks: y, colorbarTicks: colorbarTicks, showX: showsX(index), showY: showsY(index),
                         legendSize: legendSize, legendOutside: resolved.panel.legend == .outside || movesOut)
    }

    /// Plot-area rectangles and the decoration margins of each column and row.
    private struct Grid {
        let cells: [Rect]
        let left: [Double]
        let bottom: [Double]
    }

    private func solveGrid(axes: [PanelAxes], sizes: [(width: Double, height: Double)]) throws -> Grid {
        var left = [Double](repeating: 0, count: columns), right = left
        var top = [Double](repeating: 0, count: rows), bottom = top
        for index in panels.indices {
            let unit = Scale(kind: panels[index].panel.x.scale, domain: domains[index].x, start: 0,
                             end: sizes[index].width)
            let m = axes[index].margins(for: panels[index], measurer: measurer, xScale: unit, plotHeight: sizes[index].height)
            let c = index % columns, r = index / columns
            left[c] = max(left[c], m.left)
            right[c] = max(right[c], m.right)
            top[r] = max(top[r], m.top)
            bottom[r] = max(bottom[r], m.bottom)
        }
        let plotWidth = (figure.widthPoints - 2 * Theme.margin - left.reduce(0, +) - right.reduce(0, +)
            - Double(columns - 1) * Theme.columnGap) / Double(columns)
        let plotHeight = (figure.heightPoints - 2 * Theme.margin - titleBlock - top.reduce(0, +) - bottom.reduce(0, +)
            - Double(rows - 1) * Theme.rowGap) / Double(rows)
        guard plotWidth >= Theme.minimumPlotSize, plotHeight >= Theme.minimumPlotSize else {
            throw PlotError.invalidFigure(
                "\(Int(figure.widthPoints))×\(Int(figure.heightPoints)) points is too small for \(panels.count) panel(s) and their labels")
        }
        let cells = panels.indices.map { index in
            let c = index % columns, r = index / columns
            let x = Theme.margin + (0..<c).reduce(0) { $0 + left[$1] + plotWidth + right[$1] + Theme.columnGap } + left[c]
            let y = Theme.margin + titleBlock
                + (0..<r).reduce(0) { $0 + top[$1] + plotHeight + bottom[$1] + Theme.rowGap } + top[r]
            return Rect(x: x, y: y, width: plotWidth, height: plotHeight)
        }
        return Grid(cells: cells, left: left, bottom: bottom)
    }

    /// Places one panel's decorations around its plot area.
    /// `columnLeft` and `rowBottom` are the outer edges of the panel's grid column and row,
    /// where axis titles go so that they line up across panels.
    private func place(_ index: Int, cell: Rect, axes: PanelAxes, columnLeft: Double, rowBottom: Double) -> FigureLayout.PanelFrame {
        let resolved = panels[index]
        var plot = cell
        if let aspect = resolved.preferredAspect {
            // Keep data units square (images): shrink one side and centre.
            let xSpan = domains[index].x.upperBound - domains[index].x.lowerBound
            let ySpan = domains[index].y.upperBound - domains[index].y.lowerBound
            let wanted = aspect * xSpan / ySpan
            if cell.width / cell.height > wanted {
                let width = cell.height * wanted
                plot = Rect(x: cell.midX - width / 2, y: cell.minY, width: width, height: cell.height)
            } else {
                let height = cell.width / wanted
                plot = Rect(x: cell.minX, y: cell.midY - height / 2, width: cell.width, height: height)
            }
        }
        let (xScale, yScale) = scales(index, rect: plot)
        var texts: [LaidOutText] = []
        func add(_ text: RichText, _ style: TextStyle, _ point: Point, _ h: HorizontalAnchor, _ v: VerticalAnchor,
                 _ role: LayoutBox.Role, rotated: Bool = false) {
            let (placed, box) = measurer.place(text, style: style, at: point, horizontal: h, vertical: v, rotated: rotated)
            texts.append(LaidOutText(text: placed, box: LayoutBox(role: role, panel: index, rect: box)))
        }
        if let title = resolved.panel.title {
            add(TeXLabel.parse(title), Theme.panelTitle, Point(x: plot.midX, y: plot.minY - Theme.titlePad),
                .center, .bottom, .panelTitle)
        }
        var colorbarRect: Rect?
        var colorbarScale: Scale?
        var rightEdge = plot.maxX
        if !resolved.hidesAxes {
            let labelTop = plot.maxY + Theme.tickLength + Theme.tickPad
            if axes.showX {
                for tick in axes.xTicks.major {
                    add(tick.label, Theme.tickLabel, Point(x: xScale.map(tick.value), y: labelTop), .center, .top, .tickLabel)
                }
            }
            if axes.showY {
                for tick in axes.yTicks.major {
                    add(tick.label, Theme.tickLabel, Point(x: plot.minX - Theme.tickLength - Theme.tickPad, y: yScale.map(tick.value)),
                        .right, .center, .tickLabel)
                }
            }
            if axes.showX, let label = resolved.panel.x.label {
                add(TeXLabel.parse(label), Theme.axisLabel, Point(x: plot.midX, y: rowBottom), .center, .bottom, .axisLabel)
            }
            if axes.showY, let label = resolved.panel.y.label {
                add(TeXLabel.parse(label), Theme.axisLabel, Point(x: columnLeft, y: plot.midY), .center, .top, .axisLabel,
                    rotated: true)
            }
            if let colorbar = resolved.colorbar, let ticks = axes.colorbarTicks {
                let bar = Rect(x: plot.maxX + Theme.colorbarGap, y: plot.minY, width: Theme.colorbarWidth, height: plot.height)
                let scale = Scale(kind: .linear, domain: colorbar.range, start: bar.maxY, end: bar.minY)
                var labelsRight = bar.maxX + Theme.tickLength
                for tick in ticks.major {
                    add(tick.label, Theme.tickLabel, Point(x: bar.maxX + Theme.tickLength + Theme.tickPad, y: scale.map(tick.value)),
                        .left, .center, .colorbarTickLabel)
                    labelsRight = max(labelsRight, texts[texts.count - 1].box.rect.maxX)
                }
                if let label = colorbar.label {
                    add(TeXLabel.parse(label), Theme.axisLabel, Point(x: labelsRight + Theme.labelPad, y: bar.midY),
                        .center, .top, .colorbarLabel, rotated: true)
                    labelsRight = texts[texts.count - 1].box.rect.maxX
                }
                colorbarRect = bar
                colorbarScale = scale
                rightEdge = labelsRight
            }
        }
        let frame = PlotFrame(rect: plot, x: xScale, y: yScale)
        var legendRect: Rect?
        var legendHidesData = false
        if let size = axes.legendSize {
            if axes.legendOutside {
                legendRect = Rect(x: rightEdge + Theme.legendGap, y: plot.minY, width: size.width, height: size.height)
            } else {
                let points = resolved.marks.flatMap { $0.occupiedPoints(in: frame) }.map { frame.point($0.x, $0.y) }
                let placement = LegendLayout(measurer: measurer).bestPlacement(size: size, in: plot, avoiding: points)
                legendRect = placement.rect
                legendHidesData = placement.covered > 0 && resolved.panel.legend == .best
            }
        }
        return FigureLayout.PanelFrame(resolved: resolved, frame: frame, axes: axes, texts: texts,
                                       legendRect: legendRect, colorbarRect: colorbarRect, colorbarScale: colorbarScale,
                                       legendHidesData: legendHidesData)
    }
}
