import ArgumentParser
import Foundation
import FolioEngine
import FolioNotebook
import FolioReport

/// `folio render NOTEBOOK`: check, run (with the cache) and write `output/<name>/`.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Check and run a notebook, then write output/<name>/index.html and manifest.json.")

    @OptionGroup var arguments: RunArguments
    @OptionGroup var cache: CacheArguments

    @Flag(help: "Say for each cell why it ran or that it was reused.")
    var explain = false

    @Flag(name: .customLong("allow-errors"), help: "Exit 0 and write the report even when cells fail.")
    var allowErrors = false

    @Flag(name: .customLong("self-contained"), help: "Write one index.html with CSS, KaTeX and figures inlined (works offline).")
    var selfContained = false

    func run() throws {
        let git = GitStatusProbe(folder: URL(fileURLWithPath: arguments.notebook).deletingLastPathComponent())
        var templates: TemplateSet?
        let (result, wallSeconds) = try arguments.execute(cache: cache) { notebook, _ in
            templates = try ReportOptions.templates(for: notebook)
        }
        if explain { print(RunSummary.explanation(result.cells)) }
        print(RunSummary.table(result.cells))
        if let inline = RunSummary.inlineValues(result.inlineValues) { print(inline) }
        let writerOptions = try ReportOptions.make(
            for: result, templates: templates ?? ReportOptions.templates(for: result.notebook), git: git, wallSeconds: wallSeconds,
            selfContained: selfContained)
        switch try ReportWriter.write(result, to: arguments.outputDirectory, allowErrors: allowErrors, options: writerOptions) {
        case .written(let folder): print("wrote \(folder.appendingPathComponent("index.html").relativePath)")
        case .keptPrevious(let folder):
            NotebookLoading.printError("render failed; \(folder.relativePath)/ was left as it was (use --allow-errors to write anyway)")
        }
        if !result.succeeded && !allowErrors { throw ExitCode(1) }
    }
}
