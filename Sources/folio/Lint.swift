import ArgumentParser
import FolioEngine
import FolioNotebook

/// `folio lint NOTEBOOK`: every static check, nothing runs.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a notebook without running it: format, options, names, labels, types, references.")

    @Argument(help: "The notebook (.md).")
    var notebook: String

    func run() throws {
        let (parsed, parseDiagnostics) = try NotebookLoading.load(notebook)
        let diagnostics = parseDiagnostics + Engine.lint(parsed)
        NotebookLoading.report(diagnostics)
        if diagnostics.containsErrors { throw ExitCode(1) }
        print("\(notebook): no problems found (\(parsed.cells.count) cells)")
    }
}
