import Foundation
import Testing
import FolioEngine
import FolioNotebook
import FolioPlot
@testable import FolioReport

/// `folio check`'s comparison: a fixture notebook is rendered as a baseline and again with
/// one thing changed; each change must be reported, and rendering twice must report nothing.
@Suite struct DriftCheckTests {
    /// A notebook with printed text, a table, an inline value and figures, and knobs that
    /// change one of them.
    struct Fixture {
        var scale = 1.0
        var shift = 0.0
        var greeting = "hello"
        var figureCount = 1

        var source: String {
            let plot = "plot([line(y: a, label: \"a\"), line(y: b, label: \"b\")], x: \"step\", y: \"value\")"
            let figures = figureCount == 0 ? ["print(b.count)"] : Array(repeating: plot, count: figureCount)
            return """
                ---
                seed: 7
                ---

                ```swift
                //| label: numbers
                let x = 1.2345 * \(scale)
                print("\(greeting): x = \\(x)")
                table(columns: ["n", "x"], rows: [[1, x], [2, x * 2]])
                ```

                The value is `{swift} x`.

                ```swift
                //| label: fig-lines
                let a = [0.0, 1.0, 2.0, 3.0, 4.0]
                let b = a.map { $0 * 0.5 + \(shift) }
                \(figures.joined(separator: "\n"))
                ```

                """
        }

        /// Runs the notebook and writes its report; returns the report folder.
        func render() throws -> URL {
            let result = ReportFixtures.run(source, path: "fixture.md")
            #expect(result.succeeded, "\(result.cells.compactMap(\.error).map(\.rendered))")
            let output = ReportFixtures.temporaryDirectory()
            _ = try ReportWriter.write(result, to: output, allowErrors: true, options: try ReportFixtures.options())
            return output.appendingPathComponent("fixture")
        }
    }

    static func drifts(_ changed: Fixture, baseline: Fixture = Fixture()) throws -> DriftReport {
        try DriftCheck.compare(committedFolder: try baseline.render(), newFolder: try changed.render(), tolerances: CheckTolerances())
    }

    @Test func renderingTwiceIsClean() throws {
        let report = try Self.drifts(Fixture())
        #expect(report.isClean, "\(report.drifts)")
        #expect(report.figureCount == 1 && report.tableCount == 1 && report.inlineValueCount == 1)
        #expect(DriftCheck.table(report).hasPrefix("check: clean"))
    }

    /// The committed `output/tour/` (rendered by the release `folio`) is what this build
    /// produces: what `make check-baselines` checks through the command line.
    @Test func committedTourBaselineIsClean() throws {
        let repository = ReportFixtures.templatesFolder.deletingLastPathComponent()
        let path = repository.appendingPathComponent("notebooks/tour.md").path
        let result = ReportFixtures.run(try String(contentsOfFile: path, encoding: .utf8), path: path)
        let output = ReportFixtures.temporaryDirectory()
        _ = try ReportWriter.write(result, to: output, allowErrors: false, options: try ReportFixtures.options())
        let report = try DriftCheck.compare(
            committedFolder: repository.appendingPathComponent("output/tour"), newFolder: output.appendingPathComponent("tour"),
            tolerances: CheckTolerances(notebook: result.notebook))
        #expect(report.isClean, "\(DriftCheck.table(report))")
        #expect(report.figureCount == 1 && report.tableCount == 1)
    }

    @Test func seriesMovedByAFewPixelsIsDrift() throws {
        let report = try Self.drifts(Fixture(shift: 0.05))
        #expect(report.drifts.count == 1, "\(report.drifts)")
        let drift = try #require(report.drifts.first)
        #expect(drift.kind == .figure && drift.cell == "fig-lines" && drift.what == "figures/fig-lines.png")
        #expect(drift.amount.contains("% of pixels"))
        let diff = try PNGImage(pngBytes: try #require(drift.images?.diff))
        let committed = try PNGImage(pngBytes: try #require(drift.images?.committed))
        #expect(diff.width == committed.width && diff.height == committed.height)
        // The diff shows the change: it differs from a copy of the figure diffed with itself.
        let blank = committed.differenceImage(from: committed)
        #expect(diff.difference(from: blank).differingPixels > 0)
        #expect(blank.difference(from: committed.differenceImage(from: committed)).differingPixels == 0)
    }

    @Test func figureMovedWithinItsCellToleranceIsClean() throws {
        let committed = try Fixture().render(), new = try Fixture(shift: 0.05).render()
        let report = try DriftCheck.compare(
            committedFolder: committed, newFolder: new, tolerances: CheckTolerances(perCell: ["fig-lines": 0.5]))
        #expect(report.isClean, "\(report.drifts)")
    }

    @Test func numberChangedByOneThousandthRelativeIsDrift() throws {
        let report = try Self.drifts(Fixture(scale: 1.001))
        let kinds = Set(report.drifts.map(\.kind))
        // 1.2345 → 1.2357: the printed line, the inline value and the table's 1.23 → 1.24.
        #expect(kinds == [.text, .inlineValue, .table], "\(report.drifts)")
        let inline = try #require(report.drifts.first { $0.kind == .inlineValue })
        #expect(inline.amount.hasPrefix("1.0e-03 relative"), "\(inline.amount)")
    }

    @Test func numberMovedInTheLastBitsIsClean() throws {
        let report = try Self.drifts(Fixture(scale: 1 + 1e-12))
        #expect(report.isClean, "\(report.drifts)")
    }

    @Test func changedPrintedLineIsDrift() throws {
        let report = try Self.drifts(Fixture(greeting: "hallo"))
        #expect(report.drifts.count == 1, "\(report.drifts)")
        #expect(report.drifts.first?.kind == .text && report.drifts.first?.amount == "text changed")
        #expect(report.drifts.first?.committed == "hello: x = 1.2345")
    }

    @Test func missingFigureIsDrift() throws {
        let report = try Self.drifts(Fixture(figureCount: 0))
        let figures = report.drifts.filter { $0.kind == .figure }
        #expect(figures.count == 1, "\(figures)")
        #expect(figures.first?.amount == "missing" && figures.first?.what == "figures/fig-lines.png")
        #expect(figures.first?.images?.committed != nil && figures.first?.images?.new == nil)
    }

    @Test func extraFigureIsDrift() throws {
        let report = try Self.drifts(Fixture(figureCount: 2))
        #expect(report.drifts.count == 1, "\(report.drifts)")
        let figure = try #require(report.drifts.first)
        #expect(figure.kind == .figure && figure.amount == "added" && figure.new == "figures/fig-lines.2.png")
        #expect(figure.images?.new != nil && figure.images?.committed == nil)
    }

    @Test func driftPageShowsTheFiguresAndEscapesText() throws {
        var report = try Self.drifts(Fixture(shift: 0.05))
        report.drifts.append(Drift(kind: .text, cell: "<cell>", what: "printed text", committed: "a < b", new: "a & b", amount: "text changed"))
        let folder = ReportFixtures.temporaryDirectory().appendingPathComponent("check")
        try DriftCheck.writePage(report, notebookPath: "<fixture>.md", to: folder)
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("&lt;cell&gt;") && html.contains("a &amp; b") && html.contains("&lt;fixture&gt;.md"))
        #expect(!html.contains("<cell>"))
        for name in ["1-committed", "2-new", "3-diff"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("images/\(name).png").path), "\(name)")
        }
    }

    @Test func missingBaselineCannotBeCompared() throws {
        #expect(throws: DriftCheck.Failure.self) {
            try DriftCheck.compare(
                committedFolder: ReportFixtures.temporaryDirectory(), newFolder: try Fixture().render(), tolerances: CheckTolerances())
        }
    }

    @Test(arguments: [
        ("x = 0.1000000149", [0.1000000149]), ("NMSE 3.61×10⁻⁷ at κ 1.23×10⁴", [3.61e-7, 12300]), ("−2.5 and 1e-05", [-2.5, 1e-5]),
        ("no numbers", []),
    ])
    func numericTextReadsSwiftAndFolioNotation(text: String, numbers: [Double]) {
        let parsed = NumericText(text)
        #expect(parsed.numbers.count == numbers.count)
        for (a, b) in zip(parsed.numbers, numbers) { #expect(abs(a - b) <= 1e-12 * abs(b)) }
    }

    @Test func numericTextComparesWordsExactlyAndNumbersWithinTolerance() {
        let committed = NumericText("loss 0.5 after 10 epochs")
        let outcome = { (text: String) in committed.compared(with: NumericText(text), tolerance: 1e-6) }
        #expect(outcome("loss 0.5 after 10 epochs") == .agree(largestRelative: 0))
        if case .agree = outcome("loss 0.5000001 after 10 epochs") {} else { Issue.record("2e-7 relative is within 1e-6") }
        if case .numbersMoved = outcome("loss 0.5005 after 10 epochs") {} else { Issue.record("1e-3 relative is beyond 1e-6") }
        if case .numbersMoved = outcome("loss 0.5 after 11 epochs") {} else { Issue.record("an integer that changed moved") }
        #expect(outcome("gain 0.5 after 10 epochs") == .textChanged)
        #expect(outcome("loss 0.5 after 10 epochs, 3 restarts") == .textChanged)
    }
}
