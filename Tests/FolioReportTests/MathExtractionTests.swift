import Testing
@testable import FolioReport

@Suite("Math is protected from Markdown")
struct MathExtractionTests {
    @Test func extractsInlineAndDisplayMath() {
        let extraction = MathExtraction(markdown: "Energy $\\Sigma_z = a_1 * b_2$ and\n\n$$\n\\log|\\lambda I + W W^T|\n$$\n")
        #expect(extraction.spans == [
            MathSpan(tex: "\\Sigma_z = a_1 * b_2", isDisplay: false),
            MathSpan(tex: "\\log|\\lambda I + W W^T|", isDisplay: true),
        ])
        #expect(extraction.markdown == "Energy FOLIOMATH0Z and\n\nFOLIOMATH1Z\n")
    }

    @Test func dollarsThatAreNotMathStayText() {
        for text in ["costs $5 and $6 today", "a \\$ sign $ x$", "`$code$` here", "```\n$x$\n```\n", "$ lone"] {
            #expect(MathExtraction(markdown: text).spans.isEmpty, "\(text)")
        }
    }

    @Test func restoresEscapedMathIntoConvertedHTML() {
        let extraction = MathExtraction(markdown: "x $a<b$\n\n$$c$$")
        let converted = "<p>x FOLIOMATH0Z</p><p>FOLIOMATH1Z</p>"
        #expect(extraction.restore(in: converted)
            == "<p>x <span class=\"math inline\">a&lt;b</span></p><div class=\"math display\">c</div>")
    }
}
