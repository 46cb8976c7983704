import Foundation
import Testing
import FolioEngine
import FolioNotebook
@testable import FolioReport

@Suite struct EscapingTests {
    /// `<script>` placed in every string a notebook controls: title, abstract, author, prose,
    /// printed text, the cell's value, a table (columns, cells, caption), a figure (caption,
    /// alt, axis labels), an error message, a param and a heading.
    @Test func notebookStringsNeverReachThePageUnescaped() throws {
        let attack = "<script>alert(1)</script>"
        let source = """
            ---
            title: "\(attack)"
            authors: ["\(attack)"]
            abstract: "\(attack)"
            seed: 1
            params:
              note: "\(attack)"
            ---

            # Heading \(attack)

            Prose \(attack) and `\(attack)` and $\(attack)$.

            ```swift
            //| label: tbl-x
            //| caption: \(attack)
            print("\(attack)")
            table(columns: ["\(attack)"], rows: [["\(attack)"]])
            ```

            ```swift
            //| label: fig-x
            //| caption: \(attack)
            //| alt: \(attack)
            plot([line(y: [1, 2], label: "\(attack)")], title: "\(attack)", x: "\(attack)")
            ```

            ```swift
            let s = "\(attack)"
            s
            ```

            ```swift
            //| expect-error: true
            let t = "\(attack)"
            let m = matrix([[1, 2]])
            print(t, params.note, m.rows)
            print("\(attack)", [1, 2][5])
            ```
            """
        let result = ReportFixtures.run(source, path: "attack.md")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        #expect(result.succeeded)
        for selfContained in [false, true] {
            let output = ReportFixtures.temporaryDirectory()
            _ = try ReportWriter.write(result, to: output, allowErrors: false, options: try ReportFixtures.options(selfContained: selfContained))
            let html = try String(contentsOf: output.appendingPathComponent("attack/index.html"), encoding: .utf8)
            #expect(!html.contains("<script>alert"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            let manifest = try Data(contentsOf: output.appendingPathComponent("attack/manifest.json"))
            #expect((try JSONSerialization.jsonObject(with: manifest)) is [String: Any])
        }
    }

    @Test func markdownRawHTMLIsShownAsText() {
        var renderer = ProseRenderer(references: CrossReferences(cells: []))
        let html = renderer.render("<div onclick=\"x()\">hi</div>\n\nA <b>b</b> and `<i>`.").html
        #expect(!html.contains("<div onclick") && !html.contains("<b>"))
        #expect(html.contains("&lt;b&gt;") && html.contains("<code>&lt;i&gt;</code>"))
    }
}
