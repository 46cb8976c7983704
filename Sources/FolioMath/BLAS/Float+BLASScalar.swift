import CLapack

// Thin forwarding to OpenBLAS / LAPACKE `s` routines; see `BLASScalar`.
extension Float: BLASScalar {
    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int32, n: Int32, k: Int32,
        alpha: Float, a: UnsafePointer<Float>, lda: Int32, b: UnsafePointer<Float>, ldb: Int32,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int32
    ) {
        cblas_sgemm(
            CblasColMajor, cblasTranspose(transposeA), cblasTranspose(transposeB),
            m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }

    public static func gemv(
        transpose: Bool, m: Int32, n: Int32, alpha: Float, a: UnsafePointer<Float>, lda: Int32,
        x: UnsafePointer<Float>, beta: Float, y: UnsafeMutablePointer<Float>
    ) {
        cblas_sgemv(CblasColMajor, cblasTranspose(transpose), m, n, alpha, a, lda, x, 1, beta, y, 1)
    }

    public static func nrm2(count: Int32, x: UnsafePointer<Float>) -> Float { cblas_snrm2(count, x, 1) }

    public static func asum(count: Int32, x: UnsafePointer<Float>) -> Float { cblas_sasum(count, x, 1) }

    public static func gesdd(
        jobz: CChar, m: Int32, n: Int32, a: UnsafeMutablePointer<Float>, lda: Int32,
        s: UnsafeMutablePointer<Float>, u: UnsafeMutablePointer<Float>?, ldu: Int32,
        vt: UnsafeMutablePointer<Float>?, ldvt: Int32
    ) -> Int32 {
        LAPACKE_sgesdd(columnMajor, jobz, m, n, a, lda, s, u, ldu, vt, ldvt)
    }

    public static func syevd(
        jobz: CChar, uplo: CChar, n: Int32, a: UnsafeMutablePointer<Float>, lda: Int32,
        w: UnsafeMutablePointer<Float>
    ) -> Int32 {
        LAPACKE_ssyevd(columnMajor, jobz, uplo, n, a, lda, w)
    }

    public static func geqrf(
        m: Int32, n: Int32, a: UnsafeMutablePointer<Float>, lda: Int32, tau: UnsafeMutablePointer<Float>
    ) -> Int32 {
        LAPACKE_sgeqrf(columnMajor, m, n, a, lda, tau)
    }

    public static func orgqr(
        m: Int32, n: Int32, k: Int32, a: UnsafeMutablePointer<Float>, lda: Int32, tau: UnsafePointer<Float>
    ) -> Int32 {
        LAPACKE_sorgqr(columnMajor, m, n, k, a, lda, tau)
    }

    public static func potrf(uplo: CChar, n: Int32, a: UnsafeMutablePointer<Float>, lda: Int32) -> Int32 {
        LAPACKE_spotrf(columnMajor, uplo, n, a, lda)
    }

    public static func getrf(
        m: Int32, n: Int32, a: UnsafeMutablePointer<Float>, lda: Int32, ipiv: UnsafeMutablePointer<Int32>
    ) -> Int32 {
        LAPACKE_sgetrf(columnMajor, m, n, a, lda, ipiv)
    }

    public static func getrs(
        n: Int32, nrhs: Int32, a: UnsafePointer<Float>, lda: Int32, ipiv: UnsafePointer<Int32>,
        b: UnsafeMutablePointer<Float>, ldb: Int32
    ) -> Int32 {
        LAPACKE_sgetrs(columnMajor, CChar(UInt8(ascii: "N")), n, nrhs, a, lda, ipiv, b, ldb)
    }

    public static func potrs(
        uplo: CChar, n: Int32, nrhs: Int32, a: UnsafePointer<Float>, lda: Int32,
        b: UnsafeMutablePointer<Float>, ldb: Int32
    ) -> Int32 {
        LAPACKE_spotrs(columnMajor, uplo, n, nrhs, a, lda, b, ldb)
    }
}
