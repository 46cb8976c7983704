import Foundation
import FolioEngine
import FolioNotebook
@testable import FolioReport

/// Shared helpers: the repository's templates, fixed provenance, notebooks from strings.
enum ReportFixtures {
    /// The repository's `templates/` folder.
    static let templatesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates")

    /// Provenance with fixed values, so pages are reproducible in tests.
    static let provenance = Provenance(
        folioVersion: FolioVersion.current, gitCommit: "0123456789abcdef", gitDirty: false, swiftVersion: "Swift 6.3",
        operatingSystem: "Debian GNU/Linux 12", cpu: "test CPU, 2 cores", mode: "quick", wallSeconds: 1.5,
        inputFiles: ["data/x.idx": "ab12"])

    static func options(selfContained: Bool = false) throws -> ReportWriter.Options {
        ReportWriter.Options(
            templates: try TemplateSet(folder: templatesFolder), provenance: provenance, katex: try KaTeXAssets(),
            selfContained: selfContained)
    }

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("folio-report-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A notebook with `seed: 7` and one cell per element of `cells`, prose between them.
    static func source(cells: [String], prose: String = "") -> String {
        var lines = ["---", "seed: 7", "---", "", prose]
        for cell in cells { lines += ["```swift", cell, "```", ""] }
        return lines.joined(separator: "\n")
    }

    /// Runs `source` without the cache.
    static func run(_ source: String, path: String = "report.md") -> RunResult {
        let (notebook, _) = Notebook.parse(source: source, path: path)
        var options = RunOptions(cacheDirectory: temporaryDirectory())
        options.useCache = false
        options.jobs = 1
        return Engine.run(notebook, options: options)
    }
}
