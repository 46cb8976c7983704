import Testing
import FolioMath
@testable import FolioModels

@Test func lowRankPlusSparseHasTheRequestedRankAndSupport() throws {
    let data = try lowRankPlusSparse(rows: 40, cols: 30, rank: 3, outlierRatio: 0.1, seed: 7)
    let spectrum = try singularSpectrum(data.clean)
    #expect(spectrum[2] > 1e-3 && spectrum[3] < 1e-12)
    #expect(data.sparse.nonzeroCount() == 120 && data.support.sum == 120)
    #expect(data.sparse.elements.allSatisfy { $0 == 0 || abs($0) == 1 })
    #expect(try data.clean + data.sparse == data.observed)
    let again = try lowRankPlusSparse(rows: 40, cols: 30, rank: 3, outlierRatio: 0.1, seed: 7)
    #expect(again.observed == data.observed)
    let other = try lowRankPlusSparse(rows: 40, cols: 30, rank: 3, outlierRatio: 0.1, seed: 8)
    #expect(other.observed != data.observed)
}

@Test func pixelCorruptionReplacesEntriesByUniformDraws() throws {
    let images = Matrix<Double>(rows: 10, columns: 20, repeating: 0.5)
    let corrupted = try corruptPixels(images, fraction: 0.25, seed: 1)
    #expect(corrupted.support.sum == 50)
    for k in 0..<images.count where corrupted.support.elements[k] == 1 {
        #expect((0..<1).contains(corrupted.observed.elements[k]))
    }
    #expect(throws: ModelError.self) { try corruptPixels(images, fraction: 1.5, seed: 1) }
}

@Test func reluManifoldIsFixedBySeedAndNotLowRank() throws {
    let a = try reluManifold(samples: 50, latentDimension: 2, hiddenWidths: [20, 30], outputDimension: 10, seed: 3)
    let b = try reluManifold(samples: 50, latentDimension: 2, hiddenWidths: [20, 30], outputDimension: 10, seed: 3)
    #expect(a.clean == b.clean && a.clean.rows == 50 && a.clean.columns == 10)
    let spectrum = try singularSpectrum(a.clean)
    #expect(spectrum[2] > 1e-6 * spectrum[0])
}

@Test func metricsMatchHandComputedValues() throws {
    let truth = try Matrix<Double>([[3, 0], [0, 4]])
    let estimate = try Matrix<Double>([[3, 1], [0, 4]])
    #expect(abs(try nmse(estimate, truth) - 1.0 / 25) < 1e-15)
    #expect(try relativeError(estimate, truth) == 0.2)
    let recovery = try supportRecovery(estimate, truth)
    #expect(recovery.truePositives == 2 && recovery.falsePositives == 1 && recovery.falseNegatives == 0)
    #expect(recovery.precision == 2.0 / 3 && recovery.recall == 1)
    #expect(columnNorms(truth) == [3, 4])
    #expect(activeDimensionCount([1, 0.06, 0.04, 0]) == 2)
    #expect(throws: ModelError.self) { try relativeError(truth, Matrix(rows: 2, columns: 2)) }
    let angles = try subspaceAnglesDegrees(try Matrix([[1], [0]]), try Matrix([[1], [1]]))
    #expect(abs(angles[0] - 45) < 1e-9)
}
