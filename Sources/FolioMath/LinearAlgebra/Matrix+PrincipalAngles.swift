import Foundation

extension Matrix {
    /// Principal angles (radians, ascending) between the column spaces of `self` and `other`.
    ///
    /// Both are orthonormalised by QR. Cosines come from the singular values of QₐᵀQ_b and
    /// sines from those of Q_b − Qₐ(QₐᵀQ_b); each angle uses whichever is accurate
    /// (sines below 45°, cosines above), as in Knyazev & Argentati (2002), so nearly
    /// aligned subspaces give angles near 1e-8 rather than the 1e-8 floor of arccos.
    public func principalAngles(with other: Matrix) throws -> [Scalar] {
        guard rows == other.rows else {
            throw LinearAlgebraError.shapeMismatch(
                operation: "principalAngles", shapes: [shapeDescription, other.shapeDescription],
                expectation: "both bases must live in the same space (same number of rows)")
        }
        var qa = try orthonormalBasis()
        var qb = try other.orthonormalBasis()
        if qa.columns < qb.columns { swap(&qa, &qb) }
        let k = qb.columns
        guard k > 0 else { return [] }
        let cross = try qa.matmul(qb, transposeSelf: true)
        let cosines = try cross.singularValues()
        let residual = try qb - qa.matmul(cross)
        let sines = try residual.singularValues().sorted()
        let threshold = Scalar(0.5.squareRoot())
        return (0..<k).map { i in
            let cosine = Swift.min(1, cosines[i])
            let sine = Swift.min(1, sines[i])
            return Scalar(sine < threshold ? asin(Double(sine)) : acos(Double(cosine)))
        }
    }
}
