import FolioMath
import Foundation
import Testing
@testable import FolioPlot

/// Bad data are thrown errors with messages that name the mark and the field; nothing traps.
private func message(_ figure: Figure) -> String? {
    do {
        _ = try figure.sceneDump()
        return nil
    } catch {
        return "\(error)"
    }
}

@Test func nanIsRejectedWithItsIndex() {
    let text = message(Figure(marks: [.line(LineMark(x: [0, 1, 2], y: [1, .nan, 3]))]))
    #expect(text == "plot, line plot: `y`[1] is nan; values must be finite numbers")
}

@Test func emptyAndMismatchedSeriesAreRejected() {
    #expect(message(Figure(marks: [.line(LineMark(x: [], y: []))])) == "plot, line plot: `x` is empty")
    #expect(message(Figure(marks: [.band(BandMark(x: [0, 1], lower: [0], upper: [1, 2]))]))
        == "plot, band: `x` has 2 values but `lower` has 1")
    #expect(message(Figure(marks: [.bars(BarMark(categories: ["a", "b"], values: [1]))]))?
        .contains("`categories` has 2 values") == true)
}

@Test func markSpecificProblemsAreExplained() throws {
    let grid = Matrix<Double>(rows: 2, columns: 2, repeating: 1)
    #expect(message(Figure(marks: [.heatmap(HeatmapMark(values: grid, xLabels: ["a"]))])) == "plot, heat map: 1 x labels for 2 columns")
    #expect(message(Figure(marks: [.histogram(HistogramMark(values: [1, 0, 2], binning: .log))]))
        == "plot, histogram: log bins need positive values, found 0.0")
    #expect(message(Figure(marks: [.imageGrid(ImageGridMark(images: [[0, 1, 2]], imageWidth: 2, imageHeight: 2))]))
        == "plot, image grid: image 0 has 3 values, expected 2×2 = 4")
    #expect(message(Figure(marks: [.scatter(ScatterMark(x: [1], y: [1], coloring: .categories(classes: [3], names: ["a"])))]))
        == "plot, scatter plot: class 3 has no name (1 names given)")
    #expect(message(Figure(y: Axis(scale: .log), marks: [.line(LineMark(y: [-1, -2]))]))?
        .contains("must be positive on a log axis") == true)
    #expect(message(Figure(panels: [])) == "figure: it has no panels")
    #expect(message(Figure(panels: [Panel(marks: [])])) == "figure: plot has no marks")
}

@Test func unwritablePathIsAWriteError() {
    let url = URL(fileURLWithPath: "/nonexistent-folio-directory/figure.png")
    #expect {
        try Fixtures.annotation.write(to: url, format: .png)
    } throws: { error in
        guard case let PlotError.writeFailed(path, _) = error else { return false }
        return path == url.path
    }
}

@Test func oversizedOutputIsAnErrorNotATrap() {
    #expect(throws: PlotError.self) {
        try Figure(marks: [.line(LineMark(y: [1, 2]))], widthPoints: 1e12, heightPoints: 300).renderPNG()
    }
    #expect(message(Figure(marks: [.histogram(HistogramMark(values: [1, 2], bins: Int.max))]))?.contains("between 1 and 10000") == true)
}

@Test func drawingStopsWhenAsked() throws {
    let stop = StopCheck { () throws(StopReason) in throw StopReason(message: "stop", hint: "") }
    #expect(throws: StopReason.self) { _ = try Fixtures.line.renderPNG(stop: stop) }
    #expect(try !Fixtures.line.renderPNG(stop: .never).isEmpty)
}
