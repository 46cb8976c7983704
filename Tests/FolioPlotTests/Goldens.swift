import Foundation
import Testing

/// Stored expected outputs beside the tests. Reads come from the test bundle's copy of
/// `Baselines/`; with `FOLIO_UPDATE_GOLDENS=1` the current output is written to the source
/// folder instead (review the diff, then rebuild).
enum Goldens {
    static var updating: Bool { ProcessInfo.processInfo.environment["FOLIO_UPDATE_GOLDENS"] == "1" }

    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Baselines")

    static func stored(_ name: String) throws -> Data? {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Baselines") else { return nil }
        return try Data(contentsOf: url)
    }

    /// Writes `current` when updating; otherwise returns the stored bytes (nil if missing).
    static func compareOrUpdate(_ name: String, current: Data) throws -> Data? {
        if updating {
            try current.write(to: sourceDirectory.appendingPathComponent(name), options: .atomic)
            return current
        }
        return try stored(name)
    }
}
