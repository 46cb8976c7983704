import CLapack

/// A floating-point type that OpenBLAS and LAPACKE provide kernels for (`Float`, `Double`).
///
/// Every method takes **column-major** buffers, the layout `Matrix` stores; LAPACK routines
/// return LAPACK's `info` code, which the `Matrix` wrappers turn into `LinearAlgebraError`.
public protocol BLASScalar: BinaryFloatingPoint, Sendable, Codable, CustomStringConvertible {
    /// C ← α·op(A)·op(B) + β·C.
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int32, n: Int32, k: Int32,
        alpha: Self, a: UnsafePointer<Self>, lda: Int32, b: UnsafePointer<Self>, ldb: Int32,
        beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int32)
    /// y ← α·op(A)·x + β·y.
    static func gemv(
        transpose: Bool, m: Int32, n: Int32, alpha: Self, a: UnsafePointer<Self>, lda: Int32,
        x: UnsafePointer<Self>, beta: Self, y: UnsafeMutablePointer<Self>)
    /// Euclidean norm of a contiguous vector.
    static func nrm2(count: Int32, x: UnsafePointer<Self>) -> Self
    /// Sum of absolute values of a contiguous vector.
    static func asum(count: Int32, x: UnsafePointer<Self>) -> Self
    /// Divide-and-conquer SVD (`?gesdd`).
    static func gesdd(
        jobz: CChar, m: Int32, n: Int32, a: UnsafeMutablePointer<Self>, lda: Int32,
        s: UnsafeMutablePointer<Self>, u: UnsafeMutablePointer<Self>?, ldu: Int32,
        vt: UnsafeMutablePointer<Self>?, ldvt: Int32) -> Int32
    /// Symmetric eigendecomposition, divide and conquer (`?syevd`).
    static func syevd(
        jobz: CChar, uplo: CChar, n: Int32, a: UnsafeMutablePointer<Self>, lda: Int32,
        w: UnsafeMutablePointer<Self>) -> Int32
    /// Householder QR (`?geqrf`).
    static func geqrf(
        m: Int32, n: Int32, a: UnsafeMutablePointer<Self>, lda: Int32,
        tau: UnsafeMutablePointer<Self>) -> Int32
    /// Forms Q from `geqrf`'s reflectors (`?orgqr`).
    static func orgqr(
        m: Int32, n: Int32, k: Int32, a: UnsafeMutablePointer<Self>, lda: Int32,
        tau: UnsafePointer<Self>) -> Int32
    /// Cholesky factorisation (`?potrf`).
    static func potrf(uplo: CChar, n: Int32, a: UnsafeMutablePointer<Self>, lda: Int32) -> Int32
    /// LU factorisation with partial pivoting (`?getrf`).
    static func getrf(
        m: Int32, n: Int32, a: UnsafeMutablePointer<Self>, lda: Int32,
        ipiv: UnsafeMutablePointer<Int32>) -> Int32
    /// Solves A·X = B after `getrf` (`?getrs`).
    static func getrs(
        n: Int32, nrhs: Int32, a: UnsafePointer<Self>, lda: Int32, ipiv: UnsafePointer<Int32>,
        b: UnsafeMutablePointer<Self>, ldb: Int32) -> Int32
    /// Solves A·X = B after `potrf` (`?potrs`).
    static func potrs(
        uplo: CChar, n: Int32, nrhs: Int32, a: UnsafePointer<Self>, lda: Int32,
        b: UnsafeMutablePointer<Self>, ldb: Int32) -> Int32
}

@inline(__always)
func cblasTranspose(_ transpose: Bool) -> CBLAS_TRANSPOSE {
    transpose ? CblasTrans : CblasNoTrans
}

let columnMajor = Int32(LAPACK_COL_MAJOR)
