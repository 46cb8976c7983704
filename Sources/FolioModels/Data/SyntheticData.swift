import Foundation
import FolioMath

/// Linear-Gaussian data x = W z + b + noise, the generative model of probabilistic PCA.
public struct LinearGaussianData: Sendable {
    /// n × d samples.
    public let observed: Matrix<Double>
    /// n × d noiseless part Z Wᵀ + b.
    public let clean: Matrix<Double>
    /// d × rank loading matrix W.
    public let loading: Matrix<Double>
}

/// n samples of x = W z + ε with z ~ N(0, I_rank), W entries N(0, 1), ε ~ N(0, noiseVariance·I).
public func linearGaussian(
    rows: Int, cols: Int, rank: Int, noiseVariance: Double, seed: UInt64
) throws -> LinearGaussianData {
    try requireShape(rows: rows, cols: cols, rank: rank, function: "linearGaussian")
    guard noiseVariance >= 0 else {
        throw ModelError.invalidArgument(function: "linearGaussian", message: "noiseVariance must be ≥ 0, got \(noiseVariance)")
    }
    let root = SeededGenerator(seed: seed)
    var loadingStream = root.split("loading"), latentStream = root.split("latent"), noiseStream = root.split("noise")
    let loading = Matrix<Double>.normal(rows: cols, columns: rank, using: &loadingStream)
    let latent = Matrix<Double>.normal(rows: rows, columns: rank, using: &latentStream)
    let clean = try latent.matmul(loading, transposeOther: true)
    let noise = Matrix<Double>.normal(rows: rows, columns: cols, standardDeviation: noiseVariance.squareRoot(), using: &noiseStream)
    return LinearGaussianData(observed: try clean + noise, clean: clean, loading: loading)
}

/// Robust PCA test data X = L + S: L = A·B of the given rank with A, B entries N(0, 1/cols)
/// (Candès et al. 2011), S with round(outlierRatio · rows · cols) nonzero entries drawn from
/// `outliers` at uniformly random positions. Returns observed X, low-rank L and sparse S.
public func lowRankPlusSparse(
    rows: Int, cols: Int, rank: Int, outlierRatio: Double, outliers: OutlierValues = .signs(magnitude: 1),
    seed: UInt64
) throws -> CorruptedData {
    try requireShape(rows: rows, cols: cols, rank: rank, function: "lowRankPlusSparse")
    let root = SeededGenerator(seed: seed)
    var left = root.split("left"), right = root.split("right")
    let deviation = (1 / Double(cols)).squareRoot()
    let a = Matrix<Double>.normal(rows: rows, columns: rank, standardDeviation: deviation, using: &left)
    let b = Matrix<Double>.normal(rows: rank, columns: cols, standardDeviation: deviation, using: &right)
    return try corruptEntries(try a.matmul(b), ratio: outlierRatio, values: outliers, mode: .additive, seed: seed)
}

/// Samples of a nonlinear manifold (PAPER.md E1/E2): z ~ N(0, I_latentDimension) pushed
/// through a fixed random ReLU network latentDimension → hiddenWidths… → outputDimension
/// with He initialisation (weights N(0, 2/fan-in), zero biases) and a linear last layer.
/// The network is fixed by `seed`; the rows are the clean samples.
public struct ManifoldData: Sendable {
    /// n × outputDimension clean samples.
    public let clean: Matrix<Double>
    /// n × latentDimension latent codes.
    public let latent: Matrix<Double>
}

/// See `ManifoldData`.
public func reluManifold(
    samples: Int, latentDimension: Int, hiddenWidths: [Int] = [200, 400], outputDimension: Int, seed: UInt64
) throws -> ManifoldData {
    let widths = [latentDimension] + hiddenWidths + [outputDimension]
    guard samples >= 0, widths.allSatisfy({ $0 > 0 }) else {
        throw ModelError.invalidArgument(
            function: "reluManifold", message: "widths \(widths) must be positive and samples \(samples) non-negative")
    }
    let root = SeededGenerator(seed: seed)
    var latentStream = root.split("latent")
    let latent = Matrix<Double>.normal(rows: samples, columns: latentDimension, using: &latentStream)
    var activation = latent
    for layer in 0..<(widths.count - 1) {
        var weightStream = root.split("layer\(layer)")
        let weights = Matrix<Double>.normal(
            rows: widths[layer], columns: widths[layer + 1],
            standardDeviation: (2 / Double(widths[layer])).squareRoot(), using: &weightStream)
        activation = try activation.matmul(weights)
        if layer < widths.count - 2 { activation = activation.map { max(0, $0) } }
    }
    return ManifoldData(clean: activation, latent: latent)
}

private func requireShape(rows: Int, cols: Int, rank: Int, function: String) throws {
    guard rows > 0, cols > 0, rank >= 0, rank <= min(rows, cols) else {
        throw ModelError.invalidArgument(
            function: function, message: "need rows, cols > 0 and 0 ≤ rank ≤ min(rows, cols); got \(rows)×\(cols), rank \(rank)")
    }
}
