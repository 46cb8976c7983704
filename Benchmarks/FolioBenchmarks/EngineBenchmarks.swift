import Foundation
import FolioEngine
import FolioReport
import FolioNotebook

/// Notebook pipeline timings (issue F2): static check of a 60-cell notebook, a warm
/// re-render after a prose edit, and the interpreter's cost per loop iteration.
enum EngineBenchmarks: BenchmarkSuite {
    static let name = "engine"

    /// A notebook of `cells` cells, each reading the previous one, with prose between.
    static func generatedNotebook(cells: Int, proseTag: String) -> String {
        var lines = ["---", "title: Generated", "seed: 1", "params:", "  trials: 3", "---", ""]
        for index in 0..<cells {
            lines.append("Paragraph \(index) (\(proseTag)) explaining the next cell, referring to @fig-c\(index).")
            lines.append("")
            lines.append("```swift")
            lines.append("//| label: fig-c\(index)")
            if index == 0 {
                lines.append("let v0 = [1.0, 2.0, 3.0].map { $0 * Double(params.trials) }")
            } else {
                lines.append("let v\(index) = v\(index - 1).map { x in sqrt(x * x + 1) }")
            }
            lines.append("let m\(index) = mean(v\(index)) + Double(v\(index).count)")
            lines.append("if m\(index) > 100 { print(\"large\") }")
            lines.append("```")
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    static func run(threads: Int, report: (BenchmarkResult) -> Void) throws {
        let source = generatedNotebook(cells: 60, proseTag: "a")
        let check = Stopwatch.medianSeconds(repetitions: 9) {
            let (notebook, diagnostics) = Notebook.parse(source: source, path: "generated.md")
            precondition(diagnostics.isEmpty && Engine.lint(notebook).isEmpty, "generated notebook must be clean")
        }
        report(.init(name: "engine_parse_check_60_cells", value: check, unit: "s", repetitions: 9,
                     parameters: ["cells": "60", "steps": "parse + lower + check + DAG"]))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("generated.md").path
        var tag = 0
        var cellsRun = 0
        let templates = try TemplateSet(folder: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates"))
        func render() throws {
            tag += 1
            try generatedNotebook(cells: 60, proseTag: "edit \(tag)").write(toFile: path, atomically: true, encoding: .utf8)
            let (notebook, _) = Notebook.parse(source: try String(contentsOfFile: path, encoding: .utf8), path: path)
            let output = folder.appendingPathComponent("output")
            let result = Engine.run(notebook, options: RunOptions(cacheDirectory: output.appendingPathComponent(".cache")))
            cellsRun = result.cells.filter { $0.status == .ran }.count
            let provenance = ProvenanceProbe.collect(
                notebookPath: path, git: GitStatusProbe(folder: folder), mode: nil, wallSeconds: 0, inputFiles: [:])
            _ = try ReportWriter.write(
                result, to: output, allowErrors: false,
                options: .init(templates: templates, provenance: provenance, katex: try KaTeXAssets()))
        }
        let warm = try Stopwatch.medianSeconds(repetitions: 9, render)
        report(.init(name: "engine_warm_rerender_prose_edit_60_cells", value: warm, unit: "s", repetitions: 9,
                     parameters: ["cells": "60", "cellsRun": "\(cellsRun)", "target": "<= 0.5 s"]))

        let loop = loopNotebook(iterations: 1_000_000)
        var options = RunOptions(cacheDirectory: folder.appendingPathComponent("loop-cache"))
        options.useCache = false
        options.defaultTimeoutSeconds = nil
        let (loopNotebook, _) = Notebook.parse(source: loop, path: folder.appendingPathComponent("loop.md").path)
        let seconds = Stopwatch.medianSeconds(repetitions: 3) {
            precondition(Engine.run(loopNotebook, options: options).succeeded, "loop notebook must run")
        }
        report(.init(name: "engine_interpreter_1e6_additions", value: seconds, unit: "s", repetitions: 3,
                     parameters: ["nsPerIteration": String(format: "%.0f", seconds * 1e9 / 1e6)]))
    }

    /// The interpreter-overhead notebook: one cell summing in a loop.
    static func loopNotebook(iterations: Int) -> String {
        "```swift\nvar total = 0.0\nfor i in 0..<\(iterations) { total += 1.5 }\ntotal\n```\n"
    }
}
