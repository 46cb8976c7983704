import Foundation

/// The render cache (issue F10), measured on whole `folio render` processes: a 30-cell
/// notebook exporting ~200 MB of Float64 matrices and arrays, rendered cold with and
/// without the cache, then re-rendered after prose edits. Needs the release `folio` beside
/// this executable (`make bench` builds both).
enum CacheBenchmarks: BenchmarkSuite {
    static let name = "cache"

    /// Float64 entries the notebook's cells export, counting a matrix passed along once.
    static let distinctFloat64Entries = 10 * 2000 * 400 + 2 * 25 * 2 * 1000 * 100 + 5 * 200_000 + 400
    /// Float64 entries exported, counting every export (`let Yk = Xk` twice).
    static let exportedFloat64Entries = distinctFloat64Entries + 10 * 2000 * 400

    /// The notebook: ten 2000×400 matrices, two sets of 25 problems (a tuple of two
    /// 1000×100 matrices each), ten cells passing a matrix along, five arrays of 200 000
    /// Doubles, and three cells that show a figure, a table and printed text, with an
    /// inline value in the prose.
    static func notebook(proseTag: String) -> String {
        var cells: [String] = []
        for k in 0..<10 { cells.append("let X\(k) = randomNormal(rows: 2000, columns: 400)\nprint(\"data \(k)\")") }
        for k in 0..<2 {
            cells.append("""
                let problems\(k) = (0..<25).map { i in
                    (observed: randomNormal(rows: 1000, columns: 100), lowRank: randomNormal(rows: 1000, columns: 100))
                }
                print(problems\(k).count)
                """)
        }
        for k in 0..<10 { cells.append("let Y\(k) = X\(k)") }
        for k in 0..<5 { cells.append("let curve\(k) = normalSamples(count: 200000)") }
        cells.append("""
            //| label: fig-spectrum
            let sv = singularValues(Y0)
            plot([line(y: sv, label: "singular values")], x: "index", y: "value")
            """)
        cells.append("""
            //| label: tbl-curves
            table(columns: ["curve", "mean"], rows: [[0, mean(curve0)], [1, mean(curve1)]])
            """)
        cells.append("print(\"largest singular value: \\(sv[0])\")")
        var lines = ["---", "title: Cache benchmark", "seed: 1", "---", ""]
        for (index, cell) in cells.enumerated() {
            lines += ["Paragraph \(index) (\(proseTag)) explaining the next cell.", "", "```swift", cell, "```", ""]
        }
        lines.append("In short (\(proseTag)), the largest singular value is `{swift} sv[0]`.")
        return lines.joined(separator: "\n")
    }

    static func run(threads: Int, report: (BenchmarkResult) -> Void) throws {
        let folio = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("folio")
        guard FileManager.default.isExecutableFile(atPath: folio.path) else {
            throw BenchmarkError("\(folio.path) is missing: build it with `swift build -c release --product folio`")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cache-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cache-bench.md").path
        let output = folder.appendingPathComponent("output")
        func render(_ tag: String, _ extra: [String] = []) throws -> MeasuredProcess {
            try notebook(proseTag: tag).write(toFile: path, atomically: true, encoding: .utf8)
            return try MeasuredProcess.run(folio, ["render", path, "--output", output.path, "--jobs", "1"] + extra)
        }

        let uncached = try render("cold", ["--no-cache"])
        let cold = try render("cold")
        let cacheBytes = try directorySize(output.appendingPathComponent(".cache"))
        report(.init(name: "cache_cold_write_overhead", value: (cold.seconds - uncached.seconds) / uncached.seconds,
                     unit: "fraction of compute", repetitions: 1,
                     parameters: ["coldSeconds": fixed(cold.seconds), "noCacheSeconds": fixed(uncached.seconds),
                                  "coldPeakMB": fixed(cold.peakMB), "cells": "30"]))
        report(.init(name: "cache_bytes_per_float64", value: Double(cacheBytes) / Double(distinctFloat64Entries),
                     unit: "bytes", repetitions: 1,
                     parameters: ["cacheMB": fixed(Double(cacheBytes) / 1e6),
                                  "distinctFloat64": "\(distinctFloat64Entries)",
                                  "bytesPerExportedFloat64": fixed(Double(cacheBytes) / Double(exportedFloat64Entries))]))

        var edits = 0
        var peakMB = 0.0
        let warm = try Stopwatch.medianSeconds(repetitions: 3) {
            edits += 1
            let measured = try render("edit \(edits)")
            peakMB = max(peakMB, measured.peakMB)
        }
        report(.init(name: "cache_warm_rerender_prose_edit_30_cells_200MB", value: warm, unit: "s", repetitions: 3,
                     parameters: ["peakMB": fixed(peakMB), "target": "<= 0.5 s, <= 100 MB",
                                  "exportedMB": fixed(Double(exportedFloat64Entries * 8) / 1e6)]))
    }

    private static func fixed(_ value: Double) -> String { String(format: "%.3f", value) }

    private static func directorySize(_ folder: URL) throws -> Int {
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey]) else { return 0 }
        var total = 0
        for case let url as URL in files { total += try url.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0 }
        return total
    }
}

/// A child process run to completion, with its wall time and peak resident memory.
struct MeasuredProcess {
    var seconds: Double
    var peakMB: Double

    /// Runs `executable` with its output discarded; throws when it exits non-zero.
    static func run(_ executable: URL, _ arguments: [String]) throws -> MeasuredProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, executable.path, &actions, nil, argv, environ) == 0 else {
            throw BenchmarkError("cannot start \(executable.path)")
        }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { throw BenchmarkError("wait4 failed for \(executable.path)") }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard status == 0 else {
            throw BenchmarkError("folio \(arguments.joined(separator: " ")) exited with status \(status)")
        }
        // Linux reports ru_maxrss in kilobytes.
        return MeasuredProcess(seconds: seconds, peakMB: Double(usage.ru_maxrss) * 1024 / 1e6)
    }
}
