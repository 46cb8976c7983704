import Foundation

/// `folio check`: compares a committed report folder (`manifest.json`, `figures/`) with a
/// fresh render of the same notebook, and writes the drift page (docs/check.md).
public enum DriftCheck {
    /// Problems that keep the comparison from running (exit status 2).
    public enum Failure: Error, CustomStringConvertible {
        case unreadableManifest(URL, String)

        public var description: String {
            switch self {
            case .unreadableManifest(let url, let reason): return "cannot read \(url.path): \(reason)"
            }
        }
    }

    /// Compares the report in `committedFolder` with the one in `newFolder` (both as
    /// `ReportWriter` writes them). Throws `Failure` when a manifest cannot be read.
    public static func compare(committedFolder: URL, newFolder: URL, tolerances: CheckTolerances) throws -> DriftReport {
        let committed = try readManifest(in: committedFolder), new = try readManifest(in: newFolder)
        let comparison = ManifestComparison(committed: committed, new: new, tolerances: tolerances)
        let figureDrifts = FigureComparison.drifts(
            pairs: comparison.figurePairs, unpaired: comparison.unpairedFigures, committedFolder: committedFolder,
            newFolder: newFolder, tolerances: tolerances)
        return DriftReport(
            drifts: comparison.drifts + figureDrifts, cellCount: new.cells.count, figureCount: new.figures.count,
            tableCount: new.tables.count, inlineValueCount: new.inlineValues.count, tolerances: tolerances)
    }

    /// The drift table for the terminal (or a one-line all-clear).
    public static func table(_ report: DriftReport) -> String { DriftTable.render(report) }

    /// Writes `folder/index.html` (replacing the folder atomically) with the drift table and,
    /// for each drifted figure, the committed and the new image side by side with a diff.
    public static func writePage(_ report: DriftReport, notebookPath: String, to folder: URL) throws {
        try AtomicFolder.replace(folder) { temporary in
            try DriftPage.write(report, notebookPath: notebookPath, into: temporary)
        }
    }

    private static func readManifest(in folder: URL) throws -> Manifest {
        let url = folder.appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Failure.unreadableManifest(url, "no such file (render the baseline first, or pass --against)")
        }
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: data)
        } catch {
            throw Failure.unreadableManifest(url, "not a Folio manifest (\(error))")
        }
        guard manifest.schemaVersion == Manifest.schemaVersion else {
            throw Failure.unreadableManifest(
                url, "manifest schema \(manifest.schemaVersion), this Folio reads \(Manifest.schemaVersion): re-render the baseline")
        }
        return manifest
    }
}
