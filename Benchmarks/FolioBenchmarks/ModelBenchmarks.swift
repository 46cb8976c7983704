import Foundation
import FolioMath
import FolioModels

/// Robust PCA time and accuracy, VAE training throughput and peak memory (issue F5).
enum ModelBenchmarks: BenchmarkSuite {
    static let name = "models"

    static func run(threads: Int, report: (BenchmarkResult) -> Void) throws {
        try trainingThroughput(
            name: "vae_train_784_512_512_20", dataWidth: 784, hidden: [512, 512], latent: 20, batch: 128,
            samples: 128 * 40, threads: threads, report: report)
        try trainingThroughput(
            name: "vae_train_20_200_200_10", dataWidth: 20, hidden: [200, 200], latent: 10, batch: 100,
            samples: 100 * 200, threads: threads, report: report)
        try robustPCA(report: report)
        try loadFashionMNIST(report: report)
    }

    /// Reading and decoding the 60,000 gzipped Fashion-MNIST training images, when installed.
    static func loadFashionMNIST(report: (BenchmarkResult) -> Void) throws {
        guard FileManager.default.fileExists(atPath: "\(fashionMNISTDirectory)/train-images-idx3-ubyte.gz") else { return }
        var rows = 0
        let seconds = try Stopwatch.medianSeconds(repetitions: 3) { rows = try loadMNISTStyle(split: .train).images.rows }
        report(.init(name: "fashion_mnist_train_load", value: seconds, unit: "s", repetitions: 3,
                     parameters: ["images": "\(rows)", "directory": fashionMNISTDirectory]))
    }

    /// PCP on 1000×1000, rank 50, 10% ±1 outliers, λ = 1/√n, tolerance 1e-7.
    static func robustPCA(report: (BenchmarkResult) -> Void) throws {
        let data = try lowRankPlusSparse(rows: 1000, cols: 1000, rank: 50, outlierRatio: 0.1, seed: 1)
        resetPeakMemory()
        var result: PCPResult?
        let seconds = try Stopwatch.medianSeconds(repetitions: 3) { result = try pcp(data.observed) }
        guard let result else { return }
        let parameters = [
            "shape": "1000x1000", "rank": "50", "outliers": "10% ±1", "tolerance": "1e-7", "blasThreads": "\(BLASThreads.current)",
            "loadAverage": loadAverage(), "iterations": "\(result.iterations)", "recoveredRank": "\(result.rank)", "rankHistory": result.rankHistory.map(String.init).joined(separator: ","), "converged": "\(result.converged)",
        ]
        report(.init(name: "pcp_1000_rank50", value: seconds, unit: "s", repetitions: 3, parameters: parameters))
        report(.init(name: "pcp_1000_rank50_relative_error_L", value: try relativeError(result.lowRank, data.clean),
                     unit: "ratio", repetitions: 1, parameters: parameters))
        report(.init(name: "pcp_1000_rank50_peak_memory", value: peakMemoryMegabytes(), unit: "MB", repetitions: 1,
                     parameters: parameters))
    }

    /// Samples per second of VAE training (ReLU, diagonal Σz, scalar λ, Adam, Float32): the
    /// median over the epochs after the first of each epoch's rate, timed between progress
    /// reports (so set-up and the final evaluation pass are excluded, and one epoch slowed
    /// by another process on this shared machine does not decide the result).
    static func trainingThroughput(
        name: String, dataWidth: Int, hidden: [Int], latent: Int, batch: Int, samples: Int, threads: Int,
        report: (BenchmarkResult) -> Void
    ) throws {
        var generator = SeededGenerator(seed: 3)
        let data = Matrix<Double>.uniform(rows: samples, columns: dataWidth, using: &generator)
        let epochs = 8
        let configuration = VAEConfiguration(
            encoderHiddenWidths: hidden, decoderHiddenWidths: hidden.reversed(), latentWidth: latent,
            epochs: epochs, batchSize: batch, learningRate: 1e-4, seed: 1)
        resetPeakMemory()
        var stamps: [(wall: UInt64, cpu: Double)] = []
        _ = try trainVAE(data, configuration: configuration, threads: threads) { _ in
            stamps.append((DispatchTime.now().uptimeNanoseconds, processCPUSeconds()))
        }
        let rates = zip(stamps, stamps.dropFirst()).map { Double(samples) / (Double($1.wall - $0.wall) / 1e9) }.sorted()
        let cpuRates = zip(stamps, stamps.dropFirst()).map { Double(samples) / ($1.cpu - $0.cpu) }.sorted()
        let parameters = [
            "encoder": ([dataWidth] + hidden).map(String.init).joined(separator: "-") + "-(2x\(latent))",
            "decoder": ([latent] + hidden.reversed() + [dataWidth]).map(String.init).joined(separator: "-"),
            "batch": "\(batch)", "samplesPerEpoch": "\(samples)", "timedEpochs": "\(rates.count)", "threads": "\(threads)",
            "precision": "Float32", "loadAverage": loadAverage(),
            "epochRates": rates.map { String(Int($0.rounded())) }.joined(separator: ","),
        ]
        report(.init(name: name, value: rates[rates.count / 2], unit: "samples/s", repetitions: rates.count,
                     parameters: parameters))
        report(.init(name: name + "_per_cpu_second", value: cpuRates[cpuRates.count / 2], unit: "samples/CPU-s",
                     repetitions: cpuRates.count, parameters: parameters))
        report(.init(name: name + "_peak_memory", value: peakMemoryMegabytes(), unit: "MB", repetitions: 1,
                     parameters: parameters))
    }

    /// CPU time of the whole process (all BLAS threads), in seconds: on a shared machine
    /// this separates our efficiency from other processes' load.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The 1-minute load average, recorded beside timings taken on a shared machine.
    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").first.map(String.init) ?? "unknown"
    }

    /// Resets the kernel's peak-RSS counter (VmHWM), so each benchmark reports its own peak.
    static func resetPeakMemory() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// VmHWM from /proc/self/status in MB (0 where unavailable).
    static func peakMemoryMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = line.split(separator: " ").compactMap({ Double($0) }).first
        else { return 0 }
        return kilobytes / 1024
    }
}
