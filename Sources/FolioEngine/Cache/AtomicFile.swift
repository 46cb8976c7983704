import Foundation

/// Whole-file writes that readers never see half done.
enum AtomicFile {
    /// Writes `data` to `url` atomically (see `write(to:_:)`).
    static func write(_ data: Data, to url: URL) throws {
        try write(to: url) { try $0.write(contentsOf: data) }
    }

    /// Lets `body` write a temporary file beside `url`, then renames it over `url`:
    /// rename(2) replaces the old file atomically, so a crash or a failed write leaves the
    /// previous file (or none) in place, never a torn one.
    static func write(to url: URL, _ body: (FileHandle) throws -> Void) throws {
        let manager = FileManager.default
        let folder = url.deletingLastPathComponent()
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(UUID().uuidString).tmp")
        guard manager.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try body(handle)
        } catch {
            try? manager.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
            try? manager.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    /// The size of the file at `url`, or nil when there is none.
    static func size(_ url: URL) -> Int? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }
}
