import ArgumentParser
import Foundation
import FolioEngine
import FolioReport

/// `folio clean`: removes cache entries no notebook's last render uses, the blobs only
/// they referred to and the leftovers of interrupted report swaps; says what that freed.
struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean", abstract: "Remove cache entries and blobs that are no longer referenced.")

    @Option(name: .long, help: "The output folder holding .cache.")
    var output = "output"

    @Flag(name: .customLong("dry-run"), help: "Show the cache's size by notebook and cell and what would be removed; remove nothing.")
    var dryRun = false

    func run() throws {
        if !dryRun {
            let leftovers = try ReportWriter.removeLeftovers(in: URL(fileURLWithPath: output))
            if !leftovers.isEmpty {
                print("removed \(leftovers.count) leftover folder\(leftovers.count == 1 ? "" : "s") of interrupted renders")
            }
        }
        let cache = URL(fileURLWithPath: output).appendingPathComponent(".cache")
        if dryRun { print(CacheCommand.table(Engine.cacheUsage(at: cache))) }
        let cleanup = try Engine.cleanCache(at: cache, dryRun: dryRun)
        var parts = ["\(cleanup.entries) entr\(cleanup.entries == 1 ? "y" : "ies")", "\(cleanup.blobs) blob\(cleanup.blobs == 1 ? "" : "s")"]
        if cleanup.otherFiles > 0 { parts.append("\(cleanup.otherFiles) leftover file\(cleanup.otherFiles == 1 ? "" : "s")") }
        let verb = dryRun ? "would remove" : "removed"
        print("\(verb) \(parts.joined(separator: ", ")): \(dryRun ? "would free" : "freed") \(ByteCountText.format(cleanup.bytes))")
    }
}
