import Foundation
import Testing
import FolioEngine
import FolioNotebook
@testable import FolioReport

/// The presentation model: one resolution of captions, alt text, numbers and ids that the
/// page, the manifest and the Jupyter export all read.
@Suite struct PresentationTests {
    private func run(_ source: String, cache: URL) -> RunResult {
        let (notebook, diagnostics) = Notebook.parse(source: source, path: "p.md")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.rendered))")
        var options = RunOptions(cacheDirectory: cache)
        options.jobs = 1
        return Engine.run(notebook, options: options)
    }

    private static func notebook(alt: String) -> String {
        ReportFixtures.source(cells: ["//| label: fig-line\n//| alt: \(alt)\nplot([line(y: [3, 2, 1])])"])
    }

    /// Changing only the `alt` option reuses the cached figure and still shows the new text
    /// on the page, in the manifest and in the Jupyter export.
    @Test func altTextIsAppliedWhenTheReportIsWritten() throws {
        let cache = ReportFixtures.temporaryDirectory()
        _ = run(Self.notebook(alt: "First words."), cache: cache)
        let result = run(Self.notebook(alt: "A falling line."), cache: cache)
        #expect(result.cells.first?.status == .cached)
        let presented = try #require(Presentation(result).cells.first?.outputs.first)
        guard case .figure(let figure) = presented else { throw TestFailure("not a figure") }
        #expect(figure.alt == "A falling line.")
        let output = ReportFixtures.temporaryDirectory()
        _ = try ReportWriter.write(result, to: output, allowErrors: false, options: try ReportFixtures.options())
        let html = try String(contentsOf: output.appendingPathComponent("p/index.html"), encoding: .utf8)
        #expect(html.contains(#"alt="A falling line.""#) && !html.contains("First words."))
        let manifest = try String(contentsOf: output.appendingPathComponent("p/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("A falling line.") && !manifest.contains("First words."))
        let jupyter = String(decoding: try JupyterExport.document(for: result), as: UTF8.self)
        #expect(jupyter.contains("A falling line.") && !jupyter.contains("First words."))
    }

    /// Every id on the page is unique: a cell's section and its figure no longer share one,
    /// a second figure does not take the label of another cell, and a heading named like a
    /// label gets another anchor. `@fig-a-2` reaches the cell labelled so.
    @Test func everyIdOnThePageIsUnique() throws {
        let source = ReportFixtures.source(
            cells: [
                "//| label: fig-a\nplot([line(y: [1, 2])])\nplot([line(y: [2, 1])])",
                "//| label: fig-a-2\nplot([line(y: [1, 1])])",
                "//| label: tbl-t\ntable(columns: [\"x\"], rows: [[\"1\"]])\ntable(columns: [\"y\"], rows: [[\"2\"]])",
                "//| label: plain\nprint(1)",
            ],
            prose: "# fig-a\n\nSee @fig-a-2 and @tbl-t.\n")
        let result = ReportFixtures.run(source, path: "ids.md")
        #expect(result.succeeded, "\(result.cells.compactMap(\.error?.rendered))")
        let output = ReportFixtures.temporaryDirectory()
        _ = try ReportWriter.write(result, to: output, allowErrors: false, options: try ReportFixtures.options())
        let html = try String(contentsOf: output.appendingPathComponent("ids/index.html"), encoding: .utf8)
        let ids = html.matches(of: /\sid="([^"]*)"/).map { String($0.output.1) }
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
        #expect(html.contains(##"<figure id="fig-a-2">"##) && html.contains(##"<figure id="fig-a-3">"##))
        #expect(html.firstRange(of: /<figure id="fig-a-2">\s*<img src="figures\/fig-a-2\.png"/) != nil)
        #expect(html.contains(##"<table id="tbl-t">"##) && html.contains(##"<table id="tbl-t-2">"##))
        #expect(html.contains(##"<section class="cell status-ran" id="plain">"##))
        #expect(html.contains(##"<h1 id="fig-a-4">fig-a</h1>"##))
        // One "Table 1", on the first table only.
        #expect(html.matches(of: /class="number">Table 1</).count == 1 && !html.contains("Table 2"))
    }

    /// Jupyter cell ids are unique even when a label looks like a prose id.
    @Test func jupyterCellIdsAreUnique() throws {
        let source = ReportFixtures.source(cells: ["//| label: prose-0\nlet a = 1", "//| label: prose-2\nlet b = 2"], prose: "Intro.\n")
        let result = ReportFixtures.run(source, path: "j.md")
        let document = try JSONSerialization.jsonObject(with: try JupyterExport.document(for: result)) as? [String: Any]
        let cells = try #require(document?["cells"] as? [[String: Any]])
        let ids = cells.compactMap { $0["id"] as? String }
        #expect(ids.count == cells.count && Set(ids).count == ids.count, "\(ids)")
    }
}
