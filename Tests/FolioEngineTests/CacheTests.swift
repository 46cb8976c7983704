import Foundation
import Testing
import FolioNotebook
@testable import FolioEngine

/// The cache reruns exactly what changed, never trusts a corrupt entry, and results do
/// not depend on `--jobs`.
@Suite struct CacheTests {
    static let notebookSource = """
        ---
        seed: 3
        params:
          trials: 5
          scale: 2.0
        ---

        Intro prose.

        ```swift
        //| label: base
        let X = randomNormal(rows: 3, columns: 3)
        func twice(_ x: Double) -> Double { x * 2 }
        ```

        ```swift
        //| label: uses-base
        let s = singularValues(X).map { twice($0) }
        s.count
        ```

        ```swift
        //| label: trials-reader
        let t = params.trials * 10
        ```

        ```swift
        //| label: independent
        let k = 1 + 1
        ```

        ```swift
        //| label: file-reader
        let text = readText("input.txt")
        ```
        """

    /// A notebook in its own folder with its input file.
    struct Workspace {
        let folder = TestSupport.temporaryDirectory()
        var notebookPath: String { folder.appendingPathComponent("nb.md").path }
        var cache: URL { folder.appendingPathComponent("output/.cache") }

        init(source: String = CacheTests.notebookSource) throws {
            try write(source)
            try "hello".write(to: folder.appendingPathComponent("input.txt"), atomically: true, encoding: .utf8)
        }

        func write(_ source: String) throws {
            try source.write(toFile: notebookPath, atomically: true, encoding: .utf8)
        }

        func render(
            jobs: Int = 1, params: [(name: String, value: String)] = [], useCache: Bool = true, refresh: Set<String> = []
        ) throws -> RunResult {
            var (notebook, diagnostics) = Notebook.parse(source: try String(contentsOfFile: notebookPath, encoding: .utf8), path: notebookPath)
            #expect(diagnostics.isEmpty)
            #expect(notebook.applyParams(params).isEmpty)
            var options = RunOptions(cacheDirectory: cache)
            options.jobs = jobs
            options.useCache = useCache
            options.refresh = refresh
            return Engine.run(notebook, options: options)
        }

        func ran(_ result: RunResult) -> [String] { result.cells.filter { $0.status == .ran }.map(\.id) }
    }

    private func edit(_ replace: String, with replacement: String) -> String {
        Self.notebookSource.replacingOccurrences(of: replace, with: replacement)
    }

    @Test func secondRenderReusesEverything() throws {
        let workspace = try Workspace()
        let first = try workspace.render()
        #expect(first.succeeded, "\(first.cells.compactMap(\.error).map(\.rendered))")
        #expect(workspace.ran(first).count == 5)
        #expect(first.cells.allSatisfy { $0.reasons == ["no cache entry"] })
        let second = try workspace.render()
        #expect(workspace.ran(second).isEmpty)
        #expect(second.cells.map(\.key) == first.cells.map(\.key))
        #expect(second.cells.map(\.outputs) == first.cells.map(\.outputs))
    }

    @Test func proseEditRerunsNothing() throws {
        let workspace = try Workspace()
        _ = try workspace.render()
        try workspace.write(edit("Intro prose.", with: "Intro prose, rewritten and longer.\n\nAnother paragraph."))
        #expect(workspace.ran(try workspace.render()).isEmpty)
    }

    @Test func editingACellRerunsItAndItsDependentsOnly() throws {
        let workspace = try Workspace()
        _ = try workspace.render()
        try workspace.write(edit("rows: 3, columns: 3", with: "rows: 4, columns: 3"))
        let result = try workspace.render()
        #expect(workspace.ran(result) == ["base", "uses-base"])
        #expect(result.cells[0].reasons == ["code changed"])
        #expect(result.cells[1].reasons == ["upstream base changed"])
    }

    @Test func displayOnlyOptionsDoNotInvalidate() throws {
        let workspace = try Workspace()
        _ = try workspace.render()
        try workspace.write(edit("//| label: independent", with: "//| label: independent\n//| caption: Now with a caption\n//| echo: false"))
        #expect(workspace.ran(try workspace.render()).isEmpty)
    }

    @Test func changingAParamRerunsOnlyItsReaders() throws {
        let workspace = try Workspace()
        _ = try workspace.render()
        let result = try workspace.render(params: [("trials", "7")])
        #expect(workspace.ran(result) == ["trials-reader"])
        #expect(result.cells[2].reasons == ["param trials changed"])
    }

    @Test func changingAnInputFileRerunsItsReader() throws {
        let workspace = try Workspace()
        _ = try workspace.render()
        try "changed".write(to: workspace.folder.appendingPathComponent("input.txt"), atomically: true, encoding: .utf8)
        let result = try workspace.render()
        #expect(workspace.ran(result) == ["file-reader"])
        #expect(result.cells[4].reasons == ["input file changed"])
    }

    @Test func cachedFunctionsAreRestoredForDependents() throws {
        let workspace = try Workspace()
        let first = try workspace.render()
        try workspace.write(edit("s.count", with: "s.count + 0"))
        let result = try workspace.render()
        #expect(workspace.ran(result) == ["uses-base"])
        #expect(result.succeeded, "\(result.cells.compactMap(\.error).map(\.rendered))")
        #expect(result.cells[1].outputs == first.cells[1].outputs)
    }

    @Test func corruptEntriesAreRecomputedWithAWarning() throws {
        let workspace = try Workspace()
        let first = try workspace.render()
        let entries = workspace.cache.appendingPathComponent("entries")
        for file in try FileManager.default.contentsOfDirectory(at: entries, includingPropertiesForKeys: nil) {
            try Data("FOLIO-CACHE 1\n{ not json".utf8).write(to: file)
        }
        let result = try workspace.render()
        #expect(workspace.ran(result).count == 5)
        #expect(result.warnings.count == 5)
        #expect(result.cells.allSatisfy { $0.reasons == ["cache entry corrupt"] })
        #expect(result.cells.map(\.outputs) == first.cells.map(\.outputs))
        #expect(workspace.ran(try workspace.render()).isEmpty)
    }

    @Test func refreshRecomputesOneCell() throws {
        let workspace = try Workspace()
        _ = try workspace.render()
        let result = try workspace.render(refresh: ["independent"])
        #expect(workspace.ran(result) == ["independent"])
        #expect(result.cells[3].reasons == ["--refresh independent"])
    }

    @Test func expectedErrorsSurviveTheCache() throws {
        let workspace = try Workspace(source: Self.notebookSource + "\n\n```swift\n//| expect-error: true\nlet bad = [1][3]\n```\n")
        let first = try workspace.render()
        #expect(first.succeeded)
        #expect(first.cells.last?.error?.message == "index 3 is out of range for an array of 1 elements")
        let second = try workspace.render()
        #expect(second.cells.last?.status == .cached)
        #expect(second.cells.last?.error == first.cells.last?.error)
    }

    @Test func identicalUnlabelledCellsKeepTheirOwnRandomStreams() throws {
        let cell = "print(normalSamples(count: 1))"
        let workspace = try Workspace(source: TestSupport.source(cells: [cell, cell]))
        let first = try workspace.render()
        #expect(first.cells[0].outputs != first.cells[1].outputs)
        #expect(first.cells[0].key != first.cells[1].key)
        let second = try workspace.render()
        #expect(workspace.ran(second).isEmpty)
        #expect(second.cells.map(\.outputs) == first.cells.map(\.outputs))
    }

    @Test func noCacheRunsEverythingAndWritesNothing() throws {
        let workspace = try Workspace()
        let result = try workspace.render(useCache: false)
        #expect(workspace.ran(result).count == 5)
        #expect(!FileManager.default.fileExists(atPath: workspace.cache.path))
    }

    @Test func jobsDoNotChangeResults() throws {
        func manifest(jobs: Int) throws -> String {
            let workspace = try Workspace()
            var cells = try workspace.render(jobs: jobs, useCache: false).cells
            for index in cells.indices { cells[index].seconds = 0 }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            return String(decoding: try encoder.encode(cells), as: UTF8.self)
        }
        let one = try manifest(jobs: 1)
        #expect(one == (try manifest(jobs: 2)))
        #expect(one == (try manifest(jobs: 4)))
        #expect(one.contains("\"status\" : \"ran\""))
    }

    @Test func cleanRemovesUnreferencedEntries() throws {
        let workspace = try Workspace()
        _ = try workspace.render()
        try workspace.write(edit("let k = 1 + 1", with: "let k = 1 + 2"))
        _ = try workspace.render()
        #expect(try Engine.cleanCache(at: workspace.cache) == 1)
        #expect(workspace.ran(try workspace.render()).isEmpty)
    }
}
