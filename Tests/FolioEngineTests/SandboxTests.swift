import Foundation
import Testing
import FolioNotebook
@testable import FolioEngine

/// Cells read files only inside the notebook's folder and its declared data folders.
@Suite struct SandboxTests {
    let folder = TestSupport.temporaryDirectory()
    let outside = TestSupport.temporaryDirectory()

    init() throws {
        try "inside".write(to: folder.appendingPathComponent("inside.txt"), atomically: true, encoding: .utf8)
        try "secret".write(to: outside.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(
            at: folder.appendingPathComponent("link.txt"), withDestinationURL: outside.appendingPathComponent("secret.txt"))
        try manager.createSymbolicLink(at: folder.appendingPathComponent("linked-dir"), withDestinationURL: outside)
    }

    @Test func pathsInsideTheNotebookFolderAreAllowed() throws {
        let sandbox = FileSandbox(notebookFolder: folder, dataFolders: [])
        #expect(try sandbox.resolve("inside.txt").lastPathComponent == "inside.txt")
        #expect(try sandbox.resolve("sub/../inside.txt").lastPathComponent == "inside.txt")
        #expect(sandbox.keyPath(for: try sandbox.resolve("inside.txt")) == "inside.txt")
    }

    @Test(arguments: ["../secret.txt", "link.txt", "linked-dir/secret.txt", "/etc/passwd", "sub/../../x", ""])
    func escapesAreRefused(_ path: String) {
        let sandbox = FileSandbox(notebookFolder: folder, dataFolders: [])
        #expect(throws: BuiltinError.self) { try sandbox.resolve(path) }
    }

    @Test func declaredDataFoldersAreAllowedByNameAndPath() throws {
        let sandbox = FileSandbox(notebookFolder: folder, dataFolders: [("inputs", outside.path)])
        let byName = try sandbox.resolve("inputs/secret.txt")
        #expect(byName.lastPathComponent == "secret.txt")
        #expect(try sandbox.resolve(outside.appendingPathComponent("secret.txt").path) == byName)
        #expect(sandbox.keyPath(for: byName) == "inputs/secret.txt")
    }

    @Test func aNotebookReadsItsDataFolder() throws {
        let path = TestSupport.fixtures.appendingPathComponent("notebooks/reader.md").path
        let source = "---\ndata:\n  inputs: data\n---\n\n```swift\nlet values = readCSV(\"inputs/values.csv\")\n(values.rows, values[1, 1])\n```\n"
        let outcome = TestSupport.runNotebook(source, path: path)
        #expect(outcome.error == nil, "\(outcome.error?.rendered ?? "")")
        #expect(outcome.value == "(2, 4.0)")
    }
}
