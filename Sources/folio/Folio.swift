import ArgumentParser
import FolioEngine
import FolioMath

/// The `folio` command: turns notebooks (Markdown with Swift cells) into executed reports.
@main
struct Folio: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Turn Markdown notebooks with Swift cells into executed, reproducible reports.",
        discussion: """
            A notebook is CommonMark with YAML front matter; fenced `swift` blocks are cells.
            Folio parses and checks every cell before running anything, caches each cell's
            results by content, and writes output/<name>/index.html with its figures and a
            manifest.json.
            """,
        version: FolioVersion.current,
        subcommands: [
            Render.self, CheckCommand.self, Lint.self, Functions.self, Export.self, Clean.self, CacheCommand.self, Plan.self,
            RunUnit.self, Slurm.self,
        ]
    )

    /// Cells call OpenBLAS single-threaded (see `BLASThreads`), so its idle workers are
    /// stopped before anything else runs.
    static func main() {
        BLASThreads.useOneThreadFromStart()
        main(nil)
    }
}
