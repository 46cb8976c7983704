import ArgumentParser
import Foundation
import FolioEngine
import FolioNotebook

/// `folio render NOTEBOOK`: check, run (with the cache) and write `output/<name>/`.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check and run a notebook, then write output/<name>/index.html and manifest.json.")

    @Argument(help: "The notebook (.md).")
    var notebook: String

    @Option(name: .customLong("param"), help: ArgumentHelp("Override a param: --param trials=20 (repeatable).", valueName: "name=value"))
    var params: [String] = []

    @Option(help: "How many cells may run at once (defaults to the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Say for each cell why it ran or that it was reused.")
    var explain = false

    @Flag(name: .customLong("no-cache"), help: "Neither read nor write the cache.")
    var noCache = false

    @Option(help: ArgumentHelp("Recompute this cell even if cached (repeatable).", valueName: "label"))
    var refresh: [String] = []

    @Flag(name: .customLong("allow-errors"), help: "Exit 0 and write the report even when cells fail.")
    var allowErrors = false

    @Option(help: "The output folder.")
    var output = "output"

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        for param in params where !param.contains("=") {
            throw ValidationError("--param expects name=value, got '\(param)'")
        }
    }

    func run() throws {
        var (parsed, diagnostics) = try NotebookLoading.load(notebook)
        if diagnostics.containsErrors {
            NotebookLoading.report(diagnostics + Engine.lint(parsed))
            throw ExitCode(1)
        }
        let overrides = params.map { text in
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            return (name: parts[0], value: parts.count > 1 ? parts[1] : "")
        }
        var problems = parsed.applyParams(overrides)
        let ids = parsed.cells.map(\.id)
        for label in refresh where !ids.contains(label) {
            let hint = DidYouMean.hint(for: label, among: ids).map { " (\($0))" } ?? ""
            problems.append("--refresh: no cell labelled '\(label)'\(hint)")
        }
        guard problems.isEmpty else {
            problems.forEach { NotebookLoading.printError("error: \($0)") }
            throw ExitCode(1)
        }
        let outputDirectory = URL(fileURLWithPath: output)
        var options = RunOptions(cacheDirectory: outputDirectory.appendingPathComponent(".cache"))
        options.jobs = jobs
        options.useCache = !noCache
        options.refresh = Set(refresh)
        let display = ProgressDisplay(
            isTerminal: isatty(STDERR_FILENO) == 1, now: options.now,
            write: { FileHandle.standardError.write(Data($0.utf8)) })
        options.events = { display.handle($0) }

        let result = Engine.run(parsed, options: options)
        if result.diagnostics.containsErrors {
            NotebookLoading.report(result.diagnostics)
            throw ExitCode(1)
        }
        for cell in result.cells where cell.status == .failed {
            if let error = cell.error { NotebookLoading.printError("\n" + error.rendered) }
        }
        if explain { print(RunSummary.explanation(result.cells)) }
        print(RunSummary.table(result.cells))
        switch try OutputWriter.write(result, to: outputDirectory, allowErrors: allowErrors) {
        case .written(let folder): print("wrote \(folder.appendingPathComponent("index.html").relativePath)")
        case .keptPrevious(let folder):
            NotebookLoading.printError("render failed; \(folder.relativePath)/ was left as it was (use --allow-errors to write anyway)")
        }
        if !result.succeeded && !allowErrors { throw ExitCode(1) }
    }
}
