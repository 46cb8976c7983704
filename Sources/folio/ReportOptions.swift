import Foundation
import FolioEngine
import FolioNotebook
import FolioReport

/// The writer options of a render (`folio render`, `folio check`).
enum ReportOptions {
    /// The notebook's templates: its `template:` folder, relative to the notebook, or
    /// Folio's own. Commands load them before any cell runs, so a missing template fails
    /// at once rather than after a long render.
    static func templates(for notebook: Notebook) throws -> TemplateSet {
        let notebookFolder = URL(fileURLWithPath: notebook.path).deletingLastPathComponent()
        let folder = notebook.frontMatter.template.map { notebookFolder.appendingPathComponent($0) }
            ?? TemplateSet.defaultFolder(
                environment: ProcessInfo.processInfo.environment,
                executable: Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]),
                workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return try TemplateSet(folder: folder)
    }

    /// `templates`, KaTeX and the provenance of this render.
    static func make(
        for result: RunResult, templates: TemplateSet, git: GitStatusProbe, wallSeconds: Double, selfContained: Bool
    ) throws -> ReportWriter.Options {
        let mode = result.notebook.frontMatter.params.first { $0.name == "mode" }?.value.description
        let provenance = ProvenanceProbe.collect(
            notebookPath: result.notebook.path, git: git, mode: mode, wallSeconds: wallSeconds,
            inputFiles: result.cells.reduce(into: [:]) { files, cell in files.merge(cell.inputFiles) { first, _ in first } })
        return ReportWriter.Options(
            templates: templates, provenance: provenance, katex: try KaTeXAssets(),
            selfContained: selfContained)
    }
}
