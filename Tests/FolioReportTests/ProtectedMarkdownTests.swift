import Testing
@testable import FolioReport

@Suite("Math and references are protected from Markdown")
struct ProtectedMarkdownTests {
    @Test func extractsInlineAndDisplayMath() {
        let extraction = ProtectedMarkdown(markdown: "Energy $\\Sigma_z = a_1 * b_2$ and\n\n$$\n\\log|\\lambda I + W W^T|\n$$\n")
        #expect(extraction.spans == [
            .math(MathSpan(tex: "\\Sigma_z = a_1 * b_2", isDisplay: false)),
            .math(MathSpan(tex: "\\log|\\lambda I + W W^T|", isDisplay: true)),
        ])
        #expect(extraction.markdown == "Energy FOLIOPROTECTED0Z and\n\nFOLIOPROTECTED1Z\n")
    }

    @Test func dollarsThatAreNotMathStayText() {
        for text in ["costs $5 and $6 today", "a \\$ sign $ x$", "x `$code$` here", "```\n$x$\n```\n", "$ lone"] {
            #expect(ProtectedMarkdown(markdown: text).spans.isEmpty, "\(text)")
        }
    }

    @Test func restoresEscapedMathIntoConvertedHTML() {
        let extraction = ProtectedMarkdown(markdown: "x $a<b$\n\n$$c$$")
        let converted = "<p>x FOLIOPROTECTED0Z</p><p>FOLIOPROTECTED1Z</p>"
        #expect(extraction.restore(in: converted) { $0 }
            == "<p>x <span class=\"math inline\">a&lt;b</span></p><div class=\"math display\">c</div>")
    }

    @Test func protectsCrossReferencesButNotAddresses() {
        let extraction = ProtectedMarkdown(markdown: "See @fig-ppca_2, (@tbl-counts). Mail me@fig-x.org; `@fig-code`.")
        #expect(extraction.spans == [.reference(label: "fig-ppca_2"), .reference(label: "tbl-counts")])
        #expect(extraction.markdown == "See FOLIOPROTECTED0Z, (FOLIOPROTECTED1Z). Mail me@fig-x.org; `@fig-code`.")
        #expect(extraction.restore(in: extraction.markdown) { "[\($0)]" }
            == "See [fig-ppca_2], ([tbl-counts]). Mail me@fig-x.org; `@fig-code`.")
    }

    /// A line that starts with a code span continues its paragraph (Ink, used before
    /// cmark, ended the paragraph there).
    @Test func aLineStartingWithCodeStaysInItsParagraph() {
        var renderer = ProseRenderer(references: CrossReferences(cells: []))
        let html = renderer.render("Modes: `quick` and\n`paper` (the paper's <sizes>).\n").html
        #expect(html.contains("<p>Modes: <code>quick</code> and\n<code>paper</code> (the paper's &lt;sizes&gt;).</p>")
            || html.contains("<p>Modes: <code>quick</code> and <code>paper</code> (the paper's &lt;sizes&gt;).</p>"), "\(html)")
    }

    /// A `<` in math reaches the page escaped once, so KaTeX reads `<`; raw HTML in the
    /// prose around it is still escaped.
    @Test func lessThanInMathIsEscapedOnce() {
        var renderer = ProseRenderer(references: CrossReferences(cells: []))
        let html = renderer.render("Success: $x^2 < 10^{-2}$ and <b>bold</b>.").html
        #expect(html.contains("<span class=\"math inline\">x^2 &lt; 10^{-2}</span>"), "\(html)")
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt;"), "\(html)")
    }
}
