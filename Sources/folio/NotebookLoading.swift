import ArgumentParser
import Foundation
import FolioEngine
import FolioNotebook

/// Reading a notebook and printing diagnostics, shared by the subcommands.
enum NotebookLoading {
    /// Reads and parses `path`; exits with `failureStatus` when the file cannot be read.
    static func load(_ path: String, failureStatus: Int32 = 1) throws -> (Notebook, [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("error: cannot read notebook '\(path)'")
            throw ExitCode(failureStatus)
        }
        return Notebook.parse(bytes: data, path: path)
    }

    /// Prints diagnostics to standard error, blank-line separated, with a count.
    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let sorted = diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        printError(sorted.map(\.rendered).joined(separator: "\n\n"))
        let errors = diagnostics.filter { $0.severity == .error }.count
        printError("\n\(errors) error\(errors == 1 ? "" : "s") found")
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
