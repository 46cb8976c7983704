import Foundation
import Testing
import FolioMath
@testable import FolioModels

@Test func pcaRecoversTheSubspaceOfLowRankData() throws {
    let data = try linearGaussian(rows: 200, cols: 12, rank: 3, noiseVariance: 0, seed: 1)
    let result = try pca(data.observed, rank: 3)
    #expect(try subspaceAnglesDegrees(result.components, data.loading).max()! < 1e-6)
    #expect(try relativeError(result.reconstruction, data.observed) < 1e-10)
}

@Test func ppcaClosedFormMatchesEMAndTheNoiseLevel() throws {
    let data = try linearGaussian(rows: 2000, cols: 20, rank: 3, noiseVariance: 0.1, seed: 2)
    let closed = try ppca(data.observed, rank: 3)
    let em = try ppcaEM(data.observed, rank: 3, seed: 5)
    #expect(abs(closed.noiseVariance - 0.1) < 0.01)
    #expect(abs(em.noiseVariance - closed.noiseVariance) < 1e-6 * closed.noiseVariance)
    #expect(try subspaceAnglesDegrees(closed.loading, em.loading).max()! < 0.01)
    #expect(abs(em.energy - closed.energy) <= 1e-8 * abs(closed.energy))
    // The closed form is the minimiser: perturbing λ or W raises the energy.
    let worseNoise = try ppcaEnergy(data.observed, loading: closed.loading, mean: closed.mean, noiseVariance: 0.12)
    let worseLoading = try ppcaEnergy(data.observed, loading: closed.loading * 1.1, mean: closed.mean, noiseVariance: closed.noiseVariance)
    #expect(worseNoise > closed.energy && worseLoading > closed.energy)
}

@Test func pcaRejectsAnImpossibleRank() {
    #expect(throws: ModelError.self) { try pca(Matrix(rows: 3, columns: 2, repeating: 1), rank: 3) }
    #expect(throws: ModelError.self) { try ppca(Matrix(rows: 5, columns: 2, repeating: 1), rank: 2) }
}

/// `negativeLogLikelihood` is the per-sample −log N(xᵢ; b, λI + WWᵀ), summed row by row here
/// from its definition, so a VAE's per-sample energy can be compared with it directly.
@Test func ppcaNegativeLogLikelihoodIsThePerSampleGaussianLikelihood() throws {
    let data = try linearGaussian(rows: 300, cols: 6, rank: 2, noiseVariance: 0.2, seed: 3)
    let fit = try ppca(data.observed, rank: 2)
    let d = data.observed.columns
    let covariance = try fit.loading.matmul(fit.loading, transposeOther: true) + Matrix.identity(d) * fit.noiseVariance
    let logDeterminant = 2 * (try covariance.cholesky()).diagonalEntries.reduce(0) { $0 + log($1) }
    var total = 0.0
    for i in 0..<data.observed.rows {
        let residual = Matrix<Double>(rows: d, columns: 1) { row, _ in data.observed[i, row] - fit.mean[row] }
        let quadratic = try residual.matmul(covariance.solvePositiveDefinite(residual), transposeSelf: true)[0, 0]
        total += 0.5 * (quadratic + logDeterminant + Double(d) * log(2 * Double.pi))
    }
    let direct = total / Double(data.observed.rows)
    #expect(abs(fit.negativeLogLikelihood - direct) < 1e-9 * abs(direct))
    #expect(abs(try ppcaEM(data.observed, rank: 2, seed: 1).negativeLogLikelihood - direct) < 1e-6 * abs(direct))
}
