import Foundation
import Testing
import FolioMath

@Suite("SVD, eigen, QR, Cholesky, solve, log-determinant, principal angles")
struct DecompositionTests {
    @Test(arguments: [(40, 25), (25, 40), (30, 30), (1, 9)])
    func svdReconstructsToMachinePrecision(_ shape: (Int, Int)) throws {
        var generator = SeededGenerator(seed: 11)
        let a = Matrix<Double>.normal(rows: shape.0, columns: shape.1, using: &generator)
        let svd = try a.svd()
        let k = min(shape.0, shape.1)
        #expect(svd.u.shape == (shape.0, k) && svd.vt.shape == (k, shape.1))
        #expect(svd.singularValues == svd.singularValues.sorted(by: >))
        let error = try (svd.reconstructed() - a).frobeniusNorm / a.frobeniusNorm
        #expect(error < 1e-12)
        let gram = try svd.u.matmul(svd.u, transposeSelf: true)
        #expect(maxDifference(gram, .identity(k)) < 1e-12)
        #expect(try a.singularValues().enumerated().allSatisfy { abs($1 - svd.singularValues[$0]) < 1e-12 })
    }

    @Test func truncatedSVDRecoversTopSingularValuesOfALowRankMatrix() throws {
        let a = try lowRank(rows: 300, columns: 200, rank: 8, seed: 5)
        let exact = try a.singularValues()
        var generator = SeededGenerator(seed: 6)
        let truncated = try a.truncatedSVD(rank: 8, using: &generator)
        #expect(truncated.singularValues.count == 8)
        for i in 0..<8 {
            #expect(abs(truncated.singularValues[i] - exact[i]) / exact[i] < 1e-8)
        }
        let error = try (truncated.reconstructed() - a).frobeniusNorm / a.frobeniusNorm
        #expect(error < 1e-10)
    }

    @Test func truncatedSVDIsDeterministicForAGeneratorState() throws {
        let a = try lowRank(rows: 60, columns: 50, rank: 4, seed: 1)
        var g1 = SeededGenerator(seed: 2), g2 = SeededGenerator(seed: 2)
        #expect(try a.truncatedSVD(rank: 3, using: &g1).singularValues == a.truncatedSVD(rank: 3, using: &g2).singularValues)
        #expect(throws: LinearAlgebraError.self) { try a.truncatedSVD(rank: 51, using: &g1) }
    }

    @Test func symmetricEigenOfAKnownMatrix() throws {
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3 with eigenvectors (1, −1)/√2 and (1, 1)/√2.
        let eigen = try Matrix<Double>([[2, 1], [1, 2]]).symmetricEigen()
        #expect(abs(eigen.values[0] - 1) < 1e-14 && abs(eigen.values[1] - 3) < 1e-14)
        let v = eigen.vectors
        #expect(abs(abs(v[0, 1]) - 0.5.squareRoot()) < 1e-14)
        #expect(abs(v[0, 1] - v[1, 1]) < 1e-14)
        #expect(abs(v[0, 0] + v[1, 0]) < 1e-14)
        #expect(throws: LinearAlgebraError.self) { try Matrix<Double>(rows: 2, columns: 3).symmetricEigen() }
    }

    @Test func qrFactorsIntoOrthonormalAndUpperTriangular() throws {
        var generator = SeededGenerator(seed: 4)
        let a = Matrix<Double>.normal(rows: 9, columns: 4, using: &generator)
        let (q, r) = try a.qr()
        #expect(q.shape == (9, 4) && r.shape == (4, 4))
        #expect(maxDifference(try q.matmul(q, transposeSelf: true), .identity(4)) < 1e-13)
        #expect(maxDifference(try q.matmul(r), a) < 1e-13)
        for i in 0..<4 { for j in 0..<i { #expect(r[i, j] == 0) } }
    }

    @Test func choleskyOfAKnownMatrix() throws {
        let a = try Matrix<Double>([[4, 12, -16], [12, 37, -43], [-16, -43, 98]])
        let l = try a.cholesky()
        #expect(maxDifference(l, try Matrix<Double>([[2, 0, 0], [6, 1, 0], [-8, 5, 3]])) < 1e-12)
        let error = #expect(throws: LinearAlgebraError.self) { try Matrix<Double>([[1, 2], [2, 1]]).cholesky() }
        #expect(error == .notPositiveDefinite(operation: "cholesky", shape: "2×2"))
    }

    @Test func solvesAKnownSystem() throws {
        let a = try Matrix<Double>([[3, 2, -1], [2, -2, 4], [-1, 0.5, -1]])
        let b = Matrix<Double>.column([1, -2, 0])
        let x = try a.solve(b)
        #expect(maxDifference(x, .column([1, -2, -2])) < 1e-12)
        let spd = try Matrix<Double>([[4, 1], [1, 3]])
        let y = try spd.solvePositiveDefinite(.column([1, 2]))
        #expect(maxDifference(try spd.matmul(y), .column([1, 2])) < 1e-14)
        #expect(maxDifference(try spd.inverse().matmul(spd), .identity(2)) < 1e-14)
    }

    @Test func singularSolveThrowsInsteadOfReturningInfinities() throws {
        let singular = try Matrix<Double>([[1, 2], [2, 4]])
        let error = #expect(throws: LinearAlgebraError.self) { try singular.solve(.column([1, 1])) }
        #expect(error?.description == "solve: the 2×2 matrix is singular")
        let nearlySingular = try Matrix<Double>([[1, 1], [1, 1 + 1e-17]])
        #expect(throws: LinearAlgebraError.self) { try nearlySingular.solve(.column([1, 1])) }
        #expect(throws: LinearAlgebraError.self) { try singular.solve(.column([1, 1, 1])) }
        #expect(throws: LinearAlgebraError.self) { try Matrix<Double>(rows: 2, columns: 3).solve(.column([1, 1])) }
    }

    @Test func logDeterminantOfKnownMatrices() throws {
        let a = try Matrix<Double>([[2, 0, 0], [0, -3, 0], [0, 0, 0.5]])
        let det = try a.logDeterminant()
        #expect(det.sign == -1 && abs(det.logAbsoluteValue - log(3.0)) < 1e-14)
        let permuted = try Matrix<Double>([[0, 1], [1, 0]]).logDeterminant()
        #expect(permuted.sign == -1 && permuted.logAbsoluteValue == 0)
        // det(100·I₄₀₀) = 10⁸⁰⁰ overflows a Double; its logarithm does not.
        let huge = try (Matrix<Double>.identity(400) * 100).logDeterminant()
        #expect(huge.sign == 1 && abs(huge.logAbsoluteValue - 400 * log(100.0)) < 1e-9)
        #expect(try Matrix<Double>([[1, 2], [2, 4]]).logDeterminant().sign == 0)
    }

    @Test func principalAnglesOfKnownSubspaces() throws {
        // span{e1, e2} and span{e1, cos θ e2 + sin θ e3}: angles 0 and θ.
        let theta = 0.3
        let a = try Matrix<Double>([[1, 0], [0, 1], [0, 0], [0, 0]])
        let b = try Matrix<Double>([[2, 0], [0, cos(theta)], [0, sin(theta)], [0, 0]])
        let angles = try a.principalAngles(with: b)
        #expect(abs(angles[0]) < 1e-15 && abs(angles[1] - theta) < 1e-14)
        // A tiny angle is resolved (arccos alone would give 0 or ~1e-8).
        let tiny = 1e-10
        let c = try Matrix<Double>([[1], [tiny], [0], [0]])
        let small = try Matrix<Double>([[1], [0], [0], [0]]).principalAngles(with: c)
        #expect(abs(small[0] - tiny) < 1e-18)
        #expect(throws: LinearAlgebraError.self) { try a.principalAngles(with: Matrix<Double>(rows: 3, columns: 1)) }
    }
}
