import Foundation

/// Whole `folio` processes, as a user runs them (issue F3: the three-panel figure notebook,
/// compared with ~0.86 s per matplotlib process). Needs the release `folio` beside this
/// executable (`make bench` builds both).
enum ProcessBenchmarks: BenchmarkSuite {
    static let name = "process"

    static func run(threads: Int, report: (BenchmarkResult) -> Void) throws {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let folio = folder.appendingPathComponent("folio")
        guard FileManager.default.isExecutableFile(atPath: folio.path) else {
            throw BenchmarkError("\(folio.path) is missing: build it with `swift build -c release --product folio`")
        }
        let notebook = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("notebooks/three-panel.md")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("folio-process-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let seconds = try Stopwatch.medianSeconds(repetitions: 9) {
            try runToCompletion(folio, ["render", notebook.path, "--no-cache", "--output", output.path])
        }
        report(.init(name: "process_render_three_panel_figure", value: seconds, unit: "s", repetitions: 9,
                     parameters: ["notebook": "Benchmarks/notebooks/three-panel.md", "matplotlibAggSeconds": "0.86",
                                  "includes": "start-up, parse, check, run, 2x PNG, HTML report, manifest, git status"]))
    }

    private static func runToCompletion(_ executable: URL, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkError("folio \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
