import Foundation

/// Replacing a folder so that readers never see it half-written: the new content is
/// written to a temporary sibling, then swapped in by renames.
enum AtomicFolder {
    /// Creates a temporary sibling of `target`, lets `fill` write into it, then replaces
    /// `target` with it. When `fill` throws, `target` is left as it was.
    static func replace(_ target: URL, fill: (URL) throws -> Void) throws {
        let manager = FileManager.default
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let temporary = parent.appendingPathComponent(".\(name).tmp-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: temporary) }
        try manager.createDirectory(at: temporary, withIntermediateDirectories: true)
        try fill(temporary)
        let old = parent.appendingPathComponent(".\(name).old-\(UUID().uuidString)")
        if manager.fileExists(atPath: target.path) { try manager.moveItem(at: target, to: old) }
        do {
            try manager.moveItem(at: temporary, to: target)
        } catch {
            if manager.fileExists(atPath: old.path) { try? manager.moveItem(at: old, to: target) }
            throw error
        }
        try? manager.removeItem(at: old)
    }
}
