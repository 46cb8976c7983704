import Foundation

/// Replacing a folder so that readers never see it half-written and a crash at any moment
/// leaves a complete folder, the old one or the new one:
///
/// 1. the new content is written into a temporary sibling `.NAME.tmp-UUID`;
/// 2. on Linux, target and temporary are exchanged in one step (`renameat2` with
///    `RENAME_EXCHANGE`), so there is no moment without `NAME`; the temporary, now holding
///    the old content, is removed. Where the exchange is not available, the old folder is
///    renamed to `.NAME.old-UUID` and the new one into place; a crash between the two
///    renames is repaired by the next replace (or `folio clean`), which puts the newest
///    `.NAME.old-*` back when `NAME` is missing.
///
/// Replaces in one parent folder are serialised by a lock on that folder, so leftovers
/// found while holding it belong to processes that died, and are removed.
enum AtomicFolder {
    /// The steps of a replace, for tests that stop after each one as a kill would.
    enum Step: CaseIterable, Sendable {
        case createdTemporary, filled, swapped, removedOld
    }

    /// Creates a temporary sibling of `target`, lets `fill` write into it, then replaces
    /// `target` with it. When `fill` throws, `target` is left as it was. With `owned`, the
    /// entries of the old `target` not named in it and not written by `fill` (a user's
    /// exported `.ipynb`, notes) are carried over into the new folder.
    static func replace(
        _ target: URL, owned: Set<String>? = nil, exchange: Bool = true, stoppingAfter stop: Step? = nil,
        fill: (URL) throws -> Void
    ) throws {
        let manager = FileManager.default
        let parent = target.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        try FolderLock.holding(parent) {
            try recover(target)
            let temporary = sibling(of: target, "tmp")
            try manager.createDirectory(at: temporary, withIntermediateDirectories: true)
            if stop == .createdTemporary { return }
            do {
                try fill(temporary)
                if let owned { try carryOver(from: target, into: temporary, except: owned) }
            } catch {
                try? manager.removeItem(at: temporary)
                throw error
            }
            if stop == .filled { return }
            let old = try swap(target, with: temporary, exchange: exchange, stoppingHalfway: stop == .swapped)
            if stop == .swapped { return }
            if let old { try? manager.removeItem(at: old) }
        }
    }

    /// Puts `target` back from its newest `.NAME.old-*` when a crash left it missing, then
    /// removes every other leftover of `target`'s replaces; returns what it removed. Call it
    /// holding the lock on the parent (`replace` does; `removeLeftovers` takes it).
    @discardableResult
    static func recover(_ target: URL) throws -> [URL] {
        let manager = FileManager.default
        var leftovers = self.leftovers(of: target)
        if !manager.fileExists(atPath: target.path),
            let newest = leftovers.filter({ $0.lastPathComponent.suffix(41).hasPrefix(".old-") }).max(by: modified)
        {
            try manager.moveItem(at: newest, to: target)
            leftovers.removeAll { $0 == newest }
        }
        for leftover in leftovers { try manager.removeItem(at: leftover) }
        return leftovers
    }

    /// `folio clean`: repairs and removes the leftovers of every folder in `parent`;
    /// returns what was removed (nothing while a replace holds the lock: it does the same).
    static func removeLeftovers(in parent: URL) throws -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return [] }
        let targets = Set(names.compactMap(targetName(ofLeftover:)))
        return try FolderLock.holding(parent, wait: false) {
            try targets.sorted().flatMap { try recover(parent.appendingPathComponent($0)) }
        } ?? []
    }

    // MARK: Steps

    private static func sibling(of target: URL, _ kind: String) -> URL {
        target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(kind)-\(UUID().uuidString)")
    }

    /// Swaps `temporary` into `target`; returns where the old content now is (nil if there
    /// was none). With `stoppingHalfway`, the fallback stops between its renames.
    private static func swap(_ target: URL, with temporary: URL, exchange: Bool, stoppingHalfway: Bool) throws -> URL? {
        let manager = FileManager.default
        guard manager.fileExists(atPath: target.path) else {
            try manager.moveItem(at: temporary, to: target)
            return nil
        }
        if exchange, RenameExchange.swap(temporary, target) { return temporary }
        let old = sibling(of: target, "old")
        try manager.moveItem(at: target, to: old)
        if stoppingHalfway { return old }
        do {
            try manager.moveItem(at: temporary, to: target)
        } catch {
            try? manager.moveItem(at: old, to: target)
            try? manager.removeItem(at: temporary)
            throw error
        }
        return old
    }

    /// Copies (hard-links when possible) what the old folder holds beyond `owned` and what
    /// the new one already has.
    private static func carryOver(from target: URL, into temporary: URL, except owned: Set<String>) throws {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: target.path) else { return }
        for name in names where !owned.contains(name) {
            let source = target.appendingPathComponent(name), destination = temporary.appendingPathComponent(name)
            guard !manager.fileExists(atPath: destination.path) else { continue }
            do {
                try manager.linkItem(at: source, to: destination)
            } catch {
                try manager.copyItem(at: source, to: destination)
            }
        }
    }

    // MARK: Leftovers

    /// `.NAME.tmp-*` and `.NAME.old-*` next to `target`.
    private static func leftovers(of target: URL) -> [URL] {
        let parent = target.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return [] }
        return names.filter { targetName(ofLeftover: $0) == target.lastPathComponent }.sorted()
            .map { parent.appendingPathComponent($0) }
    }

    /// `NAME` for `.NAME.tmp-UUID` or `.NAME.old-UUID`, nil for anything else.
    static func targetName(ofLeftover name: String) -> String? {
        guard name.hasPrefix("."), name.count > 41 else { return nil }
        let suffix = name.suffix(41)  // ".tmp-" or ".old-" and a 36-character UUID
        guard suffix.hasPrefix(".tmp-") || suffix.hasPrefix(".old-"), UUID(uuidString: String(suffix.dropFirst(5))) != nil else {
            return nil
        }
        let target = String(name.dropFirst().dropLast(41))
        return target.isEmpty ? nil : target
    }

    private static func modified(_ a: URL, _ b: URL) -> Bool {
        func date(_ url: URL) -> Date {
            (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? .distantPast
        }
        return date(a) < date(b)
    }
}
