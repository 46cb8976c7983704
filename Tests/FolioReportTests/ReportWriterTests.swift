import Foundation
import Testing
import FolioEngine
import FolioNotebook
@testable import FolioReport

@Suite struct ReportWriterTests {
    private func render(_ source: String, into output: URL, allowErrors: Bool = false) throws -> ReportWriter.Outcome {
        let (notebook, _) = Notebook.parse(source: source, path: "report.md")
        var options = RunOptions(cacheDirectory: output.appendingPathComponent(".cache"))
        options.useCache = false
        return try ReportWriter.write(
            Engine.run(notebook, options: options), to: output, allowErrors: allowErrors, options: try ReportFixtures.options())
    }

    @Test func writesManifestAndEscapedHTML() throws {
        let output = ReportFixtures.temporaryDirectory()
        let source = ReportFixtures.source(cells: ["//| label: tbl-x\n//| caption: <b>caption</b>\nprint(\"<script>alert(1)</script>\")\ntable(columns: [\"a&b\"], rows: [[1.5]])"])
        guard case .written(let folder) = try render(source, into: output) else {
            Issue.record("the render was not written")
            return
        }
        #expect(folder.lastPathComponent == "report")
        let html = try String(contentsOf: output.appendingPathComponent("report/index.html"), encoding: .utf8)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<span class=\"number\">Table 1:</span> &lt;b&gt;caption&lt;/b&gt;</caption>"))
        #expect(html.contains("<th class=\"num\">a&amp;b</th>"))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("report/manifest.json"))) as? [String: Any]
        let cells = manifest?["cells"] as? [[String: Any]]
        #expect(cells?.first?["label"] as? String == "tbl-x")
        #expect(cells?.first?["line"] as? Int == 6)
        #expect(cells?.first?["status"] as? String == "ran")
        #expect((manifest?["tables"] as? [Any])?.count == 1)
    }

    @Test func theAbstractIsMarkdownWithMathAndReferences() throws {
        let output = ReportFixtures.temporaryDirectory()
        let source = """
            ---
            seed: 7
            abstract: The *verdicts* are in @tbl-score, with $\\lambda$ and <b>no HTML</b>.
            ---

            ```swift
            //| label: tbl-score
            table(columns: ["claim"], rows: [["holds"]])
            ```
            """
        _ = try render(source, into: output)
        let html = try String(contentsOf: output.appendingPathComponent("report/index.html"), encoding: .utf8)
        #expect(html.contains("<h2>Abstract</h2><p>The <em>verdicts</em> are in <a class=\"xref\" href=\"#tbl-score\">Table 1</a>"))
        #expect(html.contains("&lt;b&gt;no HTML&lt;/b&gt;"))
        #expect(html.contains("class=\"math inline\""))
    }

    @Test func aFailedRenderKeepsThePreviousOutput() throws {
        let output = ReportFixtures.temporaryDirectory()
        _ = try render(ReportFixtures.source(cells: ["print(\"good\")"]), into: output)
        let bad = ReportFixtures.source(cells: ["let xs = [1]\nxs[4]"])
        guard case .keptPrevious = try render(bad, into: output) else {
            Issue.record("a failed render replaced the output")
            return
        }
        let html = try String(contentsOf: output.appendingPathComponent("report/index.html"), encoding: .utf8)
        #expect(html.contains("good"))
        _ = try render(bad, into: output, allowErrors: true)
        let replaced = try String(contentsOf: output.appendingPathComponent("report/index.html"), encoding: .utf8)
        #expect(replaced.contains("error-card"))
        #expect(replaced.contains("index 4 is out of range"))
    }

    @Test func figuresAreWrittenWithTheirMetadata() throws {
        let figure = FigureOutput(pngData: Data([0x89, 0x50, 0x4E, 0x47]), altText: "alt", widthPoints: 300, heightPoints: 200, caption: "cap")
        let cell = CellResult(
            id: "fig-a", label: "fig-a", index: 1, line: 5, status: .ran, seconds: 0.5, key: "k", outputs: [.figure(figure), .figure(figure)],
            error: nil, skipReason: nil, reasons: [])
        let (notebook, _) = Notebook.parse(source: ReportFixtures.source(cells: ["//| label: fig-a\n//| alt: Better alt\nlet a = 1"]), path: "f.md")
        let result = RunResult(notebook: notebook, diagnostics: [], cells: [cell], warnings: [])
        let (manifest, files) = Manifest.build(result, presentation: Presentation(result), provenance: try ReportFixtures.options().provenance)
        #expect(files.map(\.relativePath) == ["figures/fig-a.png", "figures/fig-a.2.png"])
        #expect(manifest.figures.first?.alt == "Better alt")
        #expect(manifest.figures.first?.caption == "cap")
    }

    @Test func kaTeXIsCopiedOnlyForPagesWithMath() throws {
        let plain = ReportFixtures.temporaryDirectory()
        _ = try render(ReportFixtures.source(cells: ["print(1)"]), into: plain)
        #expect(!FileManager.default.fileExists(atPath: plain.appendingPathComponent("report/assets").path))
        let math = ReportFixtures.temporaryDirectory()
        _ = try render(ReportFixtures.source(cells: ["print(1)"], prose: "Energy $\\lambda$."), into: math)
        #expect(FileManager.default.fileExists(atPath: math.appendingPathComponent("report/assets/katex/katex.min.js").path))
        let html = try String(contentsOf: math.appendingPathComponent("report/index.html"), encoding: .utf8)
        #expect(html.contains("assets/katex/katex.min.css") && html.contains("katex.render"))
    }

    @Test func anErrorCardNamesTheCellsItSkipped() throws {
        let output = ReportFixtures.temporaryDirectory()
        let source = ReportFixtures.source(cells: ["//| label: upstream\nlet xs = [1]\nlet y = xs[3]", "//| label: downstream\nprint(y)"])
        _ = try render(source, into: output, allowErrors: true)
        let html = try String(contentsOf: output.appendingPathComponent("report/index.html"), encoding: .utf8)
        #expect(html.contains("Skipped because of this: <code>downstream</code>"))
        #expect(html.contains("Skipped: depends on upstream, which failed"))
    }

    @Test func cachedCellsShowTheTimeOfTheRunThatComputedThem() throws {
        let (notebook, _) = Notebook.parse(source: ReportFixtures.source(cells: ["let a = 1", "let b = 2"]), path: "report.md")
        let cells = [
            CellResult(
                id: "cell-1", label: nil, index: 1, line: 5, status: .cached, seconds: 0, computedSeconds: 51.2, key: "k1",
                outputs: [], error: nil, skipReason: nil, reasons: []),
            CellResult(
                id: "cell-2", label: nil, index: 2, line: 9, status: .ran, seconds: 0.25, key: "k2", outputs: [], error: nil,
                skipReason: nil, reasons: ["code changed"]),
        ]
        let output = ReportFixtures.temporaryDirectory()
        _ = try ReportWriter.write(
            RunResult(notebook: notebook, diagnostics: [], cells: cells, warnings: []), to: output, allowErrors: false,
            options: try ReportFixtures.options())
        let html = try String(contentsOf: output.appendingPathComponent("report/index.html"), encoding: .utf8)
        #expect(html.contains("cell-1 · cached (computed in 51.2 s)"))
        #expect(html.contains("cell-2 · ran in 0.25 s"))
        #expect(html.contains("computed in 51.5 s · rendered in 1.50 s"))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("report/manifest.json"))) as? [String: Any]
        #expect((manifest?["cells"] as? [[String: Any]])?.map { $0["computedSeconds"] as? Double } == [51.2, 0.25])
        #expect(manifest?["computeSeconds"] as? Double == 51.45)
    }
}
