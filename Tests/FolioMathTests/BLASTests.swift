import Testing
import FolioMath

@Suite("GEMM and GEMV against naive products")
struct BLASTests {
    /// Shapes that exercise the edge cases of leading dimensions: vectors and transposes.
    static let shapes: [(m: Int, k: Int, n: Int)] = [(1, 7, 5), (6, 1, 4), (5, 3, 1), (1, 1, 1), (13, 8, 11)]

    @Test(arguments: shapes.indices)
    func gemmMatchesNaiveProduct(_ index: Int) throws {
        let (m, k, n) = Self.shapes[index]
        var generator = SeededGenerator(seed: UInt64(index))
        let a = Matrix<Double>.normal(rows: m, columns: k, using: &generator)
        let b = Matrix<Double>.normal(rows: k, columns: n, using: &generator)
        let expected = try Matrix<Double>(naiveProduct(a.rowArrays, b.rowArrays))
        #expect(maxDifference(try a.matmul(b), expected) < 1e-12)
        #expect(maxDifference(try a.transposed.matmul(b, transposeSelf: true), expected) < 1e-12)
        #expect(maxDifference(try a.matmul(b.transposed, transposeOther: true), expected) < 1e-12)
        #expect(maxDifference(
            try a.transposed.matmul(b.transposed, transposeSelf: true, transposeOther: true), expected) < 1e-12)
    }

    @Test func floatGemmMatchesDouble() throws {
        var generator = SeededGenerator(seed: 9)
        let a = Matrix<Double>.normal(rows: 9, columns: 4, using: &generator)
        let b = Matrix<Double>.normal(rows: 4, columns: 3, using: &generator)
        let single = try Matrix<Float>(a).matmul(Matrix<Float>(b))
        #expect(maxDifference(Matrix<Double>(single), try a.matmul(b)) < 1e-5)
    }

    @Test func gemmAccumulates() throws {
        let a = try Matrix<Double>([[1, 2], [3, 4]])
        var c = Matrix<Double>.identity(2)
        try Matrix.gemm(a, a, alpha: 2, beta: 10, into: &c)
        #expect(c.rowArrays == [[24, 20], [30, 54]])
    }

    @Test func gemmRejectsShapesThatDoNotChain() throws {
        let a = Matrix<Double>(rows: 2, columns: 3)
        let error = #expect(throws: LinearAlgebraError.self) { try a.matmul(a) }
        #expect(error?.description == "matmul: shapes 2×3 and 2×3 do not match (inner dimensions 3 and 2 differ)")
        var wrongResult = Matrix<Double>(rows: 5, columns: 5)
        let resultError = #expect(throws: LinearAlgebraError.self) {
            try Matrix.gemm(a, a, transposeB: true, into: &wrongResult)
        }
        #expect(resultError?.description == "matmul: shapes 2×3 and 2×3ᵀ do not match (the result must be 2×2, not 5×5)")
    }

    @Test func emptyInnerDimensionGivesScaledResult() throws {
        let a = Matrix<Double>(rows: 2, columns: 0)
        let b = Matrix<Double>(rows: 0, columns: 3)
        #expect(try a.matmul(b) == Matrix<Double>(rows: 2, columns: 3))
    }

    @Test func gemvMatchesNaiveProduct() throws {
        let a = try Matrix<Double>([[1, 2, 3], [4, 5, 6]])
        #expect(try a.matvec([1, 0, -1]) == [-2, -2])
        #expect(try a.matvec([1, 1], transposeSelf: true) == [5, 7, 9])
        #expect(throws: LinearAlgebraError.self) { try a.matvec([1, 2]) }
    }
}
