import Testing
@testable import FolioNotebook

/// Finding `` `{swift} expr` `` spans in prose, with their file positions.
@Suite struct InlineExpressionScanTests {
    private func parse(_ body: String) -> (Notebook, [Diagnostic]) {
        Notebook.parse(source: "---\nseed: 1\n---\n" + body, path: "n.md")
    }

    @Test func spansKeepTheirFilePositionsAndOrder() {
        let (notebook, diagnostics) = parse("Intro `{swift} a` and ``{swift} b + `c` ``.\n\n```swift\nlet a = 1\n```\n\n- item `{swift}  f(x)  `\n")
        #expect(diagnostics.isEmpty)
        let found = notebook.inlineExpressions
        #expect(found.map(\.expression) == ["a", "b + `c`", "f(x)"])
        #expect(found.map(\.index) == [1, 2, 3])
        #expect(found.map(\.line) == [4, 4, 10])
        #expect(found.map(\.column) == [7, 23, 8])
        #expect(found.map(\.expressionColumn) == [16, 33, 18])
        #expect(found.map(\.cellsAbove) == [0, 0, 1])
        #expect(found[1].length == "``{swift} b + `c` ``".count)
    }

    @Test func codeIsNotAnInlineValue() {
        let body = """
            Plain `code`, `{swift}x`, \\`{swift} escaped\\`, and `{swift}` alone.

            ```text
            `{swift} fenced`
            ```

                `{swift} indented`

            - a list item

                `{swift} continued`
            """
        let (notebook, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        #expect(notebook.inlineExpressions.map(\.expression) == ["continued"])
    }

    @Test func anInlineValueMustBeOnOneLine() {
        let (notebook, diagnostics) = parse("Text `{swift} a +\nb` more.\n")
        #expect(notebook.inlineExpressions.isEmpty)
        #expect(diagnostics.map(\.headline) == ["n.md:4:6: error: an inline value must be on one line"])
    }

    @Test func spansAreReplacedInTheProseText() throws {
        let (notebook, _) = parse("A `{swift} x` and `{swift} y`.\nNext `{swift} z`\n")
        guard case .prose(let prose) = try #require(notebook.blocks.first) else { Issue.record("no prose"); return }
        #expect(prose.text(replacingInlineExpressions: { "<\($0.index)>" }) == "A <1> and <2>.\nNext <3>")
    }
}
