import Foundation
import Testing
import FolioNotebook
@testable import FolioEngine

@Suite("Plot built-ins")
struct PlotBuiltinsTests {
    private static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47]

    private func figures(_ outcome: TestSupport.Outcome) -> [FigureOutput] {
        (outcome.result?.cells ?? []).flatMap(\.outputs).compactMap { if case .figure(let f) = $0 { f } else { nil } }
    }

    @Test func everyMarkDrawsAFigure() throws {
        let outcome = TestSupport.run("""
            let xs = [0, 1, 2, 3]
            let ys = [1.0, 0.5, 0.25, 0.125]
            plot([band(x: xs, lower: [0.9, 0.4, 0.2, 0.1], upper: [1.1, 0.6, 0.3, 0.15]), line(x: xs, y: ys, label: "energy", dash: .dashed, markers: true), line(y: ys, color: "#d62728"), hline(0.2, label: "optimum"), vline(1.5), annotate("start", x: 0, y: 1)], title: "Energy", x: "epoch", y: "$\\\\lambda$", yScale: .log)
            plot([scatter(x: xs, y: ys, classes: [0, 1, 0, 1], classNames: ["inlier", "outlier"]), scatter(x: ys, y: xs, values: [1, 2, 3, 4], size: 6)])
            figure([panel([heatmap(matrix([[0, 0.5], [0.5, 1]]), range: [0, 1], colorbar: "NMSE", contours: [0.5])], title: "VAE"), panel([histogram([0.001, 0.01, 0.5, 0.9, 1], bins: 5, binning: .log)], xScale: .log), panel([bars(categories: ["a", "b"], values: [3, 1], label: "VAE"), bars(categories: ["a", "b"], values: [2, 2], label: "AE")]), panel([imageGrid(matrix([[0, 1, 1, 0], [1, 0, 0, 1]]), width: 2, height: 2)])], columns: 2, title: "Grid", sharedY: false)
            """)
        #expect(outcome.error == nil, "\(outcome.error?.rendered ?? "")")
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map(\.rendered))")
        let drawn = figures(outcome)
        #expect(drawn.count == 3)
        for figure in drawn {
            #expect(Array(figure.pngData.prefix(4)) == Self.pngSignature)
            #expect(!figure.altText.isEmpty)
        }
        #expect(drawn.first?.altText.contains("energy") == true)
    }

    @Test func cellOptionsSizeAndDescribeTheFigure() throws {
        let outcome = TestSupport.run("""
            //| width: 300
            //| height: 200
            //| alt: A falling line.
            plot([line(y: [3, 2, 1])])
            """)
        let figure = try #require(figures(outcome).first)
        #expect(figure.widthPoints == 300 && figure.heightPoints == 200)
        // The run keeps the generated description; the `alt` option is applied when the
        // report is written (options are not in the cache key), see PresentationTests.
        #expect(figure.altText.hasPrefix("Plot: line plot."))
    }

    @Test func samePlotTwiceGivesIdenticalBytes() throws {
        let code = "plot([line(y: [1, 4, 9, 16], label: \"squares\")], x: \"n\")"
        let first = try #require(figures(TestSupport.run(code)).first)
        let second = try #require(figures(TestSupport.run(code)).first)
        #expect(first.pngData == second.pngData)
    }

    @Test(arguments: [
        ("plot([line(x: [1, 2, 3], y: [1, 2])])", "6:7", "line plot: `x` has 3 values but `y` has 2"),
        ("let m = line(y: [1], color: \"blue\")", "6:9", "color 'blue' is not a hex colour"),
        ("plot([heatmap(matrix([[1]]), range: [1, 0])])", "6:7", "'range' must be [lower, upper] with lower < upper"),
        ("plot([imageGrid(matrix([[1, 2, 3]]), width: 2, height: 2)])", "6:7",
         "each image row has 3 pixels, which is not width × height"),
    ])
    func badPlotArgumentsFailAtTheCall(_ testCase: (code: String, location: String, message: String)) throws {
        let outcome = TestSupport.run(testCase.code)
        let error = try #require(outcome.error, "no error for \(testCase.code)")
        #expect("\(error.line):\(error.column)" == testCase.location, "\(error.rendered)")
        #expect(error.message == testCase.message)
    }

    @Test func lintCatchesAWrongMarkLabel() {
        let outcome = TestSupport.run("plot([line(ys: [1, 2])])")
        #expect(outcome.diagnostics.contains { $0.message.contains("ys") })
    }
}
