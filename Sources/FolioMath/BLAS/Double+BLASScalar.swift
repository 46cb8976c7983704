import CLapack

// Thin forwarding to OpenBLAS / LAPACKE `d` routines; see `BLASScalar`.
extension Double: BLASScalar {
    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int32, n: Int32, k: Int32,
        alpha: Double, a: UnsafePointer<Double>, lda: Int32, b: UnsafePointer<Double>, ldb: Int32,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int32
    ) {
        cblas_dgemm(
            CblasColMajor, cblasTranspose(transposeA), cblasTranspose(transposeB),
            m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }

    public static func gemv(
        transpose: Bool, m: Int32, n: Int32, alpha: Double, a: UnsafePointer<Double>, lda: Int32,
        x: UnsafePointer<Double>, beta: Double, y: UnsafeMutablePointer<Double>
    ) {
        cblas_dgemv(CblasColMajor, cblasTranspose(transpose), m, n, alpha, a, lda, x, 1, beta, y, 1)
    }

    public static func nrm2(count: Int32, x: UnsafePointer<Double>) -> Double { cblas_dnrm2(count, x, 1) }

    public static func asum(count: Int32, x: UnsafePointer<Double>) -> Double { cblas_dasum(count, x, 1) }

    public static func gesdd(
        jobz: CChar, m: Int32, n: Int32, a: UnsafeMutablePointer<Double>, lda: Int32,
        s: UnsafeMutablePointer<Double>, u: UnsafeMutablePointer<Double>?, ldu: Int32,
        vt: UnsafeMutablePointer<Double>?, ldvt: Int32
    ) -> Int32 {
        LAPACKE_dgesdd(columnMajor, jobz, m, n, a, lda, s, u, ldu, vt, ldvt)
    }

    public static func syevd(
        jobz: CChar, uplo: CChar, n: Int32, a: UnsafeMutablePointer<Double>, lda: Int32,
        w: UnsafeMutablePointer<Double>
    ) -> Int32 {
        LAPACKE_dsyevd(columnMajor, jobz, uplo, n, a, lda, w)
    }

    public static func geqrf(
        m: Int32, n: Int32, a: UnsafeMutablePointer<Double>, lda: Int32, tau: UnsafeMutablePointer<Double>
    ) -> Int32 {
        LAPACKE_dgeqrf(columnMajor, m, n, a, lda, tau)
    }

    public static func orgqr(
        m: Int32, n: Int32, k: Int32, a: UnsafeMutablePointer<Double>, lda: Int32, tau: UnsafePointer<Double>
    ) -> Int32 {
        LAPACKE_dorgqr(columnMajor, m, n, k, a, lda, tau)
    }

    public static func potrf(uplo: CChar, n: Int32, a: UnsafeMutablePointer<Double>, lda: Int32) -> Int32 {
        LAPACKE_dpotrf(columnMajor, uplo, n, a, lda)
    }

    public static func getrf(
        m: Int32, n: Int32, a: UnsafeMutablePointer<Double>, lda: Int32, ipiv: UnsafeMutablePointer<Int32>
    ) -> Int32 {
        LAPACKE_dgetrf(columnMajor, m, n, a, lda, ipiv)
    }

    public static func getrs(
        n: Int32, nrhs: Int32, a: UnsafePointer<Double>, lda: Int32, ipiv: UnsafePointer<Int32>,
        b: UnsafeMutablePointer<Double>, ldb: Int32
    ) -> Int32 {
        LAPACKE_dgetrs(columnMajor, CChar(UInt8(ascii: "N")), n, nrhs, a, lda, ipiv, b, ldb)
    }

    public static func potrs(
        uplo: CChar, n: Int32, nrhs: Int32, a: UnsafePointer<Double>, lda: Int32,
        b: UnsafeMutablePointer<Double>, ldb: Int32
    ) -> Int32 {
        LAPACKE_dpotrs(columnMajor, uplo, n, nrhs, a, lda, b, ldb)
    }
}
