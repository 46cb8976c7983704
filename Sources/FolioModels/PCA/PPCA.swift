import Foundation
import FolioMath

/// A probabilistic PCA model x ~ N(b, λI + W Wᵀ) (Tipping & Bishop 1999).
public struct PPCAResult: Sendable {
    /// d × rank loading matrix W.
    public let loading: Matrix<Double>
    /// The mean b (length d).
    public let mean: [Double]
    /// The noise variance λ.
    public let noiseVariance: Double
    /// The paper's energy (`ppcaEnergy`) at this solution.
    public let energy: Double
    /// EM iterations used (0 for the closed form).
    public let iterations: Int
    /// The mean negative log-likelihood per sample, −(1/n) Σᵢ log N(xᵢ; b, λI + WWᵀ) =
    /// (energy / n + d·log 2π) / 2: the units of a VAE's energy (`VAETrainingResult.energyPerEpoch`,
    /// a per-sample negative ELBO), which it bounds from below. The one conversion between the
    /// paper's PPCA energy and a VAE's, so notebooks compare like with like.
    public let negativeLogLikelihood: Double

    init(loading: Matrix<Double>, mean: [Double], noiseVariance: Double, energy: Double, iterations: Int, samples: Int) {
        self.loading = loading
        self.mean = mean
        self.noiseVariance = noiseVariance
        self.energy = energy
        self.iterations = iterations
        negativeLogLikelihood = (energy / Double(samples) + Double(mean.count) * log(2 * Double.pi)) / 2
    }
}

/// Maximum-likelihood PPCA in closed form: with the sample covariance's eigenvalues
/// λ₁ ≥ … ≥ λ_d and eigenvectors U, λ = mean(λ_{rank+1…d}) and W = U_rank (Λ_rank − λI)^{1/2}.
public func ppca(_ x: Matrix<Double>, rank: Int) throws -> PPCAResult {
    let (centred, mean) = try centredColumns(x, function: "ppca", rank: rank)
    guard rank < x.columns else {
        throw ModelError.invalidArgument(function: "ppca", message: "rank \(rank) must be below d = \(x.columns) to leave noise dimensions")
    }
    let n = Double(x.rows), d = x.columns
    let svd = try centred.svd()
    var eigenvalues = svd.singularValues.map { $0 * $0 / n }
    eigenvalues += Array(repeating: 0, count: d - eigenvalues.count)
    let noise = eigenvalues[rank...].reduce(0, +) / Double(d - rank)
    let scales = eigenvalues[0..<rank].map { max(0, $0 - noise).squareRoot() }
    let loading = try svd.vt.rows(0..<rank).transposed.broadcasting(row: scales, *)
    return PPCAResult(
        loading: loading, mean: mean, noiseVariance: noise,
        energy: try ppcaEnergy(x, loading: loading, mean: mean, noiseVariance: noise), iterations: 0,
        samples: x.rows)
}

/// PPCA by expectation–maximisation on the sample covariance S (Tipping & Bishop 1999, §3.2):
/// M = WᵀW + λI, W ← S W (λI + M⁻¹WᵀSW)⁻¹, λ ← tr(S − S W M⁻¹ W_newᵀ)/d, from a seeded random
/// W, until the relative energy change is below `tolerance`.
public func ppcaEM(
    _ x: Matrix<Double>, rank: Int, maxIterations: Int = 10_000, tolerance: Double = 1e-10, seed: UInt64 = 0
) throws -> PPCAResult {
    let (centred, mean) = try centredColumns(x, function: "ppcaEM", rank: rank)
    let n = Double(x.rows), d = x.columns
    let covariance = try centred.matmul(centred, transposeSelf: true) / n
    var generator = SeededGenerator(seed: seed).split("ppcaEM")
    var loading = Matrix<Double>.normal(rows: d, columns: rank, using: &generator)
    var noise = max(covariance.diagonalEntries.reduce(0, +) / Double(d), .leastNormalMagnitude)
    var energy = Double.infinity
    var iterations = 0
    while iterations < maxIterations {
        iterations += 1
        let m = try loading.matmul(loading, transposeSelf: true) + Matrix.identity(rank) * noise
        let sw = try covariance.matmul(loading)
        let mInverseWtSW = try m.solve(loading.matmul(sw, transposeSelf: true))
        let newLoading = try sw.matmul((Matrix.identity(rank) * noise + mInverseWtSW).inverse())
        let explained = try sw.matmul(m.solve(newLoading.transposed))
        noise = try (covariance - explained).diagonalEntries.reduce(0, +) / Double(d)
        loading = newLoading
        let newEnergy = try ppcaEnergy(covariance: covariance, samples: n, loading: loading, noiseVariance: noise)
        let converged = abs(energy - newEnergy) <= tolerance * abs(newEnergy)
        energy = newEnergy
        if converged { break }
    }
    return PPCAResult(
        loading: loading, mean: mean, noiseVariance: noise, energy: energy, iterations: iterations, samples: x.rows)
}

/// The PPCA energy of PAPER.md claim 1 (Lemma 1 of the paper):
/// Σᵢ (xᵢ − b)ᵀ C⁻¹ (xᵢ − b) + n·log|C| with C = λI + W Wᵀ. It equals twice the negative
/// log-likelihood minus n·d·log 2π, so it is minimised by the maximum-likelihood solution.
public func ppcaEnergy(_ x: Matrix<Double>, loading: Matrix<Double>, mean: [Double], noiseVariance: Double) throws -> Double {
    guard mean.count == x.columns, loading.rows == x.columns else {
        throw ModelError.invalidArgument(
            function: "ppcaEnergy",
            message: "data \(x.shapeDescription), loading \(loading.shapeDescription) and a mean of \(mean.count) entries do not fit")
    }
    let centred = try x.broadcasting(row: mean, -)
    let scatter = try centred.matmul(centred, transposeSelf: true)
    let n = Double(x.rows)
    return try ppcaEnergy(covariance: scatter / n, samples: n, loading: loading, noiseVariance: noiseVariance)
}

/// n·(tr(C⁻¹S) + log|C|) for the sample covariance S: the energy without revisiting the data.
func ppcaEnergy(covariance: Matrix<Double>, samples n: Double, loading: Matrix<Double>, noiseVariance: Double) throws -> Double {
    guard noiseVariance > 0 else {
        throw ModelError.invalidArgument(function: "ppcaEnergy", message: "the noise variance must be positive, got \(noiseVariance)")
    }
    let c = try loading.matmul(loading, transposeOther: true) + Matrix.identity(loading.rows) * noiseVariance
    let factor = try c.cholesky()
    let logDeterminant = 2 * factor.diagonalEntries.reduce(0) { $0 + log($1) }
    let trace = try c.solvePositiveDefinite(covariance).diagonalEntries.reduce(0, +)
    return n * (trace + logDeterminant)
}
