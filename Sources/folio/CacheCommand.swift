import ArgumentParser
import Foundation
import FolioEngine

/// `folio cache`: the cache's size by notebook and cell.
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache", abstract: "Show the cache's size by notebook and cell (folio clean removes what is unreferenced).")

    @Option(name: .long, help: "The output folder holding .cache.")
    var output = "output"

    func run() throws {
        print(Self.table(Engine.cacheUsage(at: URL(fileURLWithPath: output).appendingPathComponent(".cache"))))
    }

    /// One line per cell (a blob shared by several cells counts for the first), then the
    /// unreferenced files and the total.
    static func table(_ usage: CacheUsage) -> String {
        let rows = usage.cells.map { [$0.notebook, $0.id, ByteCountText.format($0.bytes), "\($0.blobs)"] }
        let header = ["notebook", "cell", "size", "blobs"]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let line = { (row: [String]) in
            zip(row, widths).enumerated().map { column, field in
                column >= 2
                    ? String(repeating: " ", count: field.1 - field.0.count) + field.0
                    : field.0.padding(toLength: field.1, withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        var lines = ([header] + rows).map(line)
        lines.append(
            "unreferenced: \(usage.unreferencedFiles) file\(usage.unreferencedFiles == 1 ? "" : "s"), "
                + ByteCountText.format(usage.unreferencedBytes) + " (folio clean removes them)")
        lines.append("total: " + ByteCountText.format(usage.totalBytes))
        return lines.joined(separator: "\n")
    }
}

/// Byte counts for people: `812 B`, `4.2 kB`, `219.3 MB` (powers of 1000).
enum ByteCountText {
    static func format(_ bytes: Int) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var value = Double(bytes), unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f", value) + " " + units[unit]
    }
}
