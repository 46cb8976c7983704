import FolioMath
import FolioPlot
import Foundation

/// Figure rendering (issue F3): the three-panel figure of the issue — two lines with ±1 sd
/// bands over 400 points, a 1000-point two-class scatter, a 25×25 heat map with colorbar
/// and one contour — rendered to a 2× PNG.
enum PlotBenchmarks: BenchmarkSuite {
    static let name = "plot"

    static func run(threads: Int, report: (BenchmarkResult) -> Void) throws {
        let figure = threePanelFigure()
        let parameters = ["panels": "3", "linePoints": "400", "scatterPoints": "1000", "heatmap": "25x25",
                          "size": "900x280pt", "scale": "2"]
        var bytes = 0
        let png = try Stopwatch.medianSeconds(repetitions: 15) { bytes = try figure.renderPNG(scale: 2).count }
        report(.init(name: "plot_three_panel_png2x", value: png, unit: "s", repetitions: 15,
                     parameters: parameters.merging(["pngBytes": "\(bytes)"]) { $1 }))
        let scene = try Stopwatch.medianSeconds(repetitions: 15) { _ = try figure.sceneDump() }
        report(.init(name: "plot_three_panel_scene", value: scene, unit: "s", repetitions: 15, parameters: parameters))
        let svg = try Stopwatch.medianSeconds(repetitions: 5) { _ = try figure.renderSVG() }
        report(.init(name: "plot_three_panel_svg", value: svg, unit: "s", repetitions: 5, parameters: parameters))
    }

    static func threePanelFigure() -> Figure {
        var generator = SeededGenerator(seed: 11)
        let x = (0..<400).map { Double($0) / 40 }
        let a = x.map { sin($0) }, b = x.map { cos($0) * 0.8 }
        var sx: [Double] = [], sy: [Double] = [], classes: [Int] = []
        for index in 0..<1000 {
            let cls = index % 2
            sx.append(generator.normal() + Double(cls) * 2)
            sy.append(generator.normal() + Double(cls))
            classes.append(cls)
        }
        let grid = Matrix<Double>(rows: 25, columns: 25) { i, j in sin(Double(i) / 4) * cos(Double(j) / 5) }
        return Figure(panels: [
            Panel(title: "lines ± 1 sd", x: Axis("t"), y: Axis("value"), marks: [
                .band(BandMark(x: x, lower: a.map { $0 - 0.2 }, upper: a.map { $0 + 0.2 }, label: "sin")),
                .line(LineMark(x: x, y: a, label: "sin")),
                .band(BandMark(x: x, lower: b.map { $0 - 0.3 }, upper: b.map { $0 + 0.3 }, label: "cos")),
                .line(LineMark(x: x, y: b, label: "cos")),
            ]),
            Panel(title: "two classes", x: Axis("$x_1$"), y: Axis("$x_2$"), marks: [
                .scatter(ScatterMark(x: sx, y: sy, coloring: .categories(classes: classes, names: ["A", "B"]), sizePoints: 3)),
            ]),
            Panel(title: "heat map", x: Axis("j"), y: Axis("i"), marks: [
                .heatmap(HeatmapMark(values: grid, colormap: .diverging, colorRange: -1...1, colorbarLabel: "value",
                                     contourLevels: [0.5], contourColor: .black)),
            ]),
        ], widthPoints: 900, heightPoints: 280)
    }
}
