import ArgumentParser
import Foundation
import FolioEngine
import FolioNotebook

/// `folio run-unit NOTEBOOK --unit ID`: computes one work unit into a cache folder, which
/// may sit on a shared file system (entries are written to unique temporary files and
/// renamed into place, so concurrent writers of one key are safe and readers never see half
/// an entry). The cells it reads come from the cache, or are computed first if missing.
struct RunUnit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-unit",
        abstract: "Compute one work unit (a cell, or cell[point] of a sweep) into the cache.")

    @OptionGroup var arguments: RunArguments

    @Option(help: ArgumentHelp("The unit: a cell id, or cell[point] (see `folio plan`).", valueName: "id"))
    var unit: String

    @Option(help: "The cache folder (default: OUTPUT/.cache).")
    var cache: String?

    func run() throws {
        let (result, wallSeconds) = try arguments.execute(cache: nil) { notebook, options in
            let units = Engine.unitIDs(notebook)
            guard units.contains(unit) || Engine.isPointOfResolvedLaterGrid(unit, in: notebook) else {
                let points = units.filter { $0.hasPrefix(unit + "[") }
                let hint = points.first.map { "\nhint: '\(unit)' is a sweep cell: its units are its \(points.count) points, e.g. '\($0)'" }
                    ?? DidYouMean.hint(for: unit, among: units).map { "\nhint: \($0)" } ?? "\nhint: `folio plan` lists the units"
                NotebookLoading.printError("error: \(notebook.path) has no work unit '\(unit)'" + hint)
                throw ExitCode(1)
            }
            options.unit = unit
            options.useCache = true
            if let cache { options.cacheDirectory = URL(fileURLWithPath: cache) }
        }
        let (cellID, point) = Engine.unitParts(unit)
        guard let cell = result.cells.first(where: { $0.id == cellID }) else { throw ExitCode(1) }
        let status = point.flatMap { point in cell.points.first { $0.id == point }?.status } ?? cell.status
        print(String(format: "%@: %@ in %.2f s", unit, status.rawValue, wallSeconds))
        if status == .skipped, let reason = cell.skipReason { NotebookLoading.printError("error: \(unit) skipped: \(reason)") }
        guard status == .ran || status == .cached else { throw ExitCode(1) }
    }
}
