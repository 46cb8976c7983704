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

    @Test func readIDXReturnsRowsOfFlattenedItemsThroughTheSandbox() throws {
        let folder = TestSupport.temporaryDirectory()
        // Three 2×2 unsigned-byte images holding 0…11.
        let images: [UInt8] = [0, 0, 0x08, 3, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 2] + (0..<12).map(UInt8.init)
        try Data(images).write(to: folder.appendingPathComponent("images.idx"))
        try Data("not numbers".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let path = folder.appendingPathComponent("idx.md").path
        let source = "```swift\nlet x = readIDX(\"images.idx\", limit: 2, scale: 0.5)\n(x.rows, x.columns, x[1, 3])\n```\n"
        let outcome = TestSupport.runNotebook(source, path: path)
        #expect(outcome.error == nil, "\(outcome.error?.rendered ?? "")")
        #expect(outcome.value == "(2, 4, 3.5)")
        let outside = TestSupport.runNotebook("```swift\nlet x = readIDX(\"/etc/passwd\")\n```\n", path: path)
        #expect(outside.error?.message.contains("outside") == true, "\(outside.error?.message ?? "no error")")
        let bad = TestSupport.runNotebook("```swift\nlet x = readIDX(\"notes.txt\")\n```\n", path: path)
        #expect(bad.error?.message.contains("not an IDX file") == true, "\(bad.error?.message ?? "no error")")
    }

    @Test func readIDXReadsFashionMNISTFromADeclaredDataFolder() throws {
        let labels = "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz"
        guard FileManager.default.fileExists(atPath: labels) else { return }
        let path = TestSupport.temporaryDirectory().appendingPathComponent("fashion.md").path
        let source = "---\ndata:\n  fashion: /usr/share/datasets/fashion-mnist\n---\n\n```swift\n"
            + "let y = readIDX(\"fashion/t10k-labels-idx1-ubyte.gz\")\n(y.rows, y.columns)\n```\n"
        let outcome = TestSupport.runNotebook(source, path: path)
        #expect(outcome.error == nil, "\(outcome.error?.rendered ?? "")")
        #expect(outcome.value == "(10000, 1)")
    }
}
