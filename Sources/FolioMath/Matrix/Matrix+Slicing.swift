extension Matrix {
    /// Row `i` as an array.
    public func row(_ i: Int) throws -> [Scalar] {
        try requireIndex(i, below: rows, axis: "row", operation: "row")
        return (0..<columns).map { storage[i + $0 * rows] }
    }

    /// Column `j` as an array (a contiguous copy).
    public func column(_ j: Int) throws -> [Scalar] {
        try requireIndex(j, below: columns, axis: "column", operation: "column")
        return Array(storage[(j * rows)..<((j + 1) * rows)])
    }

    /// The rows in `range`, as a new matrix.
    public func rows(_ range: Range<Int>) throws -> Matrix {
        try requireRange(range, within: rows, axis: "rows", operation: "rows")
        return try selectingRows(Array(range))
    }

    /// The columns in `range`, as a new matrix (one contiguous copy).
    public func columns(_ range: Range<Int>) throws -> Matrix {
        try requireRange(range, within: columns, axis: "columns", operation: "columns")
        return Matrix(
            uncheckedRows: rows, columns: range.count,
            elements: Array(storage[(range.lowerBound * rows)..<(range.upperBound * rows)]))
    }

    /// The rows at `indices`, in that order (minibatches, permutations).
    public func selectingRows(_ indices: [Int]) throws -> Matrix {
        for i in indices { try requireIndex(i, below: rows, axis: "row", operation: "selectingRows") }
        var result = Matrix(rows: indices.count, columns: columns)
        for j in 0..<columns {
            let source = j * rows, target = j * indices.count
            for (k, i) in indices.enumerated() { result.storage[target + k] = storage[source + i] }
        }
        return result
    }

    /// The transpose, computed blockwise for cache locality.
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        let block = 32
        storage.withUnsafeBufferPointer { source in
            result.storage.withUnsafeMutableBufferPointer { target in
                for jBlock in stride(from: 0, to: columns, by: block) {
                    for iBlock in stride(from: 0, to: rows, by: block) {
                        for j in jBlock..<min(jBlock + block, columns) {
                            for i in iBlock..<min(iBlock + block, rows) {
                                target[j + i * columns] = source[i + j * rows]
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// The main diagonal.
    public var diagonalEntries: [Scalar] {
        (0..<Swift.min(rows, columns)).map { storage[$0 * (rows + 1)] }
    }

    private func requireIndex(_ index: Int, below bound: Int, axis: String, operation: String) throws {
        guard (0..<bound).contains(index) else {
            throw LinearAlgebraError.invalidArgument(
                operation: operation,
                message: "\(axis) index \(index) is out of range for a \(shapeDescription) matrix")
        }
    }

    private func requireRange(_ range: Range<Int>, within bound: Int, axis: String, operation: String) throws {
        guard range.lowerBound >= 0, range.upperBound <= bound else {
            throw LinearAlgebraError.invalidArgument(
                operation: operation,
                message: "\(axis) \(range.lowerBound)..<\(range.upperBound) are out of range for a \(shapeDescription) matrix")
        }
    }
}
