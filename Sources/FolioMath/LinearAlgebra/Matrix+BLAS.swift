/// Matrix products through OpenBLAS (`?gemm`, `?gemv`).
extension Matrix {
    /// `op(self) · op(other)`, where `op` optionally transposes; no copy is made for a transpose.
    public func matmul(_ other: Matrix, transposeSelf: Bool = false, transposeOther: Bool = false) throws -> Matrix {
        let m = transposeSelf ? columns : rows
        let n = transposeOther ? other.rows : other.columns
        var result = Matrix(rows: m, columns: n)
        try Matrix.gemm(
            self, transposeA: transposeSelf, other, transposeB: transposeOther,
            alpha: 1, beta: 0, into: &result)
        return result
    }

    /// `C ← α·op(A)·op(B) + β·C` in place: the accumulate form that training loops use
    /// to avoid allocating. Throws when the shapes of A, B and C do not chain.
    public static func gemm(
        _ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false,
        alpha: Scalar = 1, beta: Scalar = 0, into c: inout Matrix
    ) throws {
        let (m, kA) = transposeA ? (a.columns, a.rows) : (a.rows, a.columns)
        let (kB, n) = transposeB ? (b.columns, b.rows) : (b.rows, b.columns)
        let describe = { (matrix: Matrix, transposed: Bool) in matrix.shapeDescription + (transposed ? "ᵀ" : "") }
        guard kA == kB else {
            throw LinearAlgebraError.shapeMismatch(
                operation: "matmul", shapes: [describe(a, transposeA), describe(b, transposeB)],
                expectation: "inner dimensions \(kA) and \(kB) differ")
        }
        guard c.rows == m, c.columns == n else {
            throw LinearAlgebraError.shapeMismatch(
                operation: "matmul", shapes: [describe(a, transposeA), describe(b, transposeB)],
                expectation: "the result must be \(m)×\(n), not \(c.shapeDescription)")
        }
        guard m > 0, n > 0 else { return }
        guard kA > 0 else {
            c = c * beta
            return
        }
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    Scalar.gemm(
                        transposeA: transposeA, transposeB: transposeB,
                        m: Int32(m), n: Int32(n), k: Int32(kA), alpha: alpha,
                        a: pa.baseAddress!, lda: Int32(Swift.max(1, a.rows)),
                        b: pb.baseAddress!, ldb: Int32(Swift.max(1, b.rows)),
                        beta: beta, c: pc.baseAddress!, ldc: Int32(Swift.max(1, m)))
                }
            }
        }
    }

    /// `op(self) · x` for a vector `x`.
    public func matvec(_ x: [Scalar], transposeSelf: Bool = false) throws -> [Scalar] {
        let (m, n) = transposeSelf ? (columns, rows) : (rows, columns)
        guard x.count == n else {
            throw LinearAlgebraError.shapeMismatch(
                operation: "matvec", shapes: [shapeDescription + (transposeSelf ? "ᵀ" : ""), "\(x.count)×1"],
                expectation: "the vector needs \(n) entries")
        }
        var y = [Scalar](repeating: 0, count: m)
        guard m > 0, n > 0 else { return y }
        storage.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in
                    Scalar.gemv(
                        transpose: transposeSelf, m: Int32(rows), n: Int32(columns), alpha: 1,
                        a: pa.baseAddress!, lda: Int32(Swift.max(1, rows)), x: px.baseAddress!,
                        beta: 0, y: py.baseAddress!)
                }
            }
        }
        return y
    }
}
