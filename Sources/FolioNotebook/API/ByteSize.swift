import Foundation

/// Sizes in bytes as people write them (`512MB`, `8GB`, `2GiB`, `1000000`) and as Folio
/// prints them; the cell option `memory` and the render flag `--memory` read them.
public enum ByteSize {
    /// What a size may look like, for diagnostics.
    public static let hint = "write a number with a unit: 512MB, 8GB, 2GiB (a bare number is bytes)"

    private static let units: [(suffix: String, factor: Double)] = [
        ("KiB", 1024), ("MiB", 1024 * 1024), ("GiB", 1024 * 1024 * 1024), ("TiB", 1024 * 1024 * 1024 * 1024),
        ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12), ("K", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("B", 1),
    ]

    /// The bytes `text` names, or nil when it is not a finite non-negative size below 2⁶².
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let unit = units.first { trimmed.uppercased().hasSuffix($0.suffix.uppercased()) }
        let number = unit.map { String(trimmed.dropLast($0.suffix.count)).trimmingCharacters(in: .whitespaces) } ?? trimmed
        guard let value = Double(number), value.isFinite, value >= 0 else { return nil }
        let bytes = value * (unit?.factor ?? 1)
        guard bytes < 0x1p62 else { return nil }
        return Int(bytes)
    }

    /// `bytes` for a message: `80.0 GB (80000000000 bytes)`, or `512 bytes`.
    public static func describe(_ bytes: Int) -> String {
        guard bytes >= 1000 else { return "\(bytes) bytes" }
        let (value, unit) = [(1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "KB")].first { Double(bytes) >= $0.0 }!
        return "\(String(format: "%.1f", Double(bytes) / value)) \(unit) (\(bytes) bytes)"
    }
}
