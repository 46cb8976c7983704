import Foundation
import FolioMath

/// The result of principal component pursuit: X ≈ L + S.
public struct PCPResult: Sendable {
    /// The low-rank part L.
    public let lowRank: Matrix<Double>
    /// The sparse part S.
    public let sparse: Matrix<Double>
    /// Rank of L (singular values kept by the last thresholding).
    public let rank: Int
    /// ALM iterations run.
    public let iterations: Int
    /// ‖X − L − S‖_F / ‖X‖_F after each iteration.
    public let residualHistory: [Double]
    /// Rank of L after each iteration.
    public let rankHistory: [Int]
    /// Whether the residual reached the tolerance within `maxIterations`.
    public let converged: Bool
}

/// Robust PCA by principal component pursuit, min ‖L‖_* + λ‖S‖₁ s.t. X = L + S, solved by
/// the inexact augmented Lagrange multiplier method (Lin, Chen & Ma 2010, Algorithm 5):
/// alternate soft-thresholding of S and singular value thresholding of L, update the
/// multiplier Y ← Y + μ(X − L − S) and μ ← min(ρμ, 10⁷μ₀), until
/// ‖X − L − S‖_F / ‖X‖_F < `tolerance`. λ defaults to 1/√max(m, n); the thresholding uses
/// a truncated SVD with rank prediction. Not converging is reported in the result, not thrown.
/// `stop` is asked before every iteration and may end the run by throwing.
public func pcp(
    _ x: Matrix<Double>, lambda: Double? = nil, tolerance: Double = 1e-7, maxIterations: Int = 1000,
    rho: Double = 1.5, seed: UInt64 = 0, stop: StopCheck = .never
) throws -> PCPResult {
    let (m, n) = (x.rows, x.columns)
    let lambda = lambda ?? 1 / Double(max(m, n)).squareRoot()
    guard m > 0, n > 0, lambda > 0, tolerance > 0, maxIterations > 0, rho > 1 else {
        throw ModelError.invalidArgument(
            function: "pcp",
            message: "need a non-empty matrix (got \(x.shapeDescription)), λ > 0 (got \(lambda)), tolerance > 0, maxIterations > 0, ρ > 1")
    }
    let dataNorm = x.frobeniusNorm
    guard dataNorm > 0 else {
        return PCPResult(lowRank: x, sparse: Matrix(rows: m, columns: n), rank: 0, iterations: 0, residualHistory: [],
            rankHistory: [], converged: true)
    }
    var thresholder = SingularValueThresholder(seed: seed)
    var powerStream = SeededGenerator(seed: seed).split("pcp.spectralNorm")
    let spectralNorm = try x.truncatedSVD(rank: 1, options: .init(oversampling: 5, powerIterations: 6), using: &powerStream)
        .singularValues.first ?? dataNorm
    var mu = 1.25 / spectralNorm
    let muMaximum = mu * 1e7
    // Y₀ = X / J(X), J(X) = max(‖X‖₂, ‖X‖_∞/λ): a dual-feasible start.
    var multiplier = x
    multiplier.withUnsafeMutableElements { y in
        var largest = 0.0
        for k in 0..<y.count { largest = max(largest, abs(y[k])) }
        let scale = 1 / max(spectralNorm, largest / lambda)
        for k in 0..<y.count { y[k] *= scale }
    }
    var lowRank = Matrix<Double>(rows: m, columns: n)
    var sparse = Matrix<Double>(rows: m, columns: n)
    var target = Matrix<Double>(rows: m, columns: n)
    var history: [Double] = []
    var ranks: [Int] = []
    var rank = 0
    while history.count < maxIterations {
        try stop()
        let inverseMu = 1 / mu, shrinkage = lambda / mu
        // S ← shrink(X − L + Y/μ, λ/μ); then T ← X − S + Y/μ for the L-step.
        x.withUnsafeElements { xs in
            lowRank.withUnsafeElements { ls in
                multiplier.withUnsafeElements { ys in
                    sparse.withUnsafeMutableElements { ss in
                        target.withUnsafeMutableElements { ts in
                            for k in 0..<xs.count {
                                let value = xs[k] - ls[k] + inverseMu * ys[k]
                                let s = value > shrinkage ? value - shrinkage : (value < -shrinkage ? value + shrinkage : 0)
                                ss[k] = s
                                ts[k] = xs[k] - s + inverseMu * ys[k]
                            }
                        }
                    }
                }
            }
        }
        (lowRank, rank) = try thresholder.threshold(target, at: inverseMu)
        ranks.append(rank)
        // Z = X − L − S; Y ← Y + μZ.
        var residualSquares = 0.0
        x.withUnsafeElements { xs in
            lowRank.withUnsafeElements { ls in
                sparse.withUnsafeElements { ss in
                    multiplier.withUnsafeMutableElements { ys in
                        for k in 0..<xs.count {
                            let z = xs[k] - ls[k] - ss[k]
                            residualSquares += z * z
                            ys[k] += mu * z
                        }
                    }
                }
            }
        }
        history.append(residualSquares.squareRoot() / dataNorm)
        mu = min(mu * rho, muMaximum)
        if history[history.count - 1] < tolerance { break }
    }
    return PCPResult(
        lowRank: lowRank, sparse: sparse, rank: rank, iterations: history.count, residualHistory: history, rankHistory: ranks,
        converged: (history.last ?? .infinity) < tolerance)
}
