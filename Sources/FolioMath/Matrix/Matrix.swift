/// A dense matrix of `Float` or `Double`, stored **column-major** in one contiguous array.
///
/// Column-major is LAPACK's native layout, so decompositions run on the storage directly
/// (LAPACKE's row-major entry points transpose into scratch copies). Element (i, j) lives at
/// `elements[i + j * rows]`. Shape errors on user-reachable operations throw
/// `LinearAlgebraError`; the unchecked `subscript` is for callers that validated indices.
public struct Matrix<Scalar: BLASScalar>: Equatable, Sendable, Codable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The entries, column by column (element (i, j) at `i + j * rows`).
    public var elements: [Scalar] { storage }
    @usableFromInline var storage: [Scalar]

    /// A `rows × columns` matrix with every entry equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Scalar = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    /// A matrix over the given column-major entries.
    public init(rows: Int, columns: Int, columnMajor elements: [Scalar]) throws {
        guard rows >= 0, columns >= 0, elements.count == rows * columns else {
            throw LinearAlgebraError.invalidArgument(
                operation: "Matrix(rows:columns:columnMajor:)",
                message: "\(elements.count) entries cannot fill a \(rows)×\(columns) matrix")
        }
        self.rows = rows
        self.columns = columns
        self.storage = elements
    }

    /// A matrix from its rows, as written in source (`[[1, 2], [3, 4]]`).
    public init(_ rowArrays: [[Scalar]]) throws {
        let columnCount = rowArrays.first?.count ?? 0
        if let ragged = rowArrays.firstIndex(where: { $0.count != columnCount }) {
            throw LinearAlgebraError.invalidArgument(
                operation: "Matrix(rows)",
                message: "row \(ragged) has \(rowArrays[ragged].count) entries, row 0 has \(columnCount)")
        }
        self.init(rows: rowArrays.count, columns: columnCount)
        for (i, row) in rowArrays.enumerated() {
            for (j, value) in row.enumerated() { storage[i + j * rows] = value }
        }
    }

    /// A matrix whose entry (i, j) is `entry(i, j)`.
    public init(rows: Int, columns: Int, entry: (Int, Int) throws -> Scalar) rethrows {
        self.init(rows: rows, columns: columns)
        for j in 0..<columns {
            for i in 0..<rows { storage[i + j * rows] = try entry(i, j) }
        }
    }

    /// The `n × n` identity.
    public static func identity(_ n: Int) -> Matrix {
        var result = Matrix(rows: n, columns: n)
        for i in 0..<n { result.storage[i * (n + 1)] = 1 }
        return result
    }

    /// A square matrix with `values` on its diagonal.
    public static func diagonal(_ values: [Scalar]) -> Matrix {
        var result = Matrix(rows: values.count, columns: values.count)
        for (i, v) in values.enumerated() { result.storage[i * (values.count + 1)] = v }
        return result
    }

    /// A column vector (n × 1).
    public static func column(_ values: [Scalar]) -> Matrix {
        Matrix(uncheckedRows: values.count, columns: 1, elements: values)
    }

    init(uncheckedRows rows: Int, columns: Int, elements: [Scalar]) {
        self.rows = rows
        self.columns = columns
        self.storage = elements
    }

    /// Converts between precisions (e.g. Double data to Float for training).
    public init<Other: BLASScalar>(_ other: Matrix<Other>) {
        self.init(uncheckedRows: other.rows, columns: other.columns, elements: other.elements.map { Scalar($0) })
    }

    /// `(rows, columns)`.
    public var shape: (rows: Int, columns: Int) { (rows, columns) }

    /// Total number of entries.
    public var count: Int { elements.count }

    /// Whether the matrix is square.
    public var isSquare: Bool { rows == columns }

    /// Entry (i, j); indices must be in range (check with `contains(row:column:)`).
    @inlinable
    public subscript(row: Int, column: Int) -> Scalar {
        get { storage[row + column * rows] }
        set { storage[row + column * rows] = newValue }
    }

    /// Calls `body` with the column-major entries, for BLAS calls and tight loops.
    public func withUnsafeElements<R>(_ body: (UnsafeBufferPointer<Scalar>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with mutable column-major entries (the shape cannot change).
    public mutating func withUnsafeMutableElements<R>(
        _ body: (inout UnsafeMutableBufferPointer<Scalar>) throws -> R
    ) rethrows -> R {
        try storage.withUnsafeMutableBufferPointer(body)
    }

    /// Whether (row, column) is a valid index.
    public func contains(row: Int, column: Int) -> Bool {
        (0..<rows).contains(row) && (0..<columns).contains(column)
    }

    /// The entries row by row (what `[[Scalar]]` literals and CSV files use).
    public var rowArrays: [[Scalar]] {
        (0..<rows).map { i in (0..<columns).map { j in storage[i + j * rows] } }
    }

    /// A readable shape, e.g. `3×4`, used in error messages.
    public var shapeDescription: String { "\(rows)×\(columns)" }
}

extension Matrix {
    private enum CodingKeys: String, CodingKey { case rows, columns, elements }

    /// Decodes and validates: a stored matrix whose entry count does not match its shape
    /// (a corrupt cache file) is a decoding error, never a matrix that traps later.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rows = try container.decode(Int.self, forKey: .rows)
        let columns = try container.decode(Int.self, forKey: .columns)
        let elements = try container.decode([Scalar].self, forKey: .elements)
        guard rows >= 0, columns >= 0, rows.multipliedReportingOverflow(by: columns) == (elements.count, false) else {
            throw DecodingError.dataCorruptedError(
                forKey: .elements, in: container,
                debugDescription: "\(elements.count) entries do not fill a \(rows)×\(columns) matrix")
        }
        self.init(uncheckedRows: rows, columns: columns, elements: elements)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rows, forKey: .rows)
        try container.encode(columns, forKey: .columns)
        try container.encode(storage, forKey: .elements)
    }
}

extension Matrix: CustomStringConvertible {
    /// Rows in brackets, at most 8×8 shown, with the shape when truncated.
    public var description: String {
        let shownRows = min(rows, 8), shownColumns = min(columns, 8)
        var lines: [String] = []
        for i in 0..<shownRows {
            var cells = (0..<shownColumns).map { j in "\(self[i, j])" }
            if shownColumns < columns { cells.append("…") }
            lines.append("[" + cells.joined(separator: ", ") + "]")
        }
        if shownRows < rows { lines.append("…") }
        let header = "Matrix<\(Scalar.self)> \(shapeDescription)"
        return lines.isEmpty ? header : header + "\n" + lines.joined(separator: "\n")
    }
}
