import FolioMath
import Foundation
@testable import FolioPlot

/// Small, deterministic figures: one per mark kind, plus the layouts the paper needs.
enum Fixtures {
    static let epochs = (0..<40).map(Double.init)

    static func curve(_ scale: Double, _ offset: Double) -> [Double] {
        epochs.map { offset + scale * exp(-$0 / 12) }
    }

    /// Two lines with ±sd bands, markers, dashes and a labelled reference line.
    static var line: Figure {
        let vae = curve(3, 1), ae = curve(2, 1.6)
        return Figure(title: "Training energy", x: Axis("epoch"), y: Axis("energy per sample"), marks: [
            .band(BandMark(x: epochs, lower: vae.map { $0 - 0.3 }, upper: vae.map { $0 + 0.3 }, label: "VAE")),
            .line(LineMark(x: epochs, y: vae, label: "VAE")),
            .line(LineMark(x: epochs, y: ae, label: "AE", dash: .dashed, markers: true)),
            .rule(RuleMark(y: 1, label: "closed-form optimum")),
        ])
    }

    /// Two classes coloured by category.
    static var scatter: Figure {
        var generator = SeededGenerator(seed: 7)
        var x: [Double] = [], y: [Double] = [], classes: [Int] = []
        for index in 0..<60 {
            let cls = index % 2
            x.append(generator.normal() + Double(cls) * 2.5)
            y.append(generator.normal() * 0.8 - Double(cls))
            classes.append(cls)
        }
        return Figure(x: Axis("$z_1$"), y: Axis("$z_2$"), marks: [
            .scatter(ScatterMark(x: x, y: y, coloring: .categories(classes: classes, names: ["digit 0", "digit 1"]))),
        ])
    }

    /// Points coloured by a value, with a colorbar.
    static var scatterByValue: Figure {
        let x = (0..<30).map { Double($0) / 3 }
        let y = x.map { sin($0) }
        return Figure(x: Axis("t"), y: Axis("sin t"), marks: [
            .scatter(ScatterMark(x: x, y: y, coloring: .values(x.map { $0 * $0 }, colormap: .cividis, label: "t²"), sizePoints: 6)),
        ])
    }

    /// Grouped bars (diagonal vs full Σz column norms).
    static var bars: Figure {
        Figure(x: Axis("latent dimension"), y: Axis("column norm of $W$"), marks: [
            .bars(BarMark(categories: ["1", "2", "3", "4", "5", "6"], series: [
                .init(name: "diagonal $\\Sigma_z$", values: [1.9, 1.4, 1.1, 0.02, 0.01, 0.0]),
                .init(name: "full $\\Sigma_z$", values: [1.2, 1.1, 1.0, 0.9, 0.4, 0.3]),
            ])),
            .rule(RuleMark(y: 0.05 * 1.9, label: "5% of largest")),
        ])
    }

    static var phaseGrid: Matrix<Double> {
        Matrix(rows: 6, columns: 5) { i, j in min(1, max(0, Double(i) * 0.18 + Double(j) * 0.12 - 0.25)) }
    }

    /// A heat map with fixed colour range, labels, colorbar and one contour.
    static var heatmap: Figure {
        Figure(title: "NMSE", x: Axis("outlier ratio $\\nu$"), y: Axis("manifold dimension $\\kappa$"), marks: [
            .heatmap(HeatmapMark(values: phaseGrid, colorRange: 0...1, colorbarLabel: "NMSE",
                                 xLabels: ["0.1", "0.2", "0.3", "0.4", "0.5"], yLabels: ["2", "4", "6", "8", "10", "12"],
                                 contourLevels: [0.5])),
        ])
    }

    static var logValues: [Double] {
        var generator = SeededGenerator(seed: 3)
        return (0..<400).map { index in
            index % 3 == 0 ? pow(10, -4 + 0.5 * generator.normal()) : pow(10, -0.05 * abs(generator.normal()))
        }
    }

    /// A histogram with log bins on a log axis.
    static var histogram: Figure {
        Figure(x: Axis("diagonal entries of $\\Sigma_z$", scale: .log), y: Axis("count"), marks: [
            .histogram(HistogramMark(values: logValues, bins: 20, binning: .log)),
        ])
    }

    /// A montage of twelve 8×8 images.
    static var imageGrid: Figure {
        var images: [[Double]] = []
        for k in 0..<12 {
            var image: [Double] = []
            for p in 0..<64 {
                let dx = Double(p % 8) - 3.5, dy = Double(p / 8) - 3.5
                let radius: Double = 1.5 + Double(k % 4)
                image.append(max(0, 1 - abs((dx * dx + dy * dy).squareRoot() - radius) / 1.2))
            }
            images.append(image)
        }
        return Figure(panels: [Panel(title: "samples", marks: [
            .imageGrid(ImageGridMark(images: images, imageWidth: 8, imageHeight: 8, columns: 6)),
        ])], widthPoints: 300, heightPoints: 170)
    }

    /// Text annotation and a vertical reference line.
    static var annotation: Figure {
        Figure(x: Axis("x"), y: Axis("y"), marks: [
            .line(LineMark(x: [0, 1, 2, 3], y: [0, 1, 4, 9])),
            .rule(RuleMark(x: 2, label: "x = 2", dash: .dotted)),
            .text(TextMark(x: 1, y: 6, text: "$y = x^2$")),
        ], widthPoints: 300, heightPoints: 220)
    }

    /// E4-style small multiples: 4 rows × 3 columns of log histograms with shared axes.
    static var smallMultiples: Figure {
        let values = logValues
        let panels = (0..<12).map { index in
            Panel(title: "$\\kappa$ = \(2 + 6 * (index / 3)), $\\nu$ = \(Double(index % 3) * 0.25)",
                  x: Axis("$\\Sigma_z$", scale: .log), y: Axis("count"),
                  marks: [.histogram(HistogramMark(values: values.map { $0 * (1 + Double(index) * 0.01) }, bins: 15,
                                                   binning: .log, range: 1e-6...2))])
        }
        return Figure(title: "Diagonal of $\\Sigma_z$", panels: panels, columns: 3, sharedX: true, sharedY: true)
    }

    /// E1-style: four heat maps on one fixed colour range share a single colorbar.
    static var sharedColorScale: Figure {
        let models = ["VAE", "AE-ℓ2", "AE-ℓ1", "PCP"]
        let panels = models.enumerated().map { index, model in
            Panel(title: model, x: Axis("outlier ratio $\\nu$"), y: Axis("$\\kappa$"), marks: [
                .heatmap(HeatmapMark(values: phaseGrid.map { min(1, $0 * (0.4 + 0.4 * Double(index))) }, colorRange: 0...1,
                                     colorbarLabel: "NMSE", xLabels: ["0.1", "0.2", "0.3", "0.4", "0.5"],
                                     yLabels: ["2", "4", "6", "8", "10", "12"], showValues: true)),
            ])
        }
        return Figure(panels: panels, widthPoints: 860, heightPoints: 230, sharedY: true)
    }

    /// Long labels on many panels, to stress the layout.
    static var longLabels: Figure {
        let panels = (0..<6).map { index in
            Panel(title: "A rather long panel title number \(index + 1)",
                  x: Axis("a long x axis label (seconds per sample)"),
                  y: Axis("an equally long y label (×10³)"),
                  marks: [.line(LineMark(x: [0, 1e6, 2e6, 3e6], y: [-1e6, 0, 2.5e6, 3e6].map { $0 * Double(index + 1) },
                                         label: "series with a long legend label"))])
        }
        return Figure(panels: panels, columns: 3)
    }

    /// Three different panels side by side: bands, a two-class scatter, a diverging heat map
    /// with a black contour (a small cousin of the benchmark figure).
    static var mixedPanels: Figure {
        var generator = SeededGenerator(seed: 11)
        let x = (0..<100).map { Double($0) / 10 }
        let a = x.map { sin($0) }, b = x.map { cos($0) * 0.8 }
        var sx: [Double] = [], sy: [Double] = [], classes: [Int] = []
        for index in 0..<200 {
            sx.append(generator.normal() + Double(index % 2) * 2)
            sy.append(generator.normal() + Double(index % 2))
            classes.append(index % 2)
        }
        let grid = Matrix<Double>(rows: 12, columns: 15) { i, j in sin(Double(i) / 2) * cos(Double(j) / 3) }
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

    /// A singular-value spectrum on a log y axis with a threshold (E6a).
    static var spectrum: Figure {
        let values = (1...40).map { k in k <= 5 ? 100 / Double(k) : 0.5 * pow(0.8, Double(k)) }
        return Figure(x: Axis("index $k$"), y: Axis("singular value $\\sigma_k$", scale: .log), marks: [
            .line(LineMark(x: (1...40).map(Double.init), y: values, label: "clean images", markers: true)),
            .rule(RuleMark(y: 1, label: "$\\sqrt{\\lambda}$")),
        ], widthPoints: 360, heightPoints: 260)
    }

    /// Every golden fixture by name.
    static var all: [(name: String, figure: Figure)] {
        [("line", line), ("scatter", scatter), ("scatter-values", scatterByValue), ("bars", bars),
         ("heatmap", heatmap), ("histogram", histogram), ("image-grid", imageGrid), ("annotation", annotation), ("spectrum", spectrum),
         ("shared-colour-scale", sharedColorScale)]
    }
}
