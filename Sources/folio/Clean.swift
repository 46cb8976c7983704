import ArgumentParser
import Foundation
import FolioEngine

/// `folio clean`: removes cache entries no notebook's last render uses.
struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clean", abstract: "Remove cache entries that are no longer referenced.")

    @Option(name: .long, help: "The output folder holding .cache.")
    var output = "output"

    func run() throws {
        let removed = try Engine.cleanCache(at: URL(fileURLWithPath: output).appendingPathComponent(".cache"))
        print("removed \(removed) unreferenced cache entr\(removed == 1 ? "y" : "ies")")
    }
}
