import Foundation
import Testing
import FolioNotebook
@testable import FolioEngine

/// What the cache holds is trusted only when it is what the cell exports, and a large
/// exported value costs its raw bytes, not a kilobyte per element.
@Suite struct CacheTrustTests {
    private static let source = TestSupport.source(cells: ["let x = 1.5", "let y = x * 2\nprint(y)"])

    private func run(_ cache: URL, refresh: Set<String> = []) -> RunResult {
        let (notebook, _) = Notebook.parse(source: Self.source, path: "t.md")
        var options = RunOptions(cacheDirectory: cache)
        options.jobs = 1
        options.refresh = refresh
        return Engine.run(notebook, options: options)
    }

    /// Rewrites cell-1's entry (checksums and all, so it decodes) with `value` for `x`.
    private func tamper(_ cache: URL, key: String, value: Value, kinds: [String]?) throws {
        let url = CellCache.entryURL(cache, key)
        var (head, _) = try CacheFile.read(CellEntry.self, kind: .cell, from: url)
        head.exportKinds = kinds
        var writer = ValueWriter(blobs: BlobStore(directory: cache.appendingPathComponent("blobs")), cellScope: Scope(parent: nil))
        try writer.write(value)
        try CacheFile.write(head, kind: .cell, values: writer.output.data, to: url)
    }

    @Test func anEntryHoldingAnotherTypeIsRecomputed() throws {
        let cache = TestSupport.temporaryDirectory()
        let first = run(cache)
        #expect(first.succeeded)
        let key = try #require(first.cells[0].key)
        try tamper(cache, key: key, value: .string("not a number"), kinds: ["Double"])
        let second = run(cache, refresh: ["cell-2"])
        #expect(second.warnings.contains { $0.contains("'x' holds a String, but a Double was stored") }, "\(second.warnings)")
        #expect(second.succeeded)
        #expect(second.cells[0].status == .ran)
        #expect(second.cells[1].outputs == [.text("3.0\n")])
    }

    @Test func anEntryExportingNamesTheCellDoesNotDefineIsRecomputed() throws {
        let cache = TestSupport.temporaryDirectory()
        let key = try #require(run(cache).cells[0].key)
        let url = CellCache.entryURL(cache, key)
        var (head, layout) = try CacheFile.read(CellEntry.self, kind: .cell, from: url)
        head.exportNames = ["z"]
        try CacheFile.write(head, kind: .cell, values: try CacheFile.readValues(url, layout: layout), to: url)
        let second = run(cache, refresh: ["cell-2"])
        #expect(second.warnings.contains { $0.contains("the entry exports [\"z\"] but the cell defines [\"x\"]") }, "\(second.warnings)")
        #expect(second.succeeded && second.cells[1].outputs == [.text("3.0\n")])
    }

    @Test func aMillionDoublesCostTheirBytes() {
        let source = TestSupport.source(cells: ["let xs = normalSamples(count: 1000000)", "let s = sum(xs)"])
        let (notebook, _) = Notebook.parse(source: source, path: "m.md")
        var options = RunOptions(cacheDirectory: TestSupport.temporaryDirectory())
        options.jobs = 1
        let first = Engine.run(notebook, options: options)
        #expect(first.succeeded)
        // 8 bytes per element, plus headers and the entries' JSON heads.
        #expect(first.cacheActivity.bytesWritten < 8_000_000 + 16_384, "\(first.cacheActivity)")
        options.refresh = ["cell-2"]
        let second = Engine.run(notebook, options: options)
        #expect(second.succeeded && second.cacheActivity.valuesRead == 1)
        #expect(second.cacheActivity.valueBytesRead < 8_000_000 + 16_384, "\(second.cacheActivity)")
    }
}
