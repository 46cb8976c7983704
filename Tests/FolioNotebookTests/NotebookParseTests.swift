import Testing
@testable import FolioNotebook

@Suite struct NotebookParseTests {
    @Test func cellsKeepTheirFilePositions() {
        let source = "---\ntitle: T\n---\n\nText\n\n   ```swift\n   //| label: fig-a\n   let x = 1\n   ```\n"
        let (notebook, diagnostics) = Notebook.parse(source: source, path: "n.md")
        #expect(diagnostics.isEmpty)
        let cell = notebook.cells[0]
        #expect(cell.fenceLine == 7)
        #expect(cell.codeStartLine == 8)
        #expect(cell.indent == 3)
        #expect(cell.code == "//| label: fig-a\nlet x = 1")
        #expect(cell.id == "fig-a")
    }

    @Test func otherFencesAreProse() {
        let source = "```python\nx = 1\n```\n\n````markdown\n```swift\nlet inner = 1\n```\n````\n"
        let (notebook, diagnostics) = Notebook.parse(source: source, path: "n.md")
        #expect(diagnostics.isEmpty)
        #expect(notebook.cells.isEmpty)
        #expect(notebook.blocks.count == 1)
    }

    @Test func crlfLineEndings() {
        let (notebook, diagnostics) = Notebook.parse(source: "---\r\nseed: 3\r\n---\r\n```swift\r\nlet a = 1\r\n```\r\n", path: "n.md")
        #expect(diagnostics.isEmpty)
        #expect(notebook.frontMatter.seed == 3)
        #expect(notebook.cells.first?.code == "let a = 1")
    }

    @Test func paramsAreTypedByTheirDefault() {
        let source = "---\nparams:\n  n: 3\n  rate: 0.5\n  flag: true\n  label: \"7\"\n  sizes: [1, 2.5]\n  mode: { default: a, values: [a, b] }\n---\n"
        let (notebook, diagnostics) = Notebook.parse(source: source, path: "n.md")
        #expect(diagnostics.isEmpty)
        let types = notebook.frontMatter.params.map(\.value.typeName)
        #expect(types == ["Int", "Double", "Bool", "String", "[Double]", "String"])
        #expect(notebook.frontMatter.param("label")?.value == .string("7"))
        #expect(notebook.frontMatter.param("mode")?.allowedValues == ["a", "b"])
    }

    @Test func paramOverrides() {
        let source = "---\nparams:\n  n: 3\n  sizes: [1, 2]\n  mode: { default: a, values: [a, b] }\n---\n"
        var (notebook, _) = Notebook.parse(source: source, path: "n.md")
        #expect(notebook.applyParams([("n", "20"), ("sizes", "4,5,6"), ("mode", "b")]).isEmpty)
        #expect(notebook.frontMatter.param("n")?.value == .int(20))
        #expect(notebook.frontMatter.param("sizes")?.value == .array([.int(4), .int(5), .int(6)]))
        let problems = notebook.applyParams([("n", "many"), ("mode", "c"), ("m", "1")])
        #expect(problems == [
            "--param: 'n' expects Int, got 'many'",
            "--param: 'mode' must be one of a, b, got 'c'",
            "--param: unknown param 'm' (did you mean 'n'?); declared: n, sizes, mode",
        ])
    }

    @Test func problemsAreCollectedNotThrown() {
        let source = "---\ntitel: x\nseed: -1\n---\n```swift\n//| echo: yes\n//| colour: red\nlet a = 1\n```\n"
        let (_, diagnostics) = Notebook.parse(source: source, path: "n.md")
        #expect(diagnostics.map { "\($0.line):\($0.column)" } == ["2:1", "3:7", "6:11", "7:5"])
    }

    @Test func optionHintsSuggestTheNearestKey() {
        let (_, diagnostics) = Notebook.parse(source: "```swift\n//| captoin: x\n```\n", path: "n.md")
        #expect(diagnostics.first?.hint == "did you mean 'caption'?")
    }

    @Test func diagnosticRendering() {
        let diagnostic = Diagnostic(
            file: "a.md", line: 3, column: 3, message: "bad", hint: "try again", sourceLine: "\tx = y")
        #expect(diagnostic.rendered == "a.md:3:3: error: bad\n\tx = y\n\t ^\nhint: try again")
    }

    @Test func didYouMean() {
        #expect(DidYouMean.suggestions(for: "trainVea", among: ["trainVAE", "train", "transpose"]) == ["trainVAE"])
        #expect(DidYouMean.suggestions(for: "zzz", among: ["trainVAE"]).isEmpty)
    }

    @Test func notebookName() {
        #expect(Notebook.parse(source: "", path: "notebooks/hidden-talents.md").0.name == "hidden-talents")
    }
}
