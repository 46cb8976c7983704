import Foundation
import Testing
import FolioNotebook
@testable import FolioEngine

@Suite struct OutputTests {
    private func render(_ source: String, into output: URL, allowErrors: Bool = false) throws -> OutputWriter.Outcome {
        let (notebook, _) = Notebook.parse(source: source, path: "report.md")
        var options = RunOptions(cacheDirectory: output.appendingPathComponent(".cache"))
        options.useCache = false
        return try OutputWriter.write(Engine.run(notebook, options: options), to: output, allowErrors: allowErrors)
    }

    @Test func writesManifestAndEscapedHTML() throws {
        let output = TestSupport.temporaryDirectory()
        let source = TestSupport.source(cells: ["//| label: tbl-x\n//| caption: <b>caption</b>\nprint(\"<script>alert(1)</script>\")\ntable(columns: [\"a&b\"], rows: [[1.5]])"])
        guard case .written(let folder) = try render(source, into: output) else {
            Issue.record("the render was not written")
            return
        }
        #expect(folder.lastPathComponent == "report")
        let html = try String(contentsOf: output.appendingPathComponent("report/index.html"), encoding: .utf8)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<caption>&lt;b&gt;caption&lt;/b&gt;</caption>"))
        #expect(html.contains("<th>a&amp;b</th>"))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("report/manifest.json"))) as? [String: Any]
        let cells = manifest?["cells"] as? [[String: Any]]
        #expect(cells?.first?["label"] as? String == "tbl-x")
        #expect(cells?.first?["line"] as? Int == 5)
        #expect(cells?.first?["status"] as? String == "ran")
        #expect((manifest?["tables"] as? [Any])?.count == 1)
    }

    @Test func aFailedRenderKeepsThePreviousOutput() throws {
        let output = TestSupport.temporaryDirectory()
        _ = try render(TestSupport.source(cells: ["print(\"good\")"]), into: output)
        let bad = TestSupport.source(cells: ["let xs = [1]\nxs[4]"])
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
        let (notebook, _) = Notebook.parse(source: TestSupport.source(cells: ["//| label: fig-a\n//| alt: Better alt\nlet a = 1"]), path: "f.md")
        let (manifest, files) = Manifest.build(RunResult(notebook: notebook, diagnostics: [], cells: [cell], warnings: []))
        #expect(files.map(\.relativePath) == ["figures/fig-a.png", "figures/fig-a-2.png"])
        #expect(manifest.figures.first?.alt == "Better alt")
        #expect(manifest.figures.first?.caption == "cap")
    }
}
