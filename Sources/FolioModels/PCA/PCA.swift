import FolioMath

/// Principal component analysis of n samples (rows) in d dimensions.
public struct PCAResult: Sendable {
    /// Per-column mean that was subtracted (length d).
    public let mean: [Double]
    /// d × rank principal directions (orthonormal columns), by decreasing variance.
    public let components: Matrix<Double>
    /// The leading `rank` singular values of the centred data.
    public let singularValues: [Double]
    /// Variance along each component, σᵢ² / n.
    public let explainedVariance: [Double]
    /// n × rank coordinates of the samples in the component basis.
    public let scores: Matrix<Double>
    /// n × d rank-`rank` reconstruction: mean + scores · componentsᵀ.
    public let reconstruction: Matrix<Double>
}

/// PCA by a thin SVD of the centred data X − 1·meanᵀ, keeping `rank` components.
public func pca(_ x: Matrix<Double>, rank: Int) throws -> PCAResult {
    let (centred, mean) = try centredColumns(x, function: "pca", rank: rank)
    let svd = try centred.svd().truncated(to: rank)
    let components = svd.vt.transposed
    let scores = try svd.u.broadcasting(row: svd.singularValues, *)
    let reconstruction = try scores.matmul(svd.vt).broadcasting(row: mean, +)
    return PCAResult(
        mean: mean, components: components, singularValues: svd.singularValues,
        explainedVariance: svd.singularValues.map { $0 * $0 / Double(x.rows) },
        scores: scores, reconstruction: reconstruction)
}

/// X with its column means subtracted, after checking 0 ≤ rank ≤ min(n, d).
func centredColumns(_ x: Matrix<Double>, function: String, rank: Int) throws -> (Matrix<Double>, [Double]) {
    guard x.rows > 0, x.columns > 0, rank >= 0, rank <= min(x.rows, x.columns) else {
        throw ModelError.invalidArgument(
            function: function,
            message: "rank \(rank) must lie in 0...min(n, d) for a \(x.shapeDescription) data matrix")
    }
    let mean = x.columnMeans
    return (try x.broadcasting(row: mean, -), mean)
}
