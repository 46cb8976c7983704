import Foundation
import Testing
import FolioNotebook
@testable import FolioEngine

/// Golden tests of `Notebook.parse` on the fixture notebooks: a text dump of the parsed
/// notebook is compared with `Fixtures/golden/<name>.parse.txt`. Set FOLIO_UPDATE_GOLDEN=1 to rewrite.
@Suite struct ParserGoldenTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")

    static func dump(_ notebook: Notebook, _ diagnostics: [Diagnostic]) -> String {
        let front = notebook.frontMatter
        var lines = [
            "title: \(front.title ?? "-")", "authors: \(front.authors)", "date: \(front.date ?? "-")",
            "abstract: \(front.abstract ?? "-")", "seed: \(front.seed)", "template: \(front.template ?? "-")",
        ]
        for param in front.params {
            lines.append("param \(param.name): \(param.value.typeName) = \(param.value) allowed=\(param.allowedValues ?? []) at \(param.line):\(param.column)")
        }
        for folder in front.data { lines.append("data \(folder.name): \(folder.path) at line \(folder.line)") }
        for block in notebook.blocks {
            switch block {
            case .prose(let prose):
                lines.append("prose at \(prose.startLine): \(prose.text.debugDescription)")
            case .cell(let cell):
                lines.append("cell \(cell.index) id=\(cell.id) fence=\(cell.fenceLine) code=\(cell.codeStartLine) indent=\(cell.indent)")
                let options = cell.options
                lines.append(
                    "  options caption=\(options.caption ?? "-") echo=\(options.echo) fold=\(options.fold) cache=\(options.cache) timeout=\(options.timeoutSeconds.map { "\($0)" } ?? "-") expect-error=\(options.expectError) width=\(options.widthPoints.map { "\($0)" } ?? "-") height=\(options.heightPoints.map { "\($0)" } ?? "-") alt=\(options.alt ?? "-") tolerance=\(options.tolerance.map { "\($0)" } ?? "-")")
                lines.append("  code \(cell.code.debugDescription)")
                lines.append("  normalized \(cell.normalizedCode.debugDescription)")
            }
        }
        lines += diagnostics.map { "diagnostic \($0.headline)" }
        return lines.joined(separator: "\n") + "\n"
    }

    static func parseFixture(_ name: String) throws -> (Notebook, [Diagnostic]) {
        let url = TestSupport.fixtures.appendingPathComponent("notebooks").appendingPathComponent(name)
        return Notebook.parse(source: try String(contentsOf: url, encoding: .utf8), path: "notebooks/\(name)")
    }

    @Test(arguments: ["tour.md", "options.md"])
    func matchesGolden(_ name: String) throws {
        let (notebook, diagnostics) = try Self.parseFixture(name)
        let actual = Self.dump(notebook, diagnostics)
        let golden = Self.goldenFolder.appendingPathComponent("\(name).parse.txt")
        if ProcessInfo.processInfo.environment["FOLIO_UPDATE_GOLDEN"] != nil {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(actual == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test func aChangedNotebookDoesNotMatchItsGolden() throws {
        let url = TestSupport.fixtures.appendingPathComponent("notebooks/tour.md")
        let edited = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "seed: 2017", with: "seed: 2018")
        let (notebook, diagnostics) = Notebook.parse(source: edited, path: "notebooks/tour.md")
        let golden = try String(contentsOf: Self.goldenFolder.appendingPathComponent("tour.md.parse.txt"), encoding: .utf8)
        #expect(Self.dump(notebook, diagnostics) != golden)
    }

    @Test func fixturesLintCleanly() throws {
        for name in ["tour.md", "options.md", "language.md"] {
            let (notebook, diagnostics) = try Self.parseFixture(name)
            #expect(diagnostics.isEmpty)
            #expect(Engine.lint(notebook).isEmpty, "\(Engine.lint(notebook).map(\.headline))")
        }
    }
}
