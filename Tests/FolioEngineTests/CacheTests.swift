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
            for index in cells.indices { (cells[index].seconds, cells[index].computedSeconds) = (0, 0) }
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
        #expect(try Engine.cleanCache(at: workspace.cache).entries == 1)
        #expect(workspace.ran(try workspace.render()).isEmpty)
    }

    // MARK: Lazy reading, timings, dedupe, corruption of values (issue F10)

    /// Cells exporting a matrix, a record holding it, arrays, tuples and a function; the
    /// last cell reads them all.
    static let valuesSource = """
        ---
        seed: 5
        ---

        Prose.

        ```swift
        //| label: data
        let X = randomNormal(rows: 300, columns: 40)
        let curve = normalSamples(count: 3000)
        let small = [1.5, 2.5]
        let problems = (0..<5).map { i in (observed: X, index: i, name: "p\\(i)") }
        let fit = pca(X, rank: 2)
        func scaled(_ x: Double) -> Double { x * 3 }
        ```

        ```swift
        //| label: alias
        let Y = X
        ```

        ```swift
        //| label: reader
        print(norm(Y), curve[2999], small, problems[4].index, problems[3].name, fit.explainedVariance, scaled(2))
        ```
        """

    @Test func proseEditReadsNoExportedValue() throws {
        let workspace = try Workspace(source: Self.valuesSource)
        let first = try workspace.render()
        #expect(first.succeeded, "\(first.cells.compactMap(\.error).map(\.rendered))")
        #expect(first.cacheActivity.entriesWritten == 3)
        try workspace.write(Self.valuesSource.replacingOccurrences(of: "Prose.", with: "Prose, edited."))
        let second = try workspace.render()
        #expect(workspace.ran(second).isEmpty)
        #expect(second.cacheActivity.entriesRead == 3)
        #expect(second.cacheActivity.valuesRead == 0)
        #expect(second.cacheActivity.blobsRead == 0)
        #expect(second.cacheActivity.valueBytesRead == 0)
        #expect(second.cacheActivity.entriesWritten == 0)
        #expect(second.cells.map(\.outputs) == first.cells.map(\.outputs))
    }

    /// The entry of cell `id` in the workspace's cache, through the notebook's index.
    private func entry(_ id: String, in workspace: Workspace) throws -> (url: URL, entry: CellEntry) {
        let index = try CacheFile.read(CacheIndex.self, kind: .index, from: CellCache.indexURL(workspace.cache, "nb")).head
        let url = CellCache.entryURL(workspace.cache, try #require(index.cells.first { $0.id == id }).entryKey)
        return (url, try CacheFile.read(CellEntry.self, kind: .cell, from: url).head)
    }

    /// What the `reader` cell printed.
    private func printed(_ result: RunResult) -> String {
        guard case .text(let text)? = result.cells.last?.outputs.first else { return "" }
        return text
    }

    @Test func aRunningCellReadsExactlyTheValuesItNeeds() throws {
        let workspace = try Workspace(source: Self.valuesSource)
        let first = try workspace.render()
        try workspace.write(Self.valuesSource.replacingOccurrences(of: "scaled(2))", with: "scaled(3))"))
        let second = try workspace.render()
        #expect(workspace.ran(second) == ["reader"])
        #expect(second.succeeded, "\(second.cells.compactMap(\.error).map(\.rendered))")
        // `data` and `alias` are restored once each, each blob read once per restore.
        let data = try entry("data", in: workspace).entry, alias = try entry("alias", in: workspace).entry
        #expect(second.cacheActivity.valuesRead == 2)
        #expect(second.cacheActivity.blobsRead == data.blobs.count + alias.blobs.count)
        #expect(printed(second) == printed(first).dropLast(4) + "9.0\n")
    }

    @Test func matricesPassedAlongAreStoredOnce() throws {
        let workspace = try Workspace(source: Self.valuesSource)
        _ = try workspace.render()
        let data = try entry("data", in: workspace).entry, alias = try entry("alias", in: workspace).entry
        #expect(alias.blobs.count == 1)
        #expect(Set(alias.blobs.keys).isSubset(of: data.blobs.keys))
        let blobs = try FileManager.default.contentsOfDirectory(atPath: workspace.cache.appendingPathComponent("blobs").path)
        #expect(blobs.count == data.blobs.count)
        let usage = Engine.cacheUsage(at: workspace.cache)
        #expect(usage.cells.map(\.id) == ["data", "alias", "reader"])
        #expect(usage.cells.map(\.blobs) == [data.blobs.count, 0, 0])
        #expect(usage.unreferencedFiles == 0)
    }

    @Test func cachedCellsKeepTheTimingOfTheRunThatComputedThem() throws {
        let workspace = try Workspace(source: Self.valuesSource)
        let first = try workspace.render()
        #expect(first.cells.allSatisfy { $0.computedSeconds == $0.seconds })
        let second = try workspace.render()
        #expect(second.cells.allSatisfy { $0.status == .cached && $0.seconds == 0 })
        #expect(second.cells.map(\.computedSeconds) == first.cells.map(\.seconds))
        #expect(second.computeSeconds == first.cells.map(\.seconds).reduce(0, +))
    }

    @Test(arguments: ["entry values", "blob payload", "blob header", "truncated blob", "missing blob"])
    func unreadableValuesAreRecomputedWhenNeeded(damage: String) throws {
        let workspace = try Workspace(source: Self.valuesSource)
        let first = try workspace.render()
        let (entryURL, entry) = try entry("data", in: workspace)
        let blob = workspace.cache.appendingPathComponent("blobs/\(try #require(entry.blobs.keys.sorted().first)).blob")
        func flip(_ url: URL, at offset: (Data) -> Int) throws {
            var data = try Data(contentsOf: url)
            data[offset(data)] ^= 0x10
            try data.write(to: url)
        }
        switch damage {
        case "entry values": try flip(entryURL) { $0.count - 3 }
        case "blob payload": try flip(blob) { $0.count / 2 }
        case "blob header": try flip(blob) { _ in 20 }
        case "truncated blob": try Data(try Data(contentsOf: blob).prefix(100)).write(to: blob)
        default: try FileManager.default.removeItem(at: blob)
        }
        // A prose edit does not read the values, so it does not notice.
        let prose = try workspace.render()
        #expect(workspace.ran(prose).isEmpty)
        #expect(prose.warnings.isEmpty)
        try workspace.write(Self.valuesSource.replacingOccurrences(of: "scaled(2))", with: "scaled(2), 1)"))
        let result = try workspace.render()
        #expect(result.succeeded, "\(result.cells.compactMap(\.error).map(\.rendered))")
        // `alias` shares a blob with `data`, so it may be recomputed too.
        #expect((1...2).contains(result.warnings.count), "\(result.warnings)")
        #expect(result.cells[0].status == .ran)
        #expect(result.cells[0].reasons == ["cache entry corrupt"])
        #expect(printed(result) == printed(first).dropLast() + " 1\n")
        #expect(workspace.ran(try workspace.render()).isEmpty)
    }

    @Test func cleanReportsWhatItFreesAndDryRunRemovesNothing() throws {
        let workspace = try Workspace(source: Self.valuesSource)
        _ = try workspace.render()
        let oldBlobs = try entry("data", in: workspace).entry.blobs
        try workspace.write(Self.valuesSource.replacingOccurrences(of: "rows: 300", with: "rows: 301"))
        _ = try workspace.render()
        let dryRun = try Engine.cleanCache(at: workspace.cache, dryRun: true)
        #expect(dryRun.entries == 3)
        #expect(dryRun.blobs == oldBlobs.count)
        #expect(dryRun.bytes > oldBlobs.values.reduce(0, +))
        #expect(Engine.cacheUsage(at: workspace.cache).unreferencedFiles == dryRun.entries + dryRun.blobs)
        #expect(try Engine.cleanCache(at: workspace.cache) == dryRun)
        #expect(try Engine.cleanCache(at: workspace.cache) == CacheCleanup())
        #expect(workspace.ran(try workspace.render()).isEmpty)
    }
}
