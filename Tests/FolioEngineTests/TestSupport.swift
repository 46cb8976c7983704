import Foundation
import Testing
import FolioNotebook
@testable import FolioEngine

/// Helpers shared by the engine tests: notebooks from strings, runs into temporary folders.
enum TestSupport {
    /// The `Fixtures` folder copied into the test bundle.
    static var fixtures: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil) ?? URL(fileURLWithPath: "Fixtures")
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("folio-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A notebook source with `params` front matter lines and one cell per element of `cells`.
    /// The first cell's code starts at line 6 (with no params lines).
    static func source(cells: [String], params: [String] = []) -> String {
        var lines = ["---", "seed: 7"]
        if !params.isEmpty { lines += ["params:"] + params.map { "  " + $0 } }
        lines += ["---", ""]
        for cell in cells { lines += ["```swift", cell, "```", ""] }
        return lines.joined(separator: "\n")
    }

    struct Outcome {
        var text: String
        var value: String?
        var error: Diagnostic?
        var diagnostics: [Diagnostic]
        var result: RunResult?
    }

    /// Parses, checks and runs `code` as a one-cell notebook without the cache.
    static func run(_ code: String, params: [String] = [], timeoutSeconds: Double? = 5) -> Outcome {
        runNotebook(source(cells: [code], params: params), timeoutSeconds: timeoutSeconds)
    }

    /// The value `code` shows, expecting no diagnostic and no error.
    static func value(_ code: String, params: [String] = []) -> String? {
        let outcome = run(code, params: params)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map(\.rendered))")
        #expect(outcome.error == nil, "\(outcome.error?.rendered ?? "")")
        return outcome.value
    }

    /// The headline of the run-time error `code` stops with (under a 0.3 s timeout),
    /// expecting no static diagnostic.
    static func failure(_ code: String) -> String? {
        let outcome = run(code, timeoutSeconds: 0.3)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map(\.rendered))")
        return outcome.error?.headline
    }

    static func runNotebook(_ source: String, path: String = "t.md", timeoutSeconds: Double? = 5) -> Outcome {
        let (notebook, parseDiagnostics) = Notebook.parse(source: source, path: path)
        guard !parseDiagnostics.containsErrors else {
            return Outcome(text: "", value: nil, error: nil, diagnostics: parseDiagnostics, result: nil)
        }
        var options = RunOptions(cacheDirectory: temporaryDirectory())
        options.useCache = false
        options.jobs = 1
        options.defaultTimeoutSeconds = timeoutSeconds
        let result = Engine.run(notebook, options: options)
        var text = "", value: String?
        for output in result.cells.flatMap(\.outputs) {
            if case .text(let printed) = output { text += printed }
            if case .value(let shown) = output { value = shown }
        }
        return Outcome(
            text: text, value: value, error: result.cells.compactMap(\.error).first, diagnostics: result.diagnostics,
            result: result)
    }
}
