import FolioMath

/// The product computed entry by entry, as the reference the BLAS path is compared with.
func naiveProduct(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
    let n = b.first?.count ?? 0
    return a.map { row in
        (0..<n).map { j in zip(row, b.map { $0[j] }).reduce(0) { $0 + $1.0 * $1.1 } }
    }
}

/// Largest absolute difference between two equally shaped matrices.
func maxDifference<S: BLASScalar>(_ a: Matrix<S>, _ b: Matrix<S>) -> S {
    zip(a.elements, b.elements).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

/// A random rank-`rank` matrix A·B with standard normal factors.
func lowRank(rows: Int, columns: Int, rank: Int, seed: UInt64) throws -> Matrix<Double> {
    var generator = SeededGenerator(seed: seed)
    let a = Matrix<Double>.normal(rows: rows, columns: rank, using: &generator)
    let b = Matrix<Double>.normal(rows: rank, columns: columns, using: &generator)
    return try a.matmul(b)
}
