import Foundation
import Testing
import FolioEngine
import FolioNotebook
@testable import FolioReport

/// The table of contents and heading anchors.
@Suite struct ContentsTests {
    /// `&` is escaped once; math in a heading is typeset in the contents too, and no
    /// placeholder leaks into the entry or the anchor.
    @Test func headingsReachTheContentsEscapedOnceWithTheirMath() {
        var renderer = ProseRenderer(references: CrossReferences(cells: []))
        let headings = renderer.render("# A & B <i>\n\n## Error below $10^{-2}$ when $x < y$\n").headings
        #expect(headings.map(\.id) == ["a-b-i", "error-below-10-2-when-x-y"])
        #expect(headings[0].html == "A &amp; B &lt;i&gt;")
        #expect(headings[1].html == #"Error below <span class="math inline">10^{-2}</span> when <span class="math inline">x &lt; y</span>"#)
        #expect(!headings.contains { $0.html.contains("FOLIO") || $0.id.contains("folio") })
    }

    /// A link in a heading is unwrapped in the contents (no link inside the entry's link).
    @Test func linksInHeadingsAreUnwrappedInTheContents() {
        var renderer = ProseRenderer(references: CrossReferences(cells: []))
        let heading = renderer.render("# See [the paper](https://arxiv.org/abs/1706.05148)").headings[0]
        #expect(heading.html == "See the paper")
    }

    /// Headings the author numbered are shown with their numbers once: the contents list is
    /// not an ordered list, and sub-headings are indented, not numbered.
    @Test func authorNumberedHeadingsAreNotNumberedAgain() throws {
        let source = "# 1. Intro\n\n## 1.1 Data\n\n# 2. Results\n"
        let result = ReportFixtures.run(source, path: "numbered.md")
        let output = ReportFixtures.temporaryDirectory()
        _ = try ReportWriter.write(result, to: output, allowErrors: false, options: try ReportFixtures.options())
        let html = try String(contentsOf: output.appendingPathComponent("numbered/index.html"), encoding: .utf8)
        let nav = try #require(html.firstRange(of: /<nav class="toc"[\s\S]*?<\/nav>/).map { String(html[$0]) })
        #expect(!nav.contains("<ol"))
        #expect(nav.contains(##"<li class="toc-level-1"><a href="#1-intro">1. Intro</a></li>"##))
        #expect(nav.contains(##"<li class="toc-level-2"><a href="#1-1-data">1.1 Data</a></li>"##))
    }
}
