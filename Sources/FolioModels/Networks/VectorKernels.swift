/// Elementwise kernels of the training loop, written branch-free so that LLVM vectorises them.
enum VectorKernels {
    /// x ← max(x, 0), as (x + |x|)/2: exact, and free of branches.
    @inline(__always)
    static func rectify<Scalar: NetworkScalar>(_ x: UnsafeMutablePointer<Scalar>, count: Int) {
        for k in 0..<count {
            let value = x[k]
            x[k] = (value + value.magnitude) * 0.5
        }
    }

    /// delta ← delta where activation > 0, else 0 (the ReLU derivative), as a product with
    /// the 0/1 step: without fast-math LLVM may not turn it into a conditional store, so it
    /// vectorises (and a NaN delta stays NaN, which divergence detection relies on).
    @inline(__always)
    static func maskByActivation<Scalar: NetworkScalar>(
        _ delta: UnsafeMutablePointer<Scalar>, activation: UnsafePointer<Scalar>, count: Int
    ) {
        for k in 0..<count {
            delta[k] *= activation[k] > 0 ? 1 : 0
        }
    }

    /// sums ← Σ over columns of the rows × columns matrix `x` with leading dimension
    /// `leadingDimension` (the bias gradient).
    @inline(__always)
    static func rowSums<Scalar: NetworkScalar>(
        _ x: UnsafePointer<Scalar>, rows: Int, columns: Int, leadingDimension: Int, into sums: UnsafeMutablePointer<Scalar>
    ) {
        sums.update(repeating: 0, count: rows)
        for column in 0..<columns {
            let source = x + column * leadingDimension
            for i in 0..<rows { sums[i] += source[i] }
        }
    }
}
