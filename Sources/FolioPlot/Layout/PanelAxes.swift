/// Everything about one panel's axes that the layout needs before positions are known:
/// ticks for the current axis lengths and the sizes of labels, titles, legend and colorbar.
struct PanelAxes {
    let xTicks: AxisTicks
    let yTicks: AxisTicks
    let colorbarTicks: AxisTicks?
    /// Whether this panel shows its tick labels and axis titles (outer panels only when shared).
    let showX: Bool
    let showY: Bool
    let legendSize: (width: Double, height: Double)?
    let legendOutside: Bool

    /// Space needed around the plot area, in points.
    struct Margins {
        var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0
    }

    /// `xScale` spans the current plot width from 0; `plotHeight` is the current plot height.
    /// Titles and axis labels longer than their side of the plot widen the margins they overhang.
    func margins(for resolved: ResolvedPanel, measurer: TextMeasurer, xScale: Scale, plotHeight: Double) -> Margins {
        var margins = Margins()
        let plotWidth = xScale.end - xScale.start
        let tickHeight = measurer.measure(RichText(plain: "0"), style: Theme.tickLabel).height
        func overhangSides(_ label: String?, style: TextStyle, along length: Double) -> Double {
            guard let label else { return 0 }
            return max(0, (measurer.measure(TeXLabel.parse(label), style: style).width - length) / 2)
        }
        let horizontalOverhang = max(overhangSides(resolved.panel.title, style: Theme.panelTitle, along: plotWidth),
                                     showX && !resolved.hidesAxes
                                        ? overhangSides(resolved.panel.x.label, style: Theme.axisLabel, along: plotWidth) : 0)
        margins.left = horizontalOverhang
        margins.right = horizontalOverhang
        if let title = resolved.panel.title {
            margins.top = measurer.measure(TeXLabel.parse(title), style: Theme.panelTitle).height + Theme.titlePad
        }
        if resolved.hidesAxes { return margins }
        let verticalOverhang = max(showY ? overhangSides(resolved.panel.y.label, style: Theme.axisLabel, along: plotHeight) : 0,
                                   overhangSides(resolved.colorbar?.label, style: Theme.axisLabel, along: plotHeight))
        margins.top = max(margins.top, tickHeight / 2, verticalOverhang)
        var left = Theme.tickLength
        margins.bottom = Theme.tickLength
        if showY, let widest = yTicks.major.map({ measurer.measure($0.label, style: Theme.tickLabel).width }).max() {
            left += Theme.tickPad + widest
        }
        if showY, let label = resolved.panel.y.label {
            left += Theme.labelPad + measurer.measure(TeXLabel.parse(label), style: Theme.axisLabel).height
        }
        margins.left = max(margins.left, left)
        if showX, !xTicks.major.isEmpty {
            margins.bottom += Theme.tickPad + (xTicks.major.map { measurer.measure($0.label, style: Theme.tickLabel).height }.max() ?? 0)
            // The first and last x labels are centred on their ticks and may stick out sideways.
            let overhang = { (tick: AxisTicks.Tick, towardsEnd: Bool) -> Double in
                let half = measurer.measure(tick.label, style: Theme.tickLabel).width / 2
                let position = xScale.map(tick.value) - xScale.start
                let room = towardsEnd ? (xScale.end - xScale.start) - position : position
                return half - room
            }
            if let first = xTicks.major.first { margins.left = max(margins.left, overhang(first, false)) }
            if let last = xTicks.major.last { margins.right = max(margins.right, overhang(last, true)) }
        }
        margins.bottom = max(margins.bottom, tickHeight / 2)
        if showX, let label = resolved.panel.x.label {
            margins.bottom += Theme.labelPad + measurer.measure(TeXLabel.parse(label), style: Theme.axisLabel).height
        }
        margins.bottom = max(margins.bottom, verticalOverhang)
        var rightBlock = 0.0
        if let colorbar = resolved.colorbar, let colorbarTicks {
            rightBlock += Theme.colorbarGap + Theme.colorbarWidth + Theme.tickLength + Theme.tickPad
            rightBlock += colorbarTicks.major.map { measurer.measure($0.label, style: Theme.tickLabel).width }.max() ?? 0
            if let label = colorbar.label {
                rightBlock += Theme.labelPad + measurer.measure(TeXLabel.parse(label), style: Theme.axisLabel).height
            }
            margins.top = max(margins.top, tickHeight / 2)
        }
        if legendOutside, let legendSize { rightBlock += Theme.legendGap + legendSize.width }
        margins.right = max(margins.right, rightBlock)
        return margins
    }
}
