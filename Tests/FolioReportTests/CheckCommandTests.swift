import Foundation
import Testing

/// `folio check` end to end, through the built `folio` (`swift build` puts it in
/// `.build/debug/`): its exit status is what CI acts on.
@Suite(.serialized) struct CheckCommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `folio arguments…` in `folder`; returns its exit status and standard error.
    static func folio(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String, errors: String) {
        let executable = repository.appendingPathComponent(".build/debug/folio")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw TestFailure("\(executable.path) is missing: run `swift build` first")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputText = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, outputText, errorText)
    }

    static func notebook(_ source: String) throws -> URL {
        let folder = ReportFixtures.temporaryDirectory()
        try Data(source.utf8).write(to: folder.appendingPathComponent("note.md"))
        return folder
    }

    @Test func notebookThatDoesNotParseExitsWithTwoAndADiagnostic() throws {
        let folder = try Self.notebook("---\nseed: 1\n---\n\n```swift\nlet x = (1 +\n```\n")
        let run = try Self.folio(["check", "note.md"], in: folder)
        #expect(run.status == 2, "\(run.errors)")
        #expect(run.errors.contains("note.md:6:"), "\(run.errors)")
        #expect(run.errors.contains("error:"))
    }

    @Test func missingBaselineExitsWithTwo() throws {
        let folder = try Self.notebook("---\nseed: 1\n---\n\n```swift\nprint(1)\n```\n")
        let run = try Self.folio(["check", "note.md"], in: folder)
        #expect(run.status == 2)
        #expect(run.errors.contains("output/note/manifest.json"), "\(run.errors)")
    }

    @Test func cleanThenDriftExitsWithZeroThenOne() throws {
        let folder = try Self.notebook("---\nseed: 1\n---\n\n```swift\nprint(\"x = \\(0.25)\")\n```\n")
        #expect(try Self.folio(["check", "--update", "note.md"], in: folder).status == 0)
        let clean = try Self.folio(["check", "note.md"], in: folder)
        #expect(clean.status == 0, "\(clean.output)\(clean.errors)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/note/check/index.html").path))
        try Data("---\nseed: 1\n---\n\n```swift\nprint(\"x = \\(0.26)\")\n```\n".utf8).write(to: folder.appendingPathComponent("note.md"))
        let drift = try Self.folio(["check", "note.md"], in: folder)
        #expect(drift.status == 1)
        #expect(drift.output.contains("x = 0.25") && drift.output.contains("x = 0.26"), "\(drift.output)")
    }
}
