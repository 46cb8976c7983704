import Foundation
import Testing
import FolioEngine
import FolioNotebook
@testable import FolioReport

/// Inline values in the page, the manifest and the Jupyter export.
@Suite struct InlineValueReportTests {
    static let source = """
        ---
        seed: 7
        ---

        ```swift
        let losses = [2.0, 1.5, 0.5]
        let accuracy = 0.873
        let tag = "<b>&"
        ```

        # Loss is `{swift} mean(losses)`

        - accuracy: `{swift} percent(accuracy)`, *emphasised `{swift} losses.count`*
        - tag: `{swift} tag`; plain code stays `{swift}` and `x`

        | run | loss |
        | --- | --- |
        | a | `{swift} losses[0]` |

        ```text
        `{swift} notEvaluated`
        ```

        # Appendix
        """

    private func page(_ result: RunResult, allowErrors: Bool = false) throws -> (html: String, manifest: [String: Any]) {
        let output = ReportFixtures.temporaryDirectory()
        _ = try ReportWriter.write(result, to: output, allowErrors: allowErrors, options: try ReportFixtures.options())
        let folder = output.appendingPathComponent("inline")
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
        return (html, try #require(manifest as? [String: Any]))
    }

    @Test func valuesReplaceTheirSpansInHeadingsListsTablesAndEmphasis() throws {
        #expect(Notebook.parse(source: Self.source, path: "inline.md").1.isEmpty)
        let result = ReportFixtures.run(Self.source, path: "inline.md")
        #expect(result.succeeded, "\(result.diagnostics.map(\.rendered)) \(result.inlineValues.compactMap(\.error))")
        let html = try page(result).html
        #expect(html.contains(#"<h1 id="loss-is-1-33">Loss is <span class="inline-value">1.33</span></h1>"#))
        #expect(html.contains(#"<li>accuracy: <span class="inline-value">87.3%</span>, <em>emphasised <span class="inline-value">3</span></em></li>"#))
        #expect(html.contains(#"<td><span class="inline-value">2.00</span></td>"#))
        // The contents list shows the heading as it is on the page, value and all, escaped once.
        #expect(html.contains(##"href="#loss-is-1-33">Loss is <span class="inline-value">1.33</span></a>"##))
        #expect(html.contains("<code>{swift}</code>") && html.contains("<code>x</code>"))
        #expect(html.contains("`{swift} notEvaluated`"))
        #expect(!html.contains("FOLIOINLINE"))
    }

    /// A caption's inline values see the cell's own names: a caption states the sizes used.
    @Test func captionsFillInValuesOfTheirOwnCell() throws {
        let source = """
            ---
            seed: 7
            ---

            ```swift
            //| label: tbl-sizes
            //| caption: Sizes of `{swift} samples` samples and `{swift} tag` (`{swift} missing.count`).
            let samples = 1200
            let tag = "<i>"
            table(columns: ["n"], rows: [[samples]])
            ```
            """
        let (notebook, parse) = Notebook.parse(source: source, path: "inline.md")
        #expect(parse.isEmpty)
        #expect(notebook.inlineExpressions.map(\.expression) == ["samples", "tag", "missing.count"])
        #expect(notebook.inlineExpressions.map(\.line) == [7, 7, 7])
        let lint = Engine.lint(notebook)
        #expect(lint.map { "\($0.line):\($0.column): \($0.message)" } == ["7:77: cannot find 'missing' in scope"])
        let fixed = source.replacingOccurrences(of: " (`{swift} missing.count`)", with: "")
        let (html, manifest) = try page(ReportFixtures.run(fixed, path: "inline.md"))
        #expect(html.contains("Sizes of 1200 samples and &lt;i&gt;."))
        let tables = try #require(manifest["tables"] as? [[String: Any]])
        #expect(tables.first?["caption"] as? String == "Sizes of 1200 samples and <i>.")
    }

    @Test func valuesAreEscaped() throws {
        let html = try page(ReportFixtures.run(Self.source, path: "inline.md")).html
        #expect(html.contains(#"<span class="inline-value">&lt;b&gt;&amp;</span>"#))
        #expect(!html.contains("<b>&"))
    }

    @Test func theManifestListsTheValues() throws {
        let manifest = try page(ReportFixtures.run(Self.source, path: "inline.md")).manifest
        let values = try #require(manifest["inlineValues"] as? [[String: Any]])
        #expect(values.count == 5)
        let first = values[0]
        #expect(first["line"] as? Int == 11 && first["column"] as? Int == 11)
        #expect(first["expression"] as? String == "mean(losses)")
        #expect(first["text"] as? String == "1.33")
        #expect((first["value"] as? Double).map { abs($0 - 4.0 / 3) < 1e-12 } == true)
        #expect(first["status"] as? String == "evaluated")
        #expect(values[3]["value"] == nil && values[3]["text"] as? String == "<b>&")
    }

    @Test func aFailingValueIsAnErrorMarkerInPlace() throws {
        let result = ReportFixtures.run(Self.source + "\n\nBroken: `{swift} losses[9]`.\n", path: "inline.md")
        #expect(!result.succeeded)
        let (html, manifest) = try page(result, allowErrors: true)
        #expect(html.contains(#"<span class="inline-value error" role="alert""#))
        #expect(html.contains("⚠ <code>losses[9]</code>: index 9 is out of range for an array of 3 elements</span>"))
        #expect(html.contains("1 inline values failed"))
        #expect(manifest["succeeded"] as? Bool == false)
        let failed = try #require((manifest["inlineValues"] as? [[String: Any]])?.last)
        #expect(failed["status"] as? String == "failed")
        #expect((failed["error"] as? [String: Any])?["message"] as? String == "index 9 is out of range for an array of 3 elements")
    }

    @Test func jupyterMarkdownGetsTheFormattedText() throws {
        let data = try JupyterExport.document(for: ReportFixtures.run(Self.source, path: "inline.md"))
        let notebook = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cells = try #require(notebook["cells"] as? [[String: Any]])
        let markdown = cells.filter { $0["cell_type"] as? String == "markdown" }
            .flatMap { ($0["source"] as? [String]) ?? [] }.joined()
        #expect(markdown.contains("# Loss is 1.33"))
        #expect(markdown.contains("accuracy: 87.3%"))
        #expect(markdown.contains("tag: \\<b\\>\\&;"))
        #expect(markdown.contains("`{swift} notEvaluated`"))
        #expect(!markdown.contains("{swift} mean"))
    }

    @Test func tableColumnsOfFormattedNumbersAreRightAligned() throws {
        let source = ReportFixtures.source(cells: ["table(columns: [\"x\"], rows: [[3.6e-7], [12345.0]])"])
        let html = try page(ReportFixtures.run(source, path: "inline.md")).html
        #expect(html.contains("3.60×10⁻⁷") && html.contains("1.23×10⁴"))
        #expect(!html.contains(#"class="text""#))
    }
}
