import Foundation
import Testing
import FolioNotebook
@testable import FolioEngine

/// Inline values (`` `{swift} expr` `` in prose): evaluated over the cells above, cached
/// with what they read, failing in place.
@Suite struct InlineValueTests {
    static let notebookSource = """
        ---
        seed: 3
        params:
          scale: 2.0
        ---

        ```swift
        //| label: base
        let x = [1.0, 2.0, 3.0]
        ```

        ```swift
        //| label: other
        let k = 5
        ```

        The mean is `{swift} mean(x)`, scaled `{swift} mean(x) * params.scale`.
        """

    private func edit(_ replace: String, with replacement: String) -> String {
        Self.notebookSource.replacingOccurrences(of: replace, with: replacement)
    }

    private func texts(_ result: RunResult) -> [String?] { result.inlineValues.map { $0.value?.text } }

    @Test func valuesAreEvaluatedOverTheCellsAbove() throws {
        let result = try CacheTests.Workspace(source: Self.notebookSource).render(useCache: false)
        #expect(result.succeeded)
        #expect(texts(result) == ["2.00", "4.00"])
        #expect(result.inlineValues.map(\.status) == [.evaluated, .evaluated])
        #expect(result.inlineValues.first?.value?.value == 2)
        #expect(result.inlineValues.map(\.line) == [17, 17])
        #expect(result.inlineValues.first?.expression == "mean(x)")
    }

    @Test func secondRenderRunsNothingAndRestoresTheValues() throws {
        let workspace = try CacheTests.Workspace(source: Self.notebookSource)
        let first = try workspace.render()
        let second = try workspace.render()
        #expect(workspace.ran(second).isEmpty)
        #expect(second.inlineValues.map(\.status) == [.cached, .cached])
        #expect(second.inlineValues.map(\.value) == first.inlineValues.map(\.value))
        #expect(second.inlineValues.map(\.key) == first.inlineValues.map(\.key))
    }

    @Test func editingTheExpressionReevaluatesItWithoutRunningCells() throws {
        let workspace = try CacheTests.Workspace(source: Self.notebookSource)
        _ = try workspace.render()
        try workspace.write(edit("mean(x) * params.scale", with: "mean(x) * 3"))
        let result = try workspace.render()
        #expect(workspace.ran(result).isEmpty)
        #expect(result.inlineValues.map(\.status) == [.cached, .evaluated])
        #expect(texts(result) == ["2.00", "6.00"])
    }

    @Test func editingACellItReadsReevaluatesIt() throws {
        let workspace = try CacheTests.Workspace(source: Self.notebookSource)
        _ = try workspace.render()
        try workspace.write(edit("[1.0, 2.0, 3.0]", with: "[1.0, 2.0, 6.0]"))
        let result = try workspace.render()
        #expect(workspace.ran(result) == ["base"])
        #expect(result.inlineValues.map(\.status) == [.evaluated, .evaluated])
        #expect(texts(result) == ["3.00", "6.00"])
    }

    @Test func changingAParamReevaluatesOnlyItsReaders() throws {
        let workspace = try CacheTests.Workspace(source: Self.notebookSource)
        _ = try workspace.render()
        let result = try workspace.render(params: [("scale", "3")])
        #expect(workspace.ran(result).isEmpty)
        #expect(result.inlineValues.map(\.status) == [.cached, .evaluated])
    }

    @Test func cleanKeepsTheEntriesOfInlineValues() throws {
        let workspace = try CacheTests.Workspace(source: Self.notebookSource)
        _ = try workspace.render()
        #expect(try Engine.cleanCache(at: workspace.cache) == CacheCleanup())
        #expect(try workspace.render().inlineValues.map(\.status) == [.cached, .cached])
    }

    @Test func aFailingExpressionFailsInPlaceAndFailsTheRun() throws {
        let result = try CacheTests.Workspace(source: Self.notebookSource + "\n\nOut of range: `{swift} x[7]`.").render()
        #expect(!result.succeeded)
        #expect(result.cells.allSatisfy { $0.status == .ran })
        let failed = try #require(result.inlineValues.last)
        #expect(failed.status == .failed)
        #expect(failed.value == nil)
        #expect(failed.error?.message == "index 7 is out of range for an array of 3 elements")
        #expect(failed.error.map { "\($0.line):\($0.column)" } == "19:24")
    }

    @Test func readingAFailedCellFails() throws {
        let source = TestSupport.source(cells: ["let y = [1][3]"]) + "\nThe value `{swift} y + 1`.\n"
        let result = try #require(TestSupport.runNotebook(source).result)
        #expect(!result.succeeded)
        #expect(result.inlineValues.first?.status == .failed)
        #expect(result.inlineValues.first?.error?.message == "'y' comes from cell-1, which failed")
    }

    @Test func anInlineValueMustBeOneExpression() {
        let source = TestSupport.source(cells: ["let y = 1"]) + "\nNot this: `{swift} let z = y`.\n"
        let (notebook, _) = Notebook.parse(source: source, path: "t.md")
        #expect(Engine.lint(notebook).map(\.headline) == ["t.md:9:20: error: an inline value must be a single expression"])
    }

    @Test func theHintOfAnUnknownNameSuggestsANameFromAbove() throws {
        let source = TestSupport.source(cells: ["let total = 1"]) + "\nTotal: `{swift} totl`.\n"
        let (notebook, _) = Notebook.parse(source: source, path: "t.md")
        let diagnostic = try #require(Engine.lint(notebook).first)
        #expect(diagnostic.rendered == """
            t.md:9:17: error: cannot find 'totl' in scope
            Total: `{swift} totl`.
                            ^
            hint: did you mean 'total'?
            """)
    }

    @Test func formattingBuiltinsWorkInCells() {
        #expect(TestSupport.run("format(0.09981)").value == "0.0998")
        #expect(TestSupport.run("format(3.6e-7, digits: 2)").value == "3.6×10⁻⁷")
        #expect(TestSupport.run("percent(0.873)").value == "87.3%")
        #expect(TestSupport.run("scientific(3.6e-7, digits: 2)").value == "3.6×10⁻⁷")
        #expect(TestSupport.run("fixed(3.14159)").value == "3.14")
        #expect(TestSupport.run("format(1.5, digits: 0)").error?.message == "'digits' must be between 1 and 17, got 0")
        #expect(Engine.functionDocumentation("percent")?.contains("87.3%") == true)
    }
}
