import FolioNotebook
import Foundation

/// Something stored in the cache under its key.
protocol KeyedCacheEntry: Codable, Sendable {
    var key: String { get }
}

/// One cached cell: its exported values and outputs, under its key.
struct CacheEntry: KeyedCacheEntry {
    var key: String
    var cellID: String
    /// The components the key was made of, with the files the cell read.
    var components: KeyComponents
    var exportNames: [String]
    var exportValues: [EncodedValue]
    var outputs: [CellOutput]
    /// The expected error of an `expect-error` cell.
    var error: Diagnostic?
    var seconds: Double
}

/// One cached inline value: only what it shows (text and numbers), so restoring it needs
/// none of the values of the cells it reads.
struct InlineCacheEntry: KeyedCacheEntry {
    var key: String
    var expression: String
    var value: FormattedValue
}

/// The per-notebook record of the last run: cell id → key components, for `--explain`
/// and for `folio clean`.
struct CacheIndex: Codable, Sendable {
    var cells: [String: KeyComponents]
    /// Keys of the entries in use (cells' static keys, without file hashes, and inline
    /// values' keys): the entries `folio clean` keeps.
    var entryKeys: [String]
}

/// The content-addressed cache under `output/.cache/`.
///
/// Files start with a version header line (`FOLIO-CACHE 1`) followed by JSON; they are
/// written to a temporary file and renamed into place, so a crash never leaves a torn
/// entry. Anything unreadable is reported as corrupt and recomputed, never trusted.
struct CacheStore: Sendable {
    static let header = "FOLIO-CACHE 1\n"
    let directory: URL

    init(directory: URL) {
        self.directory = directory
    }

    private var entries: URL { directory.appendingPathComponent("entries") }

    private func entryURL(_ key: String) -> URL { entries.appendingPathComponent("\(key).cache") }

    private func indexURL(_ notebookName: String) -> URL {
        directory.appendingPathComponent("\(notebookName).index")
    }

    enum LoadResult<Entry> {
        case missing
        case corrupt(String)
        case found(Entry)
    }

    func load<Entry: KeyedCacheEntry>(_ type: Entry.Type, key: String) -> LoadResult<Entry> {
        let url = entryURL(key)
        guard FileManager.default.fileExists(atPath: url.path) else { return .missing }
        switch read(Entry.self, from: url) {
        case .success(let entry) where entry.key == key: return .found(entry)
        case .success: return .corrupt("cache entry \(url.lastPathComponent) holds another key")
        case .failure(let problem): return .corrupt("cache entry \(url.lastPathComponent) is unreadable (\(problem.message)); recomputing")
        }
    }

    func store(_ entry: some KeyedCacheEntry) throws {
        try write(entry, to: entryURL(entry.key))
    }

    func loadIndex(notebookName: String) -> CacheIndex? {
        try? read(CacheIndex.self, from: indexURL(notebookName)).get()
    }

    func storeIndex(_ index: CacheIndex, notebookName: String) throws {
        try write(index, to: indexURL(notebookName))
    }

    /// Removes entries no index references; returns how many were removed.
    func clean() throws -> Int {
        let manager = FileManager.default
        guard manager.fileExists(atPath: entries.path) else { return 0 }
        let indexes = (try? manager.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        var referenced: Set<String> = []
        for url in indexes where url.pathExtension == "index" {
            if case .success(let index) = read(CacheIndex.self, from: url) { referenced.formUnion(index.entryKeys) }
        }
        var removed = 0
        for url in try manager.contentsOfDirectory(at: entries, includingPropertiesForKeys: nil) {
            let key = url.deletingPathExtension().lastPathComponent
            if url.pathExtension != "cache" || !referenced.contains(key) {
                try manager.removeItem(at: url)
                removed += 1
            }
        }
        return removed
    }

    // MARK: Format

    struct FormatProblem: Error {
        var message: String
    }

    private func read<T: Decodable>(_ type: T.Type, from url: URL) -> Result<T, FormatProblem> {
        guard let data = try? Data(contentsOf: url) else { return .failure(FormatProblem(message: "cannot read")) }
        let header = Data(Self.header.utf8)
        guard data.starts(with: header) else { return .failure(FormatProblem(message: "unknown format or version")) }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return .success(try decoder.decode(T.self, from: data.dropFirst(header.count)))
        } catch {
            return .failure(FormatProblem(message: "invalid contents"))
        }
    }

    private func write<T: Encodable>(_ value: T, to url: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var data = Data(Self.header.utf8)
        data.append(try encoder.encode(value))
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).tmp")
        try data.write(to: temporary)
        // rename(2) replaces the old file atomically.
        guard rename(temporary.path, url.path) == 0 else {
            try? manager.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }
}
