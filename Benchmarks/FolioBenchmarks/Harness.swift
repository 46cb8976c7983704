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
    /// Median seconds of `repetitions` runs of `body`, after one warm-up run, read on
    /// `clock` (wall-clock time unless told otherwise).
    static func medianSeconds(repetitions: Int, clock: () -> Double = wallSeconds, _ body: () throws -> Void) rethrows
        -> Double
    {
        try body()
        var samples: [Double] = []
        for _ in 0..<repetitions {
            let start = clock()
            try body()
            samples.append(clock() - start)
        }
        samples.sort()
        return samples[samples.count / 2]
    }

    /// Wall-clock seconds since an arbitrary start.
    static func wallSeconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// CPU seconds used by the whole process: steadier than wall time on a shared machine,
    /// for single-threaded work.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
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
