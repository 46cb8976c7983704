import Foundation
import Testing
@testable import FolioMath

@Suite("Matrix storage, slicing and arithmetic")
struct MatrixTests {
    @Test func storesColumnMajor() throws {
        let m = try Matrix<Double>([[1, 2, 3], [4, 5, 6]])
        #expect(m.elements == [1, 4, 2, 5, 3, 6])
        #expect(m[1, 2] == 6)
        #expect(m.rowArrays == [[1, 2, 3], [4, 5, 6]])
    }

    @Test func raggedRowsAreRejected() {
        #expect(throws: LinearAlgebraError.self) { try Matrix<Double>([[1, 2], [3]]) }
        #expect(throws: LinearAlgebraError.self) { try Matrix<Double>(rows: 2, columns: 2, columnMajor: [1, 2, 3]) }
    }

    @Test func slicesRowsAndColumns() throws {
        let m = try Matrix<Double>([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        #expect(try m.row(1) == [4, 5, 6])
        #expect(try m.column(2) == [3, 6, 9])
        #expect(try m.rows(1..<3).rowArrays == [[4, 5, 6], [7, 8, 9]])
        #expect(try m.columns(0..<2).rowArrays == [[1, 2], [4, 5], [7, 8]])
        #expect(try m.selectingRows([2, 0]).rowArrays == [[7, 8, 9], [1, 2, 3]])
        #expect(m.diagonalEntries == [1, 5, 9])
    }

    @Test func outOfRangeSlicesThrowWithTheShape() throws {
        let m = Matrix<Double>(rows: 2, columns: 3)
        let error = #expect(throws: LinearAlgebraError.self) { try m.row(2) }
        #expect(error?.description == "row: row index 2 is out of range for a 2×3 matrix")
        #expect(throws: LinearAlgebraError.self) { try m.columns(1..<4) }
    }

    @Test func transposesOddShapes() throws {
        var generator = SeededGenerator(seed: 3)
        let m = Matrix<Double>.normal(rows: 37, columns: 70, using: &generator)
        let t = m.transposed
        #expect(t.rows == 70 && t.columns == 37)
        for i in 0..<37 { for j in 0..<70 { #expect(t[j, i] == m[i, j]) } }
        #expect(t.transposed == m)
    }

    @Test func elementwiseArithmeticAndBroadcasting() throws {
        let a = try Matrix<Double>([[1, 2], [3, 4]])
        let b = try Matrix<Double>([[10, 20], [30, 40]])
        #expect(try (a + b).rowArrays == [[11, 22], [33, 44]])
        #expect(try (b - a).rowArrays == [[9, 18], [27, 36]])
        #expect(try (a * b).rowArrays == [[10, 40], [90, 160]])
        #expect(try (b / a).rowArrays == [[10, 10], [10, 10]])
        #expect((2 * a).rowArrays == [[2, 4], [6, 8]])
        #expect((-a).rowArrays == [[-1, -2], [-3, -4]])
        #expect(try a.broadcasting(row: [10, 100], +).rowArrays == [[11, 102], [13, 104]])
        #expect(try a.broadcasting(column: [1, 10], *).rowArrays == [[1, 2], [30, 40]])
    }

    @Test func shapeMismatchNamesOperationAndShapes() throws {
        let a = Matrix<Double>(rows: 2, columns: 3)
        let b = Matrix<Double>(rows: 3, columns: 2)
        let error = #expect(throws: LinearAlgebraError.self) { try a + b }
        #expect(error?.description == "+: shapes 2×3 and 3×2 do not match (both operands must have the same shape)")
        #expect(throws: LinearAlgebraError.self) { try a.broadcasting(row: [1, 2], +) }
        #expect(throws: LinearAlgebraError.self) { try a.broadcasting(column: [1, 2, 3], +) }
    }

    @Test func reductions() throws {
        let m = try Matrix<Double>([[1, -2], [3, 4]])
        #expect(m.sum == 6)
        #expect(m.mean == 1.5)
        #expect(m.columnSums == [4, 2])
        #expect(m.rowSums == [-1, 7])
        #expect(m.columnMeans == [2, 1])
        #expect(m.rowMeans == [-0.5, 3.5])
        #expect(m.entrywiseL1Norm == 10)
        #expect(abs(m.frobeniusNorm - 30.0.squareRoot()) < 1e-14)
        #expect(m.maxAbsoluteEntry == 4)
        #expect(m.nonzeroCount() == 4)
        #expect(try Matrix<Double>([[1e-9, 0.5], [0, -2]]).nonzeroCount(tolerance: 1e-6) == 2)
    }

    @Test func spectralAndNuclearNormsOfADiagonal() throws {
        let d = Matrix<Double>.diagonal([3, -5, 1])
        #expect(abs(try d.spectralNorm() - 5) < 1e-12)
        #expect(abs(try d.nuclearNorm() - 9) < 1e-12)
    }

    @Test func codableRoundTripAndCorruptionIsRejected() throws {
        let m = try Matrix<Float>([[1, 2, 3], [4, 5, 6]])
        let data = try JSONEncoder().encode(m)
        #expect(try JSONDecoder().decode(Matrix<Float>.self, from: data) == m)
        let corrupt = Data(#"{"rows":2,"columns":3,"elements":[1,2,3]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Matrix<Float>.self, from: corrupt) }
    }

    @Test func convertsBetweenPrecisions() throws {
        let d = try Matrix<Double>([[0.5, 1.25]])
        #expect(Matrix<Float>(d).elements == [0.5, 1.25])
    }
}
