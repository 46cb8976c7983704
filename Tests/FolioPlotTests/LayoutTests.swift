import Testing
@testable import FolioPlot

/// Layout boxes stay inside the canvas and never overlap — except a legend placed inside
/// its own plot area.
private func checkLayout(_ figure: Figure, name: String) throws {
    let layout = try figure.layout()
    let canvas = Rect(x: 0, y: 0, width: figure.widthPoints, height: figure.heightPoints)
    let boxes = layout.boxes
    for box in boxes {
        #expect(canvas.contains(box.rect), "\(name): \(box.role) of panel \(box.panel ?? -1) leaves the canvas: \(box.rect)")
    }
    for (i, a) in boxes.enumerated() {
        for b in boxes[(i + 1)...] where a.rect.intersects(b.rect) {
            let legendInOwnPlot = Set([a.role, b.role]) == [.legend, .plotArea] && a.panel == b.panel
            #expect(legendInOwnPlot, "\(name): \(a.role) (panel \(a.panel ?? -1)) overlaps \(b.role) (panel \(b.panel ?? -1))")
        }
    }
}

@Test(arguments: Fixtures.all.map(\.name))
func fixtureLayoutsAreClean(name: String) throws {
    let figure = try #require(Fixtures.all.first { $0.name == name }?.figure)
    try checkLayout(figure, name: name)
}

@Test func smallMultiplesLayoutIsClean() throws {
    try checkLayout(Fixtures.smallMultiples, name: "small multiples")
    try checkLayout(Fixtures.mixedPanels, name: "mixed panels")
}

@Test func identicalColourScalesShareOneColorbar() throws {
    let layout = try Fixtures.sharedColorScale.layout()
    #expect(layout.boxes.filter { $0.role == .colorbar }.map(\.panel) == [3])
    #expect(Set(layout.panels.map(\.frame.rect.width)).count == 1)
}

@Test func longLabelsAndManyPanelsStayClean() throws {
    try checkLayout(Fixtures.longLabels, name: "long labels")
    let twenty = (0..<20).map { index in
        Panel(title: "run \(index)", x: Axis("iteration"), y: Axis("$\\|L - \\hat{L}\\|_F$"),
              marks: [.line(LineMark(x: [1, 10, 100, 1000], y: [1, 0.1, 0.01, 0.001], label: "trial \(index)"))])
    }
    try checkLayout(Figure(panels: twenty, columns: 5), name: "twenty panels")
    try checkLayout(Figure(title: "A long figure title that should still fit above the panels",
                           panels: Array(twenty.prefix(4)), columns: 2, widthPoints: 420, heightPoints: 380),
                    name: "four narrow panels")
}

@Test func layoutAlignsPlotAreasOnTheGrid() throws {
    let layout = try Fixtures.smallMultiples.layout()
    let plots = layout.panels.map(\.frame.rect)
    for column in 0..<3 {
        let lefts = Set(stride(from: column, to: plots.count, by: 3).map { plots[$0].minX })
        #expect(lefts.count == 1)
    }
    #expect(Set(plots.map(\.width)).count == 1 && Set(plots.map(\.height)).count == 1)
}

@Test func legendAvoidsTheData() throws {
    // Data fill the upper right; the legend must go elsewhere.
    let figure = Figure(marks: [
        .line(LineMark(x: [0, 1, 2, 3, 4], y: [0, 0, 0, 3, 4], label: "rising late")),
        .scatter(ScatterMark(x: [3.5, 3.8, 4, 3.9], y: [3.8, 4, 3.5, 3.2], label: "cluster")),
    ])
    let panel = try figure.layout().panels[0]
    let legend = try #require(panel.legendRect)
    #expect(legend.maxX < panel.frame.rect.midX || legend.minY > panel.frame.rect.midY)
}

@Test func impossibleSizeIsAClearError() {
    #expect(throws: PlotError.invalidFigure("60×40 points is too small for 1 panel(s) and their labels")) {
        try Figure(x: Axis("x"), y: Axis("y"), marks: [.line(LineMark(y: [1, 2, 3]))], widthPoints: 60, heightPoints: 40).layout()
    }
}

@Test func legendAvoidsBarsOnALogAxis() throws {
    // On a log axis a bar starts at the bottom of the domain, so two tall bars fill the
    // left and right thirds from top to bottom; only the middle, above a short bar, is free.
    // (Sampled at a quarter of their height and up, they once looked empty at their feet.)
    let figure = Figure(
        y: Axis(scale: .log), marks: [.bars(BarMark(categories: ["a", "b", "c"], values: [1, 0.02, 1], label: "norms"))])
    let panel = try figure.layout().panels[0]
    let legend = try #require(panel.legendRect)
    let plot = panel.frame.rect
    #expect(abs(legend.midX - plot.midX) < plot.width / 6, "the legend covers a tall bar: \(legend) in \(plot)")
}

@Test func aBestLegendWithNoFreeSpotMovesOutside() throws {
    // Tall bars in every category leave no position inside the plot that hides nothing:
    // the legend goes to the right of the plot instead of over the bars.
    let categories = ["a", "b", "c", "d", "e", "f"]
    let figure = Figure(marks: [
        .bars(BarMark(categories: categories, values: [9, 9.5, 9.8, 9.7, 9.9, 9.6], label: "model one")),
        .bars(BarMark(categories: categories, values: [9.2, 9.1, 9.9, 9.4, 9.8, 9.5], label: "model two")),
    ])
    let panel = try figure.layout().panels[0]
    let legend = try #require(panel.legendRect)
    #expect(legend.minX > panel.frame.rect.maxX, "legend \(legend) is inside the plot \(panel.frame.rect)")
    #expect(legend.maxX <= figure.widthPoints)
}

@Test func aBestLegendWithAFreeCornerStaysInside() throws {
    let figure = Figure(marks: [.bars(BarMark(categories: ["a", "b", "c"], values: [1, 2, 9], label: "rising"))])
    let panel = try figure.layout().panels[0]
    let legend = try #require(panel.legendRect)
    #expect(panel.frame.rect.contains(Point(x: legend.midX, y: legend.midY)))
    #expect(legend.minX < panel.frame.rect.midX, "the free corner is the upper left")
}
