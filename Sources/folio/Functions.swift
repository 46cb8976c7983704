import ArgumentParser
import FolioEngine

/// `folio functions [NAME]`: the built-in functions cells can call.
struct Functions: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "functions", abstract: "List the built-in functions, or document one.")

    @Argument(help: "A built-in's name, to show its full documentation.")
    var name: String?

    func run() throws {
        guard let text = Engine.functionDocumentation(name) else {
            let suggestions = Engine.functionSuggestions(name ?? "")
            let hint = suggestions.isEmpty ? "" : "\nhint: did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?"
            NotebookLoading.printError("error: no built-in named '\(name ?? "")'\(hint)")
            throw ExitCode(1)
        }
        print(text)
    }
}
