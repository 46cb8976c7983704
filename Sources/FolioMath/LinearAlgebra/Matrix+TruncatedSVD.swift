/// Options of the randomised range finder (Halko, Martinsson, Tropp 2011, Alg. 4.4 + 5.1).
public struct TruncatedSVDOptions: Sendable, Equatable {
    /// Extra sampled directions beyond the requested rank (p); 10 is the usual choice.
    public var oversampling: Int
    /// Power (subspace) iterations (q), re-orthonormalised each time; 2 suffices unless
    /// the spectrum decays slowly.
    public var powerIterations: Int

    public init(oversampling: Int = 10, powerIterations: Int = 2) {
        self.oversampling = oversampling
        self.powerIterations = powerIterations
    }
}

extension Matrix {
    /// The top `rank` singular triplets by a randomised range finder: sketch Y = A·Ω with a
    /// Gaussian Ω of rank + p columns, refine with q power iterations (QR after every
    /// product), then take the SVD of the small matrix QᵀA. Costs O(mn(r + p)(2q + 2)) GEMM
    /// flops instead of a full SVD's O(mn·min(m, n)): the inner loop of robust PCA.
    /// Deterministic for a given generator state.
    public func truncatedSVD(
        rank: Int, options: TruncatedSVDOptions = .init(), using generator: inout SeededGenerator
    ) throws -> SingularValueDecomposition<Scalar> {
        let fullRank = Swift.min(rows, columns)
        guard rank >= 0, rank <= fullRank else {
            throw LinearAlgebraError.invalidArgument(
                operation: "truncatedSVD", message: "rank \(rank) must lie in 0...\(fullRank) for a \(shapeDescription) matrix")
        }
        let sketchWidth = Swift.min(fullRank, rank + Swift.max(0, options.oversampling))
        if sketchWidth == fullRank || rank == 0 {
            return try svd().truncated(to: rank)
        }
        let omega = Matrix.normal(rows: columns, columns: sketchWidth, using: &generator)
        var basis = try matmul(omega).orthonormalBasis()
        for _ in 0..<Swift.max(0, options.powerIterations) {
            let back = try matmul(basis, transposeSelf: true).orthonormalBasis()
            basis = try matmul(back).orthonormalBasis()
        }
        let small = try basis.matmul(self, transposeSelf: true)
        let smallSVD = try small.svd()
        let u = try basis.matmul(smallSVD.u)
        return try SingularValueDecomposition(
            u: u, singularValues: smallSVD.singularValues, vt: smallSVD.vt
        ).truncated(to: rank)
    }
}

extension SingularValueDecomposition {
    /// The leading `rank` triplets.
    public func truncated(to rank: Int) throws -> SingularValueDecomposition {
        let r = Swift.min(rank, singularValues.count)
        return SingularValueDecomposition(
            u: try u.columns(0..<r), singularValues: Array(singularValues[0..<r]), vt: try vt.rows(0..<r))
    }
}
