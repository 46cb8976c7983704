import Foundation
import FolioMath

/// The scalars networks are written for: `Float` to train, `Double` to check gradients
/// by finite differences. Adds the elementary functions the heads and losses need.
protocol NetworkScalar: BLASScalar, SIMDScalar {
    static func exponential(_ x: Self) -> Self
    static func logarithm(_ x: Self) -> Self
}

extension Float: NetworkScalar {
    @inline(__always) static func exponential(_ x: Float) -> Float { Foundation.exp(x) }
    @inline(__always) static func logarithm(_ x: Float) -> Float { Foundation.log(x) }
}

extension Double: NetworkScalar {
    @inline(__always) static func exponential(_ x: Double) -> Double { Foundation.exp(x) }
    @inline(__always) static func logarithm(_ x: Double) -> Double { Foundation.log(x) }
}

/// C ← α·op(A)·op(B) + β·C on raw column-major buffers with explicit leading dimensions,
/// so a partial minibatch can use a prefix of a preallocated workspace.
@inline(__always)
func gemm<Scalar: BLASScalar>(
    transposeA: Bool = false, transposeB: Bool = false, m: Int, n: Int, k: Int,
    alpha: Scalar = 1, a: UnsafePointer<Scalar>, lda: Int, b: UnsafePointer<Scalar>, ldb: Int,
    beta: Scalar = 0, c: UnsafeMutablePointer<Scalar>, ldc: Int
) {
    guard m > 0, n > 0, k > 0 else { return }
    Scalar.gemm(
        transposeA: transposeA, transposeB: transposeB, m: Int32(m), n: Int32(n), k: Int32(k),
        alpha: alpha, a: a, lda: Int32(lda), b: b, ldb: Int32(ldb), beta: beta, c: c, ldc: Int32(ldc))
}

/// A fixed-size buffer allocated once and freed with its owner: the training loop's
/// workspaces, which must not allocate per step.
final class ScratchBuffer<Scalar: BLASScalar> {
    let pointer: UnsafeMutablePointer<Scalar>
    let count: Int

    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(1, count))
        pointer.initialize(repeating: 0, count: max(1, count))
    }

    deinit { pointer.deallocate() }
}
