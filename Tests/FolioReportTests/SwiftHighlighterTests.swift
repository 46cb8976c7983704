import Testing
@testable import FolioReport

@Suite("Syntax highlighting from SwiftParser tokens")
struct SwiftHighlighterTests {
    @Test func classifiesTokens() {
        let html = SwiftHighlighter.html("//| label: fig-a\nlet x = pca(X, rank: 3) // top 3\nprint(\"a<b\", 2.5)")
        #expect(html == """
            <span class="tok-opt">//| label: fig-a</span>
            <span class="tok-kw">let</span> <span class="tok-id">x</span> = <span class="tok-fn">pca</span>(\
            <span class="tok-ty">X</span>, <span class="tok-id">rank</span>: <span class="tok-num">3</span>) \
            <span class="tok-com">// top 3</span>
            <span class="tok-fn">print</span>(<span class="tok-str">&quot;</span><span class="tok-str">a&lt;b</span>\
            <span class="tok-str">&quot;</span>, <span class="tok-num">2.5</span>)
            """)
    }

    @Test func textContentIsTheCodeEvenWhenItDoesNotParse() {
        let code = "let = = <script>alert(1)</script> \"unterminated"
        let html = SwiftHighlighter.html(code)
        #expect(!html.contains("<script>"))
        let text = html.replacing(/<[^>]+>/, with: "")
            .replacing("&lt;", with: "<").replacing("&gt;", with: ">")
            .replacing("&quot;", with: "\"").replacing("&#39;", with: "'").replacing("&amp;", with: "&")
        #expect(text == code)
    }
}
