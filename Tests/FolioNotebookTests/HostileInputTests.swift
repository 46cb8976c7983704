import Testing
@testable import FolioNotebook

/// Input that must become diagnostics at its position: bad bytes, names that would replace
/// Folio's own folders, labels that take another cell's id, non-finite params, long lines.
@Suite struct HostileInputTests {
    @Test func invalidUTF8AndNULAreReportedWhereTheyAre() {
        let bytes = Array("---\nseed: 1\n---\nab".utf8) + [0xFF, 0xFE] + Array("c\nok\nx".utf8) + [0] + Array("y\n".utf8)
        let (_, diagnostics) = Notebook.parse(bytes: bytes, path: "b.md")
        #expect(diagnostics.map(\.headline) == [
            "b.md:4:3: error: invalid UTF-8: a byte that is not part of a character",
            "b.md:6:2: error: NUL byte in the notebook",
        ])
        #expect(Notebook.parse(bytes: Array("---\nseed: 1\n---\nPlain é text\n".utf8), path: "g.md").1.isEmpty)
    }

    @Test func namesStartingWithADotAreRefused() {
        for (path, name) in [(".cache.md", ".cache"), ("...md", ".."), ("dir/.md", ".md")] {
            let headlines = Notebook.parse(source: "# x\n", path: path).1.map(\.headline)
            #expect(headlines.count == 1 && headlines[0].contains("the notebook's name '\(name)' cannot name its report folder"), "\(path)")
        }
        #expect(Notebook.parse(source: "# x\n", path: "notebooks/cache.md").1.isEmpty)
    }

    @Test func aLabelMayNotTakeAnUnlabelledCellsId() {
        let source = "```swift\n//| label: cell-2\nlet a = 1\n```\n\n```swift\nlet b = 2\n```\n"
        #expect(Notebook.parse(source: source, path: "n.md").1.map(\.headline) == [
            "n.md:2:5: error: label 'cell-2' is the id of the unlabelled cell at line 6"
        ])
    }

    @Test func nonFiniteParamsAreRefused() {
        var (notebook, _) = Notebook.parse(source: "---\nparams:\n  x: 0.5\n---\n", path: "n.md")
        for text in ["nan", "inf", "-inf", "1e999"] {
            #expect(notebook.applyParams([("x", text)]) == ["--param: 'x' expects Double (a finite number), got '\(text)'"])
        }
        #expect(notebook.applyParams([("x", "2.5")]).isEmpty)
    }

    @Test func longLinesAreCutAroundTheCaret() {
        let line = String(repeating: "a", count: 1_000_000) + "XYZ" + String(repeating: "b", count: 1_000_000)
        let diagnostic = Diagnostic(file: "n.md", line: 1, column: 1_000_002, message: "bad", sourceLine: line)
        let lines = diagnostic.rendered.split(separator: "\n").map(String.init)
        #expect(lines.count == 3 && lines[1].count <= SourceExcerpt.width + 2)
        let caret = lines[2].count - 1
        #expect(Array(lines[1])[caret] == "Y")
        let start = Diagnostic(file: "n.md", line: 1, column: 2, message: "bad", sourceLine: line).rendered.split(separator: "\n")
        #expect(start[1].hasPrefix("aaa") && start[1].hasSuffix("…") && start[2] == " ^")
        let huge = Diagnostic(file: "n.md", line: 1, column: 1, message: String(repeating: "m", count: 10_000)).rendered
        #expect(huge.count < 700)
    }

    @Test func yamlAliasesAndDeepFlowNestingAreRefused() {
        let laughs = """
            ---
            a: &a [x, x, x, x, x, x, x, x, x]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
            ? [*c, *c, *c]
            : 1
            ---
            """
        #expect(Notebook.parse(source: laughs, path: "y.md").1.map(\.headline) == [
            "y.md:4:36: error: front matter uses more than 16 YAML aliases ('*name')"
        ])
        let deep = "---\ntitle: " + String(repeating: "[", count: 65) + String(repeating: "]", count: 65) + "\n---\n"
        #expect(Notebook.parse(source: deep, path: "y.md").1.map(\.headline) == ["y.md:2:72: error: front matter nests more than 64 brackets"])
        let fine = "---\ntitle: \"*a [[[ # not an alias\"\nseed: 3 # *b\nparams:\n  xs: [1, 2]\n---\n"
        #expect(!Notebook.parse(source: fine, path: "y.md").1.containsErrors)
    }
}
