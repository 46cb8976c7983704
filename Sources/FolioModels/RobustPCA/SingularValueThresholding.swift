import FolioMath

/// The singular value thresholding operator D_τ(T) = U·max(Σ − τ, 0)·Vᵀ, computed from a
/// truncated SVD whose rank is predicted from the previous call (Lin, Chen & Ma 2010, §4):
/// only the singular values above τ matter, and in robust PCA there are few of them.
struct SingularValueThresholder {
    /// Rank of the next truncated SVD.
    private(set) var predictedRank: Int
    /// Above this fraction of min(m, n), a full SVD is cheaper than the randomised one.
    let fullSVDFraction: Double
    private var generator: SeededGenerator

    init(initialRank: Int = 10, fullSVDFraction: Double = 0.2, seed: UInt64) {
        predictedRank = initialRank
        self.fullSVDFraction = fullSVDFraction
        generator = SeededGenerator(seed: seed).split("singularValueThresholding")
    }

    /// D_τ(t) and the number of singular values above τ. While every computed singular
    /// value still exceeds τ the rank is grown and the SVD recomputed, so the result is the
    /// exact operator (up to the range finder's accuracy), never a silently truncated one.
    mutating func threshold(_ t: Matrix<Double>, at tau: Double) throws -> (result: Matrix<Double>, rank: Int) {
        let fullRank = min(t.rows, t.columns)
        var rank = min(max(1, predictedRank), fullRank)
        var svd: SingularValueDecomposition<Double>
        while true {
            if Double(rank) >= fullSVDFraction * Double(fullRank) {
                rank = fullRank
                svd = try t.svd()
            } else {
                svd = try t.truncatedSVD(rank: rank, using: &generator)
            }
            let smallest = svd.singularValues.last ?? 0
            if smallest <= tau || rank == fullRank { break }
            rank = min(fullRank, 2 * rank)
        }
        let kept = svd.singularValues.prefix { $0 > tau }.count
        predictedRank = kept < rank ? kept + 1 : min(fullRank, kept + max(1, fullRank / 20))
        let shrunk = svd.singularValues[0..<kept].map { $0 - tau }
        let scaledU = try svd.u.columns(0..<kept).broadcasting(row: shrunk, *)
        return (try scaledU.matmul(svd.vt.rows(0..<kept)), kept)
    }
}
