import Testing
import FolioMath
@testable import FolioModels

@Test func pcpRecoversLowRankPlusSparseExactly() throws {
    let data = try lowRankPlusSparse(rows: 200, cols: 200, rank: 5, outlierRatio: 0.05, seed: 11)
    let result = try pcp(data.observed)
    #expect(result.converged)
    #expect(result.rank == 5)
    #expect(try relativeError(result.lowRank, data.clean) < 1e-6)
    #expect(try relativeError(result.sparse, data.sparse) < 1e-6)
    #expect(result.residualHistory.count == result.iterations && result.residualHistory.last! < 1e-7)
}

@Test func pcpReportsNonConvergenceInsteadOfThrowing() throws {
    let data = try lowRankPlusSparse(rows: 30, cols: 20, rank: 2, outlierRatio: 0.05, seed: 1)
    let result = try pcp(data.observed, maxIterations: 3)
    #expect(!result.converged && result.iterations == 3)
    #expect(throws: ModelError.self) { try pcp(data.observed, lambda: -1) }
}

