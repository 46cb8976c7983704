import ArgumentParser
import Foundation
import FolioEngine
import FolioReport

/// `folio check NOTEBOOK`: re-runs the notebook without the cache and compares the result
/// with its committed report (docs/check.md). Exit status 0: clean, 1: drift, 2: could not run.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-run a notebook without the cache and compare with its committed report.",
        discussion: """
            Figures are compared by pixels, numbers (tables, inline values, printed values) within a \
            relative tolerance, other text exactly; a cell's `tolerance` option loosens its own. \
            Prints what drifted and writes <report>/check/index.html. Exit status: 0 clean, 1 drift, \
            2 could not run. --update rewrites the baseline instead (a render without the cache). \
            See docs/check.md.
            """)

    @OptionGroup var arguments: RunArguments

    @Option(help: ArgumentHelp("The committed report folder (default: <output>/<notebook name>/).", valueName: "dir"))
    var against: String?

    @Flag(help: "Rewrite the baseline: render without the cache into <output>/<notebook name>/.")
    var update = false

    func validate() throws {
        if update && against != nil { throw ValidationError("--update writes <output>/<notebook name>/; drop --against") }
    }

    func run() throws {
        let git = GitStatusProbe(folder: URL(fileURLWithPath: arguments.notebook).deletingLastPathComponent())
        var templates: TemplateSet?
        let (result, wallSeconds) = try arguments.execute(cache: nil, failureStatus: 2) { notebook, _ in
            do {
                templates = try ReportOptions.templates(for: notebook)
            } catch {
                NotebookLoading.printError("error: \(error)")
                throw ExitCode(2)
            }
        }
        do {
            let options = try ReportOptions.make(
                for: result, templates: templates ?? ReportOptions.templates(for: result.notebook), git: git, wallSeconds: wallSeconds,
                selfContained: false)
            if update {
                try writeBaseline(result, options: options)
            } else {
                try check(result, options: options)
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            NotebookLoading.printError("error: \(error)")
            throw ExitCode(2)
        }
    }

    private func writeBaseline(_ result: RunResult, options: ReportWriter.Options) throws {
        switch try ReportWriter.write(result, to: arguments.outputDirectory, allowErrors: false, options: options) {
        case .written(let folder): print("updated the baseline \(folder.relativePath)/")
        case .keptPrevious(let folder):
            NotebookLoading.printError("error: the run failed; the baseline \(folder.relativePath)/ was left as it was")
            throw ExitCode(2)
        }
    }

    private func check(_ result: RunResult, options: ReportWriter.Options) throws {
        let baseline = against.map { URL(fileURLWithPath: $0) }
            ?? arguments.outputDirectory.appendingPathComponent(result.notebook.name)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("folio-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        _ = try ReportWriter.write(result, to: scratch, allowErrors: true, options: options)
        let report = try DriftCheck.compare(
            committedFolder: baseline, newFolder: scratch.appendingPathComponent(result.notebook.name),
            tolerances: CheckTolerances(notebook: result.notebook))
        print(DriftCheck.table(report))
        let page = baseline.appendingPathComponent("check")
        try DriftCheck.writePage(report, notebookPath: result.notebook.path, to: page)
        print("wrote \(page.appendingPathComponent("index.html").relativePath)")
        if !report.isClean { throw ExitCode(1) }
    }
}
