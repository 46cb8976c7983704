import Foundation
import FolioEngine
import FolioNotebook

/// The cell language's speed (issue F11): each program in Benchmarks/cells/ run as a
/// one-cell notebook, uncached. Benchmarks/compare/interpreter.py runs the same programs
/// in CPython, with the same names and units, so the two can be set side by side.
enum InterpreterBenchmarks: BenchmarkSuite {
    static let name = "interpreter"

    static func run(threads: Int, report: (BenchmarkResult) -> Void) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("cells")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
        var options = RunOptions(cacheDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("folio-bench-cells"))
        options.useCache = false
        options.defaultTimeoutSeconds = nil
        for file in files {
            let program = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let (notebook, diagnostics) = Notebook.parse(source: "```swift\n\(program)```\n", path: file)
            precondition(diagnostics.isEmpty && Engine.lint(notebook).isEmpty, "\(file) must be clean")
            let repetitions = 5
            let seconds = Stopwatch.medianSeconds(repetitions: repetitions, clock: Stopwatch.cpuSeconds) {
                precondition(Engine.run(notebook, options: options).succeeded, "\(file) must run")
            }
            report(.init(name: "interpreter_" + file.dropLast(".swift".count), value: seconds, unit: "s (CPU)",
                         repetitions: repetitions, parameters: ["language": "folio"]))
        }
    }
}
