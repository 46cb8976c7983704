import Foundation
import FolioEngine
import FolioNotebook

/// The cell language's speed (issue F11): each program in Benchmarks/cells/ run as a
/// one-cell notebook, uncached. Benchmarks/compare/interpreter.py runs the same programs
/// in CPython, with the same names and units, so the two can be set side by side.
/// `FOLIO_BENCH_CELLS=recursion,dictionary` runs only those programs (for profiling one);
/// `FOLIO_BENCH_REPETITIONS=200` runs each more often (so a profile gets enough samples).
enum InterpreterBenchmarks: BenchmarkSuite {
    static let name = "interpreter"

    static func run(threads: Int, report: (BenchmarkResult) -> Void) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("cells")
        let selected = ProcessInfo.processInfo.environment["FOLIO_BENCH_CELLS"].map { Set($0.split(separator: ",").map(String.init)) }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
            .filter { selected?.contains(String($0.dropLast(".swift".count))) ?? true }
        var options = RunOptions(cacheDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("folio-bench-cells"))
        options.useCache = false
        options.defaultTimeoutSeconds = nil
        let repetitions = ProcessInfo.processInfo.environment["FOLIO_BENCH_REPETITIONS"].flatMap { Int($0) } ?? 5
        for file in files {
            let program = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let (notebook, diagnostics) = Notebook.parse(source: "```swift\n\(program)```\n", path: file)
            precondition(diagnostics.isEmpty && Engine.lint(notebook).isEmpty, "\(file) must be clean")
            let seconds = Stopwatch.medianSeconds(repetitions: repetitions, clock: Stopwatch.cpuSeconds) {
                precondition(Engine.run(notebook, options: options).succeeded, "\(file) must run")
            }
            report(.init(name: "interpreter_" + file.dropLast(".swift".count), value: seconds, unit: "s (CPU)",
                         repetitions: repetitions, parameters: ["language": "folio"]))
        }
    }
}
