/// Turns a solved layout into the primitives every backend draws: background, marks
/// clipped to their plot areas, axes, colorbars, legends and text.
struct SceneBuilder {
    let layout: FigureLayout
    let measurer: TextMeasurer

    func build() -> [Primitive] {
        var scene: [Primitive] = [.fill(.rect(Rect(x: 0, y: 0, width: layout.width, height: layout.height)), .white)]
        if let title = layout.title { scene.append(.text(title.text)) }
        for panel in layout.panels {
            scene.append(.clip(panel.frame.rect))
            for (mark, colors) in zip(panel.resolved.marks, panel.resolved.colors) {
                scene += mark.draw(in: panel.frame, colors: colors, measurer: measurer)
            }
            scene.append(.clip(nil))
            if !panel.resolved.hidesAxes { scene += axes(panel) }
            scene += panel.texts.map { .text($0.text) }
            if let bar = panel.colorbarRect, let scale = panel.colorbarScale, let spec = panel.resolved.colorbar,
               let ticks = panel.axes.colorbarTicks {
                scene += colorbar(spec, in: bar, scale: scale, ticks: ticks)
            }
            if let legend = panel.legendRect {
                scene += self.legend(panel.resolved.legendEntries, in: legend)
            }
        }
        return scene
    }

    private static let axisStyle = StrokeStyle(color: .ink, widthPoints: Theme.spineWidth)

    private func axes(_ panel: FigureLayout.PanelFrame) -> [Primitive] {
        let rect = panel.frame.rect
        var major = Path(), minor = Path()
        func xTick(_ value: Double, length: Double, into path: inout Path) {
            let x = panel.frame.x.map(value)
            path.move(to: Point(x: x, y: rect.maxY))
            path.line(to: Point(x: x, y: rect.maxY + length))
        }
        func yTick(_ value: Double, length: Double, into path: inout Path) {
            let y = panel.frame.y.map(value)
            path.move(to: Point(x: rect.minX, y: y))
            path.line(to: Point(x: rect.minX - length, y: y))
        }
        for tick in panel.axes.xTicks.major { xTick(tick.value, length: Theme.tickLength, into: &major) }
        for tick in panel.axes.yTicks.major { yTick(tick.value, length: Theme.tickLength, into: &major) }
        for value in panel.axes.xTicks.minor { xTick(value, length: Theme.minorTickLength, into: &minor) }
        for value in panel.axes.yTicks.minor { yTick(value, length: Theme.minorTickLength, into: &minor) }
        var primitives: [Primitive] = [.stroke(.rect(rect), Self.axisStyle), .stroke(major, Self.axisStyle)]
        if !minor.elements.isEmpty {
            primitives.append(.stroke(minor, StrokeStyle(color: .ink, widthPoints: Theme.spineWidth * 0.75)))
        }
        return primitives
    }

    private func colorbar(_ spec: ColorbarSpec, in bar: Rect, scale: Scale, ticks: AxisTicks) -> [Primitive] {
        let steps = 256
        var rgba: [UInt8] = []
        for row in 0..<steps { rgba += spec.colormap.color(at: 1 - (Double(row) + 0.5) / Double(steps)).rgbaBytes }
        var tickPath = Path()
        for tick in ticks.major {
            let y = scale.map(tick.value)
            tickPath.move(to: Point(x: bar.maxX, y: y))
            tickPath.line(to: Point(x: bar.maxX + Theme.tickLength, y: y))
        }
        return [.image(RasterImage(width: 1, height: steps, rgba: rgba), bar),
                .stroke(.rect(bar), Self.axisStyle), .stroke(tickPath, Self.axisStyle)]
    }

    private func legend(_ entries: [LegendEntry], in box: Rect) -> [Primitive] {
        let geometry = LegendLayout(measurer: measurer)
        var primitives: [Primitive] = [
            .fill(.rect(box), Color.white.withAlpha(0.85)),
            .stroke(.rect(box), StrokeStyle(color: Color(hex: 0xCCCCCC), widthPoints: 0.8)),
        ]
        let swatchLeft = box.minX + Theme.legendPad
        let swatchRight = swatchLeft + Theme.legendSwatchWidth
        for (index, entry) in entries.enumerated() {
            let y = geometry.rowCenterY(index, in: box)
            let middle = Point(x: (swatchLeft + swatchRight) / 2, y: y)
            switch entry.swatch {
            case let .line(style, marker):
                primitives.append(.stroke(.segment(Point(x: swatchLeft, y: y), Point(x: swatchRight, y: y)), style))
                if marker {
                    primitives.append(.fill(Path(elements: [.circle(center: middle, radius: max(2, style.widthPoints * 1.6))]),
                                            style.color))
                }
            case let .patch(color):
                let height = geometry.rowHeight * 0.7
                primitives.append(.fill(.rect(Rect(x: swatchLeft, y: y - height / 2, width: Theme.legendSwatchWidth, height: height)),
                                        color))
            case let .dot(color):
                primitives.append(.fill(Path(elements: [.circle(center: middle, radius: 3)]), color))
            }
            let (text, _) = measurer.place(TeXLabel.parse(entry.label), style: Theme.legendText,
                                           at: Point(x: swatchRight + Theme.legendSwatchGap, y: y),
                                           horizontal: .left, vertical: .center)
            primitives.append(.text(text))
        }
        return primitives
    }
}
