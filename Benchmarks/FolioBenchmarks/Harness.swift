import Foundation

/// One measured number, printed as one JSON object per line by `make bench`.
struct BenchmarkResult: Encodable {
    /// Stable identifier, e.g. `dgemm_1024`.
    let name: String
    /// The measured value.
    let value: Double
    /// Its unit, e.g. `GFLOP/s`, `s`, `samples/s`.
    let unit: String
    /// How many timed repetitions the value summarises (median).
    let repetitions: Int
    /// Problem sizes and other settings, for the reader.
    let parameters: [String: String]
}

/// A group of benchmarks for one module; `run` calls `report` once per result. `threads`
/// is what Folio's own parallel work may use (`FOLIO_THREADS` or all cores); OpenBLAS runs
/// single-threaded, as in the engine, unless a benchmark says otherwise.
protocol BenchmarkSuite {
    static var name: String { get }
    static func run(threads: Int, report: (BenchmarkResult) -> Void) throws
}

enum Stopwatch {
    /// Median wall-clock seconds of `repetitions` runs of `body`, after one warm-up run.
    static func medianSeconds(repetitions: Int, _ body: () throws -> Void) rethrows -> Double {
        try body()
        var samples: [Double] = []
        for _ in 0..<repetitions {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        samples.sort()
        return samples[samples.count / 2]
    }
}

/// Writes a result as one line of JSON to standard output.
func printJSONLine(_ result: BenchmarkResult) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    if let data = try? encoder.encode(result), let line = String(data: data, encoding: .utf8) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
