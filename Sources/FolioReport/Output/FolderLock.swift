import Foundation

/// An exclusive advisory lock (`flock`) on a folder, held while a body runs: it serialises
/// the folder swaps of processes writing into the same output folder.
enum FolderLock {
    /// Runs `body` holding the lock on `folder`, waiting for it.
    static func holding<T>(_ folder: URL, _ body: () throws -> T) throws -> T {
        try holding(folder, wait: true, body)!
    }

    /// Runs `body` holding the lock on `folder`; without `wait`, returns nil at once when
    /// another process holds it.
    static func holding<T>(_ folder: URL, wait: Bool, _ body: () throws -> T) throws -> T? {
        let descriptor = open(folder.path, O_RDONLY)
        guard descriptor >= 0 else {
            throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: folder.path])
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK { return nil }
            throw CocoaError(.fileLocking, userInfo: [NSFilePathErrorKey: folder.path])
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
