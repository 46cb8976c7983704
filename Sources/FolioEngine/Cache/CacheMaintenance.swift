import Foundation

/// `folio clean` and `folio cache`: what the notebooks' indexes reference, by cell, and
/// what nothing references.
enum CacheMaintenance {
    /// Sizes by notebook and cell, and what is unreferenced.
    static func usage(_ directory: URL) -> CacheUsage {
        let census = Census(directory)
        var usage = CacheUsage()
        usage.cells = census.cells
        for (_, size) in census.unreferenced {
            usage.unreferencedFiles += 1
            usage.unreferencedBytes += size
        }
        usage.totalBytes = census.allFiles.reduce(0) { $0 + $1.size }
        return usage
    }

    /// Removes (unless `dryRun`) entries no index references, blobs no remaining entry
    /// refers to and leftover files; returns what that frees.
    static func clean(_ directory: URL, dryRun: Bool) throws -> CacheCleanup {
        var cleanup = CacheCleanup()
        for (url, size) in Census(directory).unreferenced {
            switch (url.deletingLastPathComponent().lastPathComponent, url.pathExtension) {
            case ("entries", "cache"): cleanup.entries += 1
            case ("blobs", "blob"): cleanup.blobs += 1
            default: cleanup.otherFiles += 1
            }
            cleanup.bytes += size
            if !dryRun { try FileManager.default.removeItem(at: url) }
        }
        return cleanup
    }

    /// The files under `entries/` and `blobs/`, and which of them the indexes reference.
    private struct Census {
        var cells: [CacheUsage.Cell] = []
        var allFiles: [(url: URL, size: Int)] = []
        private var referenced: Set<String> = []

        var unreferenced: [(url: URL, size: Int)] {
            allFiles.filter { file in
                !referenced.contains(file.url.path) && file.url.deletingLastPathComponent().path != directory.path
            }
        }

        private let directory: URL

        init(_ directory: URL) {
            self.directory = directory.standardizedFileURL
            allFiles = Self.files(in: self.directory)
            for (name, index) in Self.indexes(in: self.directory) {
                for record in index.cells { count(record.entryKey, notebook: name, id: record.id, cell: true) }
                for key in index.inlineKeys { count(key, notebook: name, id: "inline values", cell: false) }
            }
        }

        /// Counts an entry (and, for a cell, its blobs not counted yet) towards a row.
        private mutating func count(_ key: String, notebook: String, id: String, cell: Bool) {
            let url = CellCache.entryURL(directory, key)
            guard let size = AtomicFile.size(url), !referenced.contains(url.path) else { return }
            var blobs: [String: Int] = [:]
            if cell {
                guard let entry = try? CacheFile.read(CellEntry.self, kind: .cell, from: url).head else { return }
                blobs = entry.blobs
            }
            referenced.insert(url.path)
            var row = CacheUsage.Cell(notebook: notebook, id: id, bytes: size, blobs: 0)
            let store = BlobStore(directory: directory.appendingPathComponent("blobs"))
            for name in blobs.keys.sorted() {
                let blob = store.url(name).path
                guard !referenced.contains(blob), let size = AtomicFile.size(URL(fileURLWithPath: blob)) else { continue }
                referenced.insert(blob)
                row.bytes += size
                row.blobs += 1
            }
            if let last = cells.last, last.notebook == notebook, last.id == id {
                cells[cells.count - 1].bytes += row.bytes
                cells[cells.count - 1].blobs += row.blobs
            } else {
                cells.append(row)
            }
        }

        private static func indexes(in directory: URL) -> [(name: String, index: CacheIndex)] {
            let urls = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
            return urls.filter { $0.pathExtension == "index" }.sorted { $0.path < $1.path }.compactMap { url in
                guard let index = try? CacheFile.read(CacheIndex.self, kind: .index, from: url).head else { return nil }
                return (url.deletingPathExtension().lastPathComponent, index)
            }
        }

        private static func files(in directory: URL) -> [(url: URL, size: Int)] {
            var files: [(url: URL, size: Int)] = []
            for folder in ["", "entries", "blobs"] {
                let url = folder.isEmpty ? directory : directory.appendingPathComponent(folder)
                for file in (try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? [] {
                    guard let size = AtomicFile.size(file), !FileManager.default.isDirectory(file) else { continue }
                    files.append((file.standardizedFileURL, size))
                }
            }
            return files
        }
    }
}

extension FileManager {
    fileprivate func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
