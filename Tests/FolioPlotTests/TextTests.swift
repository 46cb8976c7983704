import Testing
@testable import FolioPlot

@Test func texGreekAndScripts() {
    #expect(TeXLabel.parse("$\\nu$").runs == [.init(text: "ν", level: .base)])
    #expect(TeXLabel.parse("$\\Sigma_z$").runs == [.init(text: "Σ", level: .base), .init(text: "z", level: .subscript_)])
    #expect(TeXLabel.parse("error $x^{2}_{i}$ (%)").runs == [
        .init(text: "error x", level: .base), .init(text: "2", level: .superscript),
        .init(text: "i", level: .subscript_), .init(text: " (%)", level: .base),
    ])
    #expect(TeXLabel.parse("$\\|L - \\hat{L}\\|_F$").plainText == "‖L − L\u{302}‖F")
    #expect(TeXLabel.parse("$\\bar x$").plainText == "x\u{304}")
    #expect(TeXLabel.parse("cost in $ and more").plainText == "cost in $ and more")
    #expect(TeXLabel.parse("$\\lambda \\approx 0.1$").plainText == "λ ≈ 0.1")
}

@Test func measuredTextGrowsWithContent() throws {
    let measurer = try TextMeasurer()
    let short = measurer.measure(RichText(plain: "10"), style: Theme.tickLabel)
    let long = measurer.measure(RichText(plain: "1000"), style: Theme.tickLabel)
    #expect(long.width > short.width * 1.8)
    #expect(short.height > 9 && short.height < 12)
    let scripted = measurer.measure(TeXLabel.parse("$\\Sigma_z$"), style: Theme.axisLabel)
    #expect(scripted.descent > measurer.measure(RichText(plain: "Σ"), style: Theme.axisLabel).descent)
}

@Test func altTextDescribesKindsAxesAndSeries() throws {
    let text = try Fixtures.line.altText()
    #expect(text.hasPrefix("Plot “Training energy”: band, line plot and reference line."))
    #expect(text.contains("x axis “epoch”, linear, from −1.95 to 41."))
    #expect(text.contains("Series: VAE, AE, closed-form optimum."))
    let heat = try Fixtures.heatmap.altText()
    #expect(heat.contains("Heat map of 6×5 cells, contour at 0.5."))
    #expect(heat.contains("Colour scale “NMSE” (viridis) from 0 to 1."))
    #expect(heat.contains("y axis “manifold dimension κ”: 6 categories"))
    let grid = try Fixtures.smallMultiples.altText()
    #expect(grid.contains("with 12 panels in 4 rows of 3"))
    #expect(grid.contains("logarithmic"))
}
