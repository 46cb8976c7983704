/// Elementwise arithmetic. Matrix–matrix operators throw on a shape mismatch; scalar
/// operators cannot fail. `*` is the elementwise (Hadamard) product; the matrix product is
/// `matmul` (see `Matrix+BLAS.swift`).
extension Matrix {
    /// Applies `transform` to every entry.
    public func map(_ transform: (Scalar) throws -> Scalar) rethrows -> Matrix {
        Matrix(uncheckedRows: rows, columns: columns, elements: try elements.map(transform))
    }

    /// Combines corresponding entries of two same-shaped matrices.
    public func combined(
        with other: Matrix, operation: String = "elementwise", _ combine: (Scalar, Scalar) -> Scalar
    ) throws -> Matrix {
        try requireSameShape(as: other, operation: operation)
        var result = self
        result.storage.withUnsafeMutableBufferPointer { target in
            other.storage.withUnsafeBufferPointer { source in
                for k in target.indices { target[k] = combine(target[k], source[k]) }
            }
        }
        return result
    }

    public static func + (lhs: Matrix, rhs: Matrix) throws -> Matrix { try lhs.combined(with: rhs, operation: "+", +) }
    public static func - (lhs: Matrix, rhs: Matrix) throws -> Matrix { try lhs.combined(with: rhs, operation: "-", -) }
    public static func * (lhs: Matrix, rhs: Matrix) throws -> Matrix { try lhs.combined(with: rhs, operation: "*", *) }
    public static func / (lhs: Matrix, rhs: Matrix) throws -> Matrix { try lhs.combined(with: rhs, operation: "/", /) }

    public static func + (lhs: Matrix, rhs: Scalar) -> Matrix { lhs.map { $0 + rhs } }
    public static func - (lhs: Matrix, rhs: Scalar) -> Matrix { lhs.map { $0 - rhs } }
    public static func * (lhs: Matrix, rhs: Scalar) -> Matrix { lhs.map { $0 * rhs } }
    public static func / (lhs: Matrix, rhs: Scalar) -> Matrix { lhs.map { $0 / rhs } }
    public static func * (lhs: Scalar, rhs: Matrix) -> Matrix { rhs.map { lhs * $0 } }
    public static prefix func - (operand: Matrix) -> Matrix { operand.map { -$0 } }

    /// Combines every row with `row` (length `columns`): e.g. subtracting column means.
    public func broadcasting(row: [Scalar], _ combine: (Scalar, Scalar) -> Scalar) throws -> Matrix {
        guard row.count == columns else {
            throw LinearAlgebraError.shapeMismatch(
                operation: "broadcast row", shapes: [shapeDescription, "1×\(row.count)"],
                expectation: "the row needs one entry per column")
        }
        return combinedEntrywise({ _, j in row[j] }, with: combine)
    }

    /// Combines every column with `column` (length `rows`): e.g. scaling each sample.
    public func broadcasting(column: [Scalar], _ combine: (Scalar, Scalar) -> Scalar) throws -> Matrix {
        guard column.count == rows else {
            throw LinearAlgebraError.shapeMismatch(
                operation: "broadcast column", shapes: [shapeDescription, "\(column.count)×1"],
                expectation: "the column needs one entry per row")
        }
        return combinedEntrywise({ i, _ in column[i] }, with: combine)
    }

    /// Entry (i, j) becomes `combine(self[i, j], operand(i, j))`.
    private func combinedEntrywise(
        _ operand: (Int, Int) -> Scalar, with combine: (Scalar, Scalar) -> Scalar
    ) -> Matrix {
        var result = self
        for j in 0..<columns {
            for i in 0..<rows { result.storage[i + j * rows] = combine(result.storage[i + j * rows], operand(i, j)) }
        }
        return result
    }
}
