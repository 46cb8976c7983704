import Foundation
import FolioNotebook

/// A notebook's cache: computes the keys of cells and inline values, finds their entries,
/// stores what they computed and restores exported values on demand.
///
/// It owns the format under the cache folder: entries at `entries/<key>.cache`
/// (`CacheFile`: a JSON head with what the report shows, then the exported values as a
/// binary tree, `ValueWriter`), numeric blobs at `blobs/<name>.blob` (`BlobStore`), and
/// the notebook's index at `<notebook>.index` (`CacheIndex`). Anything unreadable is
/// reported as corrupt, so the caller recomputes it; nothing is ever half written.
final class CellCache: @unchecked Sendable {
    /// An entry's head, with where its values are.
    struct CachedCell {
        var entry: CellEntry
        var layout: CacheFile.Layout
    }

    enum Lookup<Found> {
        case found(Found)
        case missing
        case corrupt(String)
    }

    let directory: URL
    private let notebook: Notebook
    private let sandbox: FileSandbox
    private let blobs: BlobStore
    /// Cell id → key components of the notebook's previous render.
    private let previous: [String: KeyComponents]
    private let lock = NSLock()
    private var counts = CacheActivity()

    /// The cache of `notebook` in `directory`; `readsPrevious` loads the last render's index.
    init(directory: URL, notebook: Notebook, sandbox: FileSandbox, readsPrevious: Bool) {
        self.directory = directory
        self.notebook = notebook
        self.sandbox = sandbox
        self.blobs = BlobStore(directory: directory.appendingPathComponent("blobs"))
        var cells: [CacheIndex.CellRecord] = []
        if readsPrevious, let index = try? CacheFile.read(CacheIndex.self, kind: .index, from: Self.indexURL(directory, notebook.name)) {
            cells = index.head.cells
        }
        self.previous = Dictionary(cells.map { ($0.id, $0.components) }, uniquingKeysWith: { first, _ in first })
    }

    /// What this cache has read and written so far.
    var activity: CacheActivity { lock.withLock { counts } }

    static func entryURL(_ directory: URL, _ key: String) -> URL {
        directory.appendingPathComponent("entries").appendingPathComponent("\(key).cache")
    }

    static func indexURL(_ directory: URL, _ notebookName: String) -> URL {
        directory.appendingPathComponent("\(notebookName).index")
    }

    private func entryURL(_ key: String) -> URL { Self.entryURL(directory, key) }

    private func count(_ update: (inout CacheActivity) -> Void) { lock.withLock { update(&counts) } }

    // MARK: Keys

    /// The key components of code that reads what `analysis` says: its code and options,
    /// the keys of the cells it reads (`upstreamKeys`, by cell index), the values of the
    /// params it reads, the seed and the Folio version. File hashes are added once known.
    func components(
        _ analysis: CellAnalysis, code: String, options: [String: String], upstreamKeys: (Int) -> String?
    ) -> KeyComponents {
        var upstream: [String: String] = [:]
        for cell in analysis.codeUpstream { upstream[notebook.cells[cell].id] = upstreamKeys(cell) ?? "" }
        return KeyComponents(
            code: ContentHash.sha256(code), options: options,
            upstream: upstream, params: params(readBy: analysis), files: [:], seed: notebook.frontMatter.seed,
            version: FolioVersion.current)
    }

    /// The params code with `analysis` reads, as its key records them (`Int:400`).
    func params(readBy analysis: CellAnalysis) -> [String: String] {
        var params: [String: String] = [:]
        let read = analysis.readsAllParams ? Set(notebook.frontMatter.params.map(\.name)) : analysis.paramsRead
        for name in read {
            if let param = notebook.frontMatter.param(name) { params[name] = "\(param.value.typeName):\(param.value)" }
        }
        return params
    }

    /// Why cell `id` with `components` must run when it has no entry, compared with the
    /// previous render.
    func reasonsToRun(_ id: String, _ components: KeyComponents) -> [String] {
        var before = previous[id]
        before?.files = [:]
        let reasons = components.changes(since: before)
        return reasons.isEmpty ? ["no cache entry"] : reasons
    }

    /// True when every file still has the recorded hash.
    func filesUnchanged(_ files: [String: String]) -> Bool {
        files.allSatisfy { path, hash in
            guard let url = try? sandbox.resolve(path), let data = FileManager.default.contents(atPath: url.path) else { return false }
            return ContentHash.sha256(data) == hash
        }
    }

    // MARK: Cells

    /// The head of the entry under `key` (none of its values).
    func lookupCell(key: String) -> Lookup<CachedCell> {
        lookup(CellEntry.self, kind: .cell, key: key, storedKey: \.key).map { CachedCell(entry: $0.head, layout: $0.layout) }
    }

    /// Stores a cell's outcome under `key`: blobs first, then the entry, so an entry never
    /// refers to a missing blob. Returns false, storing nothing, when an export cannot be
    /// cached (a closure that captured local variables).
    @discardableResult
    func storeCell(
        key: String, cellID: String, components: KeyComponents, outcome: CellRunner.Outcome, error: Diagnostic?
    ) throws -> Bool {
        var writer = ValueWriter(blobs: blobs, cellScope: outcome.scope)
        do {
            for export in outcome.exports { try writer.write(export.value) }
        } catch is ValueWriter.NotEncodable {
            return false
        }
        let entry = CellEntry(
            key: key, cellID: cellID, components: components, exportNames: outcome.exports.map(\.name),
            exportKinds: outcome.exports.map { ExportKind.of($0.value) },
            outputs: outcome.outputs, error: error, seconds: outcome.seconds, blobs: writer.blobsUsed, cpuSeconds: outcome.cpuSeconds, work: outcome.work)
        let url = entryURL(key)
        try CacheFile.write(entry, kind: .cell, values: writer.output.data, to: url)
        count {
            $0.entriesWritten += 1
            $0.bytesWritten += writer.bytesWritten + (AtomicFile.size(url) ?? 0)
        }
        return true
    }

    /// Reads and checks a cached cell's values section and blobs; functions are bound to
    /// `scope`, and only then is `whenScopeCaptured` called (to define names in `scope` that
    /// are costly to load, which nothing else needs). Throws `CacheFormatError` when
    /// anything is missing or corrupt, or when the entry's exports are not what the cell
    /// defines (`defines`) or a value is not of the kind recorded when it was stored.
    func restore(
        _ cached: CachedCell, defines: [String], scope: Scope, registry: BuiltinRegistry,
        whenScopeCaptured: () throws -> Void = {}
    ) throws -> [(name: String, value: Value)] {
        let entry = cached.entry
        guard Set(entry.exportNames).isSubset(of: defines), entry.exportKinds.map({ $0.count == entry.exportNames.count }) ?? true
        else {
            throw CacheFormatError("the entry exports \(entry.exportNames) but the cell defines \(defines)")
        }
        let data = try CacheFile.readValues(entryURL(entry.key), layout: cached.layout)
        var reader = ValueReader(data, blobs: blobs, scope: scope, registry: registry, notebook: notebook)
        var values: [(name: String, value: Value)] = []
        for (position, name) in entry.exportNames.enumerated() {
            let value = try reader.read()
            if let kinds = entry.exportKinds, ExportKind.of(value) != kinds[position] {
                throw CacheFormatError("'\(name)' holds a \(ExportKind.of(value)), but a \(kinds[position]) was stored")
            }
            values.append((name, value))
            scope.define(name, value, isVar: false)
        }
        guard reader.isAtEnd else { throw CacheFormatError("values section has trailing bytes") }
        if reader.capturedScope { try whenScopeCaptured() }
        count {
            $0.valuesRead += 1
            $0.blobsRead += reader.blobsRead
            $0.valueBytesRead += data.count + reader.bytesRead
        }
        return values
    }

    // MARK: Inline values

    func lookupInline(key: String) -> Lookup<InlineEntry> {
        lookup(InlineEntry.self, kind: .inline, key: key, storedKey: \.key).map(\.head)
    }

    func storeInline(_ entry: InlineEntry) throws {
        let url = entryURL(entry.key)
        try CacheFile.write(entry, kind: .inline, to: url)
        count {
            $0.entriesWritten += 1
            $0.bytesWritten += AtomicFile.size(url) ?? 0
        }
    }

    // MARK: Index

    func storeIndex(_ index: CacheIndex) throws {
        try CacheFile.write(index, kind: .index, to: Self.indexURL(directory, notebook.name))
    }

    private func lookup<Head: Decodable>(
        _ type: Head.Type, kind: CacheFile.Kind, key: String, storedKey: KeyPath<Head, String>
    ) -> Lookup<(head: Head, layout: CacheFile.Layout)> {
        let url = entryURL(key)
        guard FileManager.default.fileExists(atPath: url.path) else { return .missing }
        do {
            let found = try CacheFile.read(Head.self, kind: kind, from: url)
            guard found.head[keyPath: storedKey] == key else { return .corrupt("cache entry \(url.lastPathComponent) holds another key; recomputing") }
            count { $0.entriesRead += 1 }
            return .found(found)
        } catch {
            return .corrupt("cache entry \(url.lastPathComponent) is unreadable (\(error)); recomputing")
        }
    }
}

extension CellCache.Lookup {
    func map<T>(_ transform: (Found) -> T) -> CellCache.Lookup<T> {
        switch self {
        case .found(let found): .found(transform(found))
        case .missing: .missing
        case .corrupt(let message): .corrupt(message)
        }
    }
}
