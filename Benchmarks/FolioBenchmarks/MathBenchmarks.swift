import FolioMath

/// GEMM throughput and SVD timings (issue F1).
enum MathBenchmarks: BenchmarkSuite {
    static let name = "math"

    static func run(threads: Int, report: (BenchmarkResult) -> Void) throws {
        var generator = SeededGenerator(seed: 1)
        let n = 1024
        let flops = 2.0 * Double(n * n * n)
        let af = Matrix<Float>.normal(rows: n, columns: n, using: &generator)
        let bf = Matrix<Float>.normal(rows: n, columns: n, using: &generator)
        let ad = Matrix<Double>(af), bd = Matrix<Double>(bf)
        // GEMM on one thread (Folio's policy) and on all of them (OpenBLAS's own best).
        for blasThreads in Set([1, threads]).sorted() {
            try BLASThreads.withThreads(blasThreads) {
                var cf = Matrix<Float>(rows: n, columns: n)
                let sgemm = try Stopwatch.medianSeconds(repetitions: 9) { try Matrix.gemm(af, bf, into: &cf) }
                report(.init(name: "sgemm_1024", value: flops / sgemm / 1e9, unit: "GFLOP/s", repetitions: 9,
                             parameters: ["n": "\(n)", "threads": "\(blasThreads)"]))
                var cd = Matrix<Double>(rows: n, columns: n)
                let dgemm = try Stopwatch.medianSeconds(repetitions: 9) { try Matrix.gemm(ad, bd, into: &cd) }
                report(.init(name: "dgemm_1024", value: flops / dgemm / 1e9, unit: "GFLOP/s", repetitions: 9,
                             parameters: ["n": "\(n)", "threads": "\(blasThreads)"]))
            }
        }

        let square = Matrix<Double>.normal(rows: 1000, columns: 1000, using: &generator)
        let thin = try Stopwatch.medianSeconds(repetitions: 3) { _ = try square.svd() }
        report(.init(name: "svd_thin_1000", value: thin, unit: "s", repetitions: 3,
                     parameters: ["shape": "1000x1000", "routine": "dgesdd", "threads": "1"]))

        let truncated = try Stopwatch.medianSeconds(repetitions: 3) {
            var stream = SeededGenerator(seed: 2)
            _ = try square.truncatedSVD(rank: 50, using: &stream)
        }
        report(.init(name: "svd_truncated_rank50_1000", value: truncated, unit: "s", repetitions: 3,
                     parameters: ["shape": "1000x1000", "rank": "50", "oversampling": "10",
                                  "powerIterations": "2", "threads": "1"]))
    }
}
