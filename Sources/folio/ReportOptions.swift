import Foundation
import FolioEngine
import FolioReport

/// The writer options of a render (`folio render`, `folio check`).
enum ReportOptions {
    /// Templates (the notebook's `template:` folder, relative to the notebook, or Folio's
    /// own), KaTeX and the provenance of this render.
    static func make(for result: RunResult, git: GitStatusProbe, wallSeconds: Double, selfContained: Bool) throws -> ReportWriter.Options {
        let notebookFolder = URL(fileURLWithPath: result.notebook.path).deletingLastPathComponent()
        let folder = result.notebook.frontMatter.template.map { notebookFolder.appendingPathComponent($0) }
            ?? TemplateSet.defaultFolder(
                environment: ProcessInfo.processInfo.environment,
                executable: Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]),
                workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let mode = result.notebook.frontMatter.params.first { $0.name == "mode" }?.value.description
        let provenance = ProvenanceProbe.collect(
            notebookPath: result.notebook.path, git: git, mode: mode, wallSeconds: wallSeconds,
            inputFiles: result.cells.reduce(into: [:]) { files, cell in files.merge(cell.inputFiles) { first, _ in first } })
        return ReportWriter.Options(
            templates: try TemplateSet(folder: folder), provenance: provenance, katex: try KaTeXAssets(),
            selfContained: selfContained)
    }
}
