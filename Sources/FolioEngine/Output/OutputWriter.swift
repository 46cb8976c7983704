import Foundation

/// Writes a render's folder: `index.html`, `manifest.json` and `figures/*.png`.
public enum OutputWriter {
    /// What happened to the output folder.
    public enum Outcome: Equatable, Sendable {
        case written(URL)
        /// The render failed and `allowErrors` was off: the previous folder was kept.
        case keptPrevious(URL)
    }

    /// Writes `output/<name>/` for `result` under `outputDirectory`. Everything is written to
    /// a temporary folder first and then swapped in, so readers never see a half-written
    /// report; a failed render replaces nothing unless `allowErrors`.
    public static func write(_ result: RunResult, to outputDirectory: URL, allowErrors: Bool) throws -> Outcome {
        let target = outputDirectory.appendingPathComponent(result.notebook.name)
        guard result.succeeded || allowErrors else { return .keptPrevious(target) }
        let manager = FileManager.default
        try manager.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        let temporary = outputDirectory.appendingPathComponent(".\(result.notebook.name).tmp-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: temporary) }
        try manager.createDirectory(at: temporary.appendingPathComponent("figures"), withIntermediateDirectories: true)
        let (manifest, figures) = Manifest.build(result)
        for figure in figures {
            try figure.data.write(to: temporary.appendingPathComponent(figure.relativePath))
        }
        try manifest.encoded().write(to: temporary.appendingPathComponent("manifest.json"))
        try Data(IndexPage.render(result, manifest: manifest).utf8).write(to: temporary.appendingPathComponent("index.html"))
        let old = outputDirectory.appendingPathComponent(".\(result.notebook.name).old-\(UUID().uuidString)")
        if manager.fileExists(atPath: target.path) { try manager.moveItem(at: target, to: old) }
        do {
            try manager.moveItem(at: temporary, to: target)
        } catch {
            if manager.fileExists(atPath: old.path) { try? manager.moveItem(at: old, to: target) }
            throw error
        }
        try? manager.removeItem(at: old)
        return .written(target)
    }
}
