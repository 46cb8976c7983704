import ArgumentParser
import Foundation
import FolioEngine
import FolioReport

/// `folio export --ipynb NOTEBOOK`: run (with the cache) and write a Jupyter notebook.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Run a notebook and export it with its outputs as output/<name>/<name>.ipynb (nbformat 4.5).")

    @OptionGroup var arguments: RunArguments
    @OptionGroup var cache: CacheArguments

    @Flag(help: "Write a Jupyter notebook (the only export format so far).")
    var ipynb = false

    func validate() throws {
        guard ipynb else { throw ValidationError("choose a format: --ipynb") }
    }

    func run() throws {
        let (result, _) = try arguments.execute(cache: cache)
        let folder = arguments.outputDirectory.appendingPathComponent(result.notebook.name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("\(result.notebook.name).ipynb")
        try JupyterExport.document(for: result).write(to: file, options: .atomic)
        print("wrote \(file.relativePath)")
        if !result.succeeded { throw ExitCode(1) }
    }
}
