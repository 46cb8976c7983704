/// Sums, means and norms. Sums accumulate in the storage order, so they are deterministic.
extension Matrix {
    /// Sum of all entries.
    public var sum: Scalar { elements.reduce(0, +) }

    /// Mean of all entries (0 for an empty matrix).
    public var mean: Scalar { count == 0 ? 0 : sum / Scalar(count) }

    /// Sum of each column (length `columns`).
    public var columnSums: [Scalar] {
        (0..<columns).map { j in storage[(j * rows)..<((j + 1) * rows)].reduce(0, +) }
    }

    /// Sum of each row (length `rows`).
    public var rowSums: [Scalar] {
        var sums = [Scalar](repeating: 0, count: rows)
        for j in 0..<columns {
            for i in 0..<rows { sums[i] += storage[i + j * rows] }
        }
        return sums
    }

    /// Mean of each column (the per-feature mean when rows are samples).
    public var columnMeans: [Scalar] { columnSums.map { rows == 0 ? 0 : $0 / Scalar(rows) } }

    /// Mean of each row.
    public var rowMeans: [Scalar] { rowSums.map { columns == 0 ? 0 : $0 / Scalar(columns) } }

    /// Frobenius norm ‖A‖_F, by BLAS `nrm2` (overflow-safe scaling).
    public var frobeniusNorm: Scalar {
        guard count > 0 else { return 0 }
        return storage.withUnsafeBufferPointer { Scalar.nrm2(count: Int32(count), x: $0.baseAddress!) }
    }

    /// Entrywise ℓ1 norm Σ|aᵢⱼ| (the sparsity term of robust PCA), by BLAS `asum`.
    public var entrywiseL1Norm: Scalar {
        guard count > 0 else { return 0 }
        return storage.withUnsafeBufferPointer { Scalar.asum(count: Int32(count), x: $0.baseAddress!) }
    }

    /// Largest absolute entry (ℓ∞ of the entries).
    public var maxAbsoluteEntry: Scalar { elements.reduce(0) { Swift.max($0, Swift.abs($1)) } }

    /// Number of entries with |aᵢⱼ| > `tolerance` (the ℓ0 "norm").
    public func nonzeroCount(tolerance: Scalar = 0) -> Int {
        elements.reduce(0) { $0 + (Swift.abs($1) > tolerance ? 1 : 0) }
    }

    /// Spectral norm ‖A‖₂ = the largest singular value.
    public func spectralNorm() throws -> Scalar {
        try singularValues().first ?? 0
    }

    /// Nuclear norm ‖A‖_* = the sum of singular values (the low-rank term of robust PCA).
    public func nuclearNorm() throws -> Scalar {
        try singularValues().reduce(0, +)
    }

    /// Whether every entry is finite (no NaN or ±Inf).
    public var isFinite: Bool { elements.allSatisfy { $0.isFinite } }
}
