import Foundation

/// The only way cells reach files: paths inside the notebook's folder or one of its
/// declared `data` folders, after resolving `..` and symbolic links.
struct FileSandbox: Sendable {
    /// Canonical allowed folders.
    let roots: [URL]
    /// Where relative paths start: the notebook's folder.
    let base: URL
    /// `data` folder names, so `"fashion/train.idx"` can start with a declared name.
    let named: [String: URL]

    init(notebookFolder: URL, dataFolders: [(name: String, path: String)]) {
        base = notebookFolder.resolvingSymlinksInPath().standardizedFileURL
        var named: [String: URL] = [:]
        for folder in dataFolders {
            let url = URL(fileURLWithPath: folder.path, relativeTo: notebookFolder).resolvingSymlinksInPath()
                .standardizedFileURL
            named[folder.name] = url
        }
        self.named = named
        roots = [base] + named.values.sorted { $0.path < $1.path }
    }

    /// How a read file is named in cache keys: relative to the notebook's folder (or
    /// `name/…` inside data folder `name`), so moving a project keeps its cache valid.
    func keyPath(for url: URL) -> String {
        if url.path.hasPrefix(base.path + "/") { return String(url.path.dropFirst(base.path.count + 1)) }
        for (name, folder) in named.sorted(by: { $0.key < $1.key }) where url.path.hasPrefix(folder.path + "/") {
            return name + "/" + url.path.dropFirst(folder.path.count + 1)
        }
        return url.path
    }

    /// The canonical URL for `path`, or an error when it leaves the allowed folders.
    func resolve(_ path: String) throws -> URL {
        guard !path.isEmpty, !path.contains("\0") else { throw BuiltinError("invalid path '\(path)'") }
        var start = base
        var relative = path
        if let first = path.split(separator: "/").first, let folder = named[String(first)], !path.hasPrefix("/") {
            start = folder
            relative = String(path.dropFirst(first.count).drop { $0 == "/" })
        }
        let url = (relative.hasPrefix("/") ? URL(fileURLWithPath: relative) : start.appendingPathComponent(relative))
            .resolvingSymlinksInPath().standardizedFileURL
        let allowed = roots.contains { root in url.path == root.path || url.path.hasPrefix(root.path + "/") }
        guard allowed else {
            throw BuiltinError(
                "'\(path)' is outside the notebook's folder and its data folders",
                hint: "cells may read files under \(roots.map(\.path).joined(separator: ", ")); declare other folders under 'data:' in the front matter")
        }
        return url
    }
}
