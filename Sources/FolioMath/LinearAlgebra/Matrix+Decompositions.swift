import Foundation

/// A thin singular value decomposition A = U·diag(σ)·Vᵀ with σ descending.
public struct SingularValueDecomposition<Scalar: BLASScalar>: Sendable {
    /// Left singular vectors, m × k.
    public let u: Matrix<Scalar>
    /// Singular values, descending, k of them.
    public let singularValues: [Scalar]
    /// Right singular vectors transposed, k × n.
    public let vt: Matrix<Scalar>

    /// U·diag(σ)·Vᵀ.
    public func reconstructed() throws -> Matrix<Scalar> {
        let scaled = try u.broadcasting(row: singularValues, *)
        return try scaled.matmul(vt)
    }
}

/// A symmetric eigendecomposition A = V·diag(λ)·Vᵀ with λ ascending (LAPACK's order).
public struct SymmetricEigendecomposition<Scalar: BLASScalar>: Sendable {
    /// Eigenvalues, ascending.
    public let values: [Scalar]
    /// Orthonormal eigenvectors as columns, in the order of `values`.
    public let vectors: Matrix<Scalar>
}

/// The sign and log-magnitude of a determinant, which stays finite where det itself
/// would overflow or underflow (log-likelihoods of Gaussians).
public struct LogDeterminant<Scalar: BLASScalar>: Sendable, Equatable {
    /// +1, −1, or 0 for a singular matrix.
    public let sign: Scalar
    /// log |det A| (−∞ for a singular matrix).
    public let logAbsoluteValue: Scalar
}

private let upper = CChar(UInt8(ascii: "U"))
private let lower = CChar(UInt8(ascii: "L"))

/// Decompositions and solvers through LAPACKE. Each works on a copy; `self` is untouched.
extension Matrix {
    /// Thin SVD by divide and conquer (`?gesdd`, jobz = S).
    public func svd() throws -> SingularValueDecomposition<Scalar> {
        let k = Swift.min(rows, columns)
        guard k > 0 else {
            return SingularValueDecomposition(u: Matrix(rows: rows, columns: 0), singularValues: [], vt: Matrix(rows: 0, columns: columns))
        }
        var a = elements
        var s = [Scalar](repeating: 0, count: k)
        var u = Matrix(rows: rows, columns: k)
        var vt = Matrix(rows: k, columns: columns)
        let info = Scalar.gesdd(
            jobz: CChar(UInt8(ascii: "S")), m: Int32(rows), n: Int32(columns), a: &a, lda: Int32(rows),
            s: &s, u: &u.storage, ldu: Int32(rows), vt: &vt.storage, ldvt: Int32(k))
        try checkLAPACK(info, routine: "gesdd", operation: "svd", shape: shapeDescription) { _ in
            .lapackFailure(operation: "svd", routine: "gesdd", info: Int(info), shape: shapeDescription)
        }
        return SingularValueDecomposition(u: u, singularValues: s, vt: vt)
    }

    /// Singular values only, descending (`?gesdd`, jobz = N: no vectors are formed).
    public func singularValues() throws -> [Scalar] {
        let k = Swift.min(rows, columns)
        guard k > 0 else { return [] }
        var a = elements
        var s = [Scalar](repeating: 0, count: k)
        let info = Scalar.gesdd(
            jobz: CChar(UInt8(ascii: "N")), m: Int32(rows), n: Int32(columns), a: &a, lda: Int32(rows),
            s: &s, u: nil, ldu: 1, vt: nil, ldvt: 1)
        try checkLAPACK(info, routine: "gesdd", operation: "singularValues", shape: shapeDescription)
        return s
    }

    /// Eigendecomposition of a symmetric matrix (`?syevd`); only the upper triangle is read.
    public func symmetricEigen() throws -> SymmetricEigendecomposition<Scalar> {
        try requireSquare(operation: "symmetricEigen")
        var vectors = self
        var values = [Scalar](repeating: 0, count: rows)
        guard rows > 0 else { return SymmetricEigendecomposition(values: [], vectors: vectors) }
        let info = Scalar.syevd(
            jobz: CChar(UInt8(ascii: "V")), uplo: upper, n: Int32(rows), a: &vectors.storage,
            lda: Int32(rows), w: &values)
        try checkLAPACK(info, routine: "syevd", operation: "symmetricEigen", shape: shapeDescription)
        return SymmetricEigendecomposition(values: values, vectors: vectors)
    }

    /// Thin QR by Householder reflections: Q is m × k with orthonormal columns, R is k × n
    /// upper triangular, k = min(m, n).
    public func qr() throws -> (q: Matrix, r: Matrix) {
        let k = Swift.min(rows, columns)
        guard k > 0 else { return (Matrix(rows: rows, columns: 0), Matrix(rows: 0, columns: columns)) }
        var a = self
        var tau = [Scalar](repeating: 0, count: k)
        let info = Scalar.geqrf(m: Int32(rows), n: Int32(columns), a: &a.storage, lda: Int32(rows), tau: &tau)
        try checkLAPACK(info, routine: "geqrf", operation: "qr", shape: shapeDescription)
        let r = Matrix(rows: k, columns: columns) { i, j in i <= j ? a[i, j] : 0 }
        var q = try a.columns(0..<k)
        let infoQ = Scalar.orgqr(m: Int32(rows), n: Int32(k), k: Int32(k), a: &q.storage, lda: Int32(rows), tau: tau)
        try checkLAPACK(infoQ, routine: "orgqr", operation: "qr", shape: shapeDescription)
        return (q, r)
    }

    /// An orthonormal basis of the column space (the Q of a thin QR).
    public func orthonormalBasis() throws -> Matrix { try qr().q }

    /// The lower Cholesky factor L with A = L·Lᵀ (`?potrf`); throws `notPositiveDefinite`.
    public func cholesky() throws -> Matrix {
        try requireSquare(operation: "cholesky")
        var a = self
        guard rows > 0 else { return a }
        let info = Scalar.potrf(uplo: lower, n: Int32(rows), a: &a.storage, lda: Int32(rows))
        try checkLAPACK(info, routine: "potrf", operation: "cholesky", shape: shapeDescription) { _ in
            .notPositiveDefinite(operation: "cholesky", shape: shapeDescription)
        }
        return Matrix(rows: rows, columns: columns) { i, j in i >= j ? a[i, j] : 0 }
    }

    /// Solves A·X = B by LU with partial pivoting (`?getrf` + `?getrs`); throws `singular`.
    public func solve(_ b: Matrix) throws -> Matrix {
        try requireSquare(operation: "solve")
        guard b.rows == rows else {
            throw LinearAlgebraError.shapeMismatch(
                operation: "solve", shapes: [shapeDescription, b.shapeDescription],
                expectation: "the right-hand side needs \(rows) rows")
        }
        var (lu, pivots) = try luFactorisation(operation: "solve")
        if lu.hasNegligiblePivot {
            throw LinearAlgebraError.singular(operation: "solve", shape: shapeDescription)
        }
        var x = b
        guard b.columns > 0, rows > 0 else { return x }
        let info = Scalar.getrs(
            n: Int32(rows), nrhs: Int32(b.columns), a: &lu.storage, lda: Int32(rows), ipiv: &pivots,
            b: &x.storage, ldb: Int32(rows))
        try checkLAPACK(info, routine: "getrs", operation: "solve", shape: shapeDescription)
        return x
    }

    /// Whether an LU factor has a pivot below n·ε·max|uᵢᵢ|: the matrix is singular to
    /// working precision, and a solve would return garbage or infinities.
    private var hasNegligiblePivot: Bool {
        let pivots = diagonalEntries.map { Swift.abs($0) }
        let largest = pivots.max() ?? 0
        let threshold = Scalar(rows) * Scalar.ulpOfOne * largest
        return largest == 0 || pivots.contains { $0 <= threshold }
    }

    /// Solves A·X = B for symmetric positive definite A by Cholesky (`?potrf` + `?potrs`).
    public func solvePositiveDefinite(_ b: Matrix) throws -> Matrix {
        let l = try cholesky()
        guard b.rows == rows else {
            throw LinearAlgebraError.shapeMismatch(
                operation: "solvePositiveDefinite", shapes: [shapeDescription, b.shapeDescription],
                expectation: "the right-hand side needs \(rows) rows")
        }
        var x = b
        guard b.columns > 0, rows > 0 else { return x }
        let info = Scalar.potrs(
            uplo: lower, n: Int32(rows), nrhs: Int32(b.columns), a: l.elements, lda: Int32(rows),
            b: &x.storage, ldb: Int32(rows))
        try checkLAPACK(info, routine: "potrs", operation: "solvePositiveDefinite", shape: shapeDescription)
        return x
    }

    /// The inverse, by solving A·X = I. Prefer `solve` where possible.
    public func inverse() throws -> Matrix { try solve(.identity(rows)) }

    /// Sign and log |det A| from an LU factorisation; a singular matrix gives sign 0, −∞.
    public func logDeterminant() throws -> LogDeterminant<Scalar> {
        try requireSquare(operation: "logDeterminant")
        let (lu, pivots) = try luFactorisation(operation: "logDeterminant")
        var sign: Scalar = 1
        var logAbs: Scalar = 0
        for i in 0..<rows {
            let u = lu[i, i]
            if u == 0 { return LogDeterminant(sign: 0, logAbsoluteValue: -.infinity) }
            if u < 0 { sign = -sign }
            if pivots[i] != Int32(i + 1) { sign = -sign }
            logAbs += Scalar(log(Double(Swift.abs(u))))
        }
        return LogDeterminant(sign: sign, logAbsoluteValue: logAbs)
    }

    /// LU with partial pivoting; `info > 0` (an exact zero pivot) is left for the caller.
    private func luFactorisation(operation: String) throws -> (lu: Matrix, pivots: [Int32]) {
        var lu = self
        var pivots = [Int32](repeating: 0, count: rows)
        guard rows > 0 else { return (lu, pivots) }
        let info = Scalar.getrf(m: Int32(rows), n: Int32(columns), a: &lu.storage, lda: Int32(rows), ipiv: &pivots)
        if info < 0 {
            throw LinearAlgebraError.lapackFailure(operation: operation, routine: "getrf", info: Int(info), shape: shapeDescription)
        }
        return (lu, pivots)
    }
}
