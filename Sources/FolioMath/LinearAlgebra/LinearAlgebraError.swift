/// Why a matrix operation could not be carried out. The message always names the operation
/// and the shapes involved, so it can be shown to a notebook author as is.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Operand shapes do not fit the operation, e.g. `matmul` of 3×4 and 5×2.
    case shapeMismatch(operation: String, shapes: [String], expectation: String)
    /// A singular (or numerically singular) matrix where an invertible one is required.
    case singular(operation: String, shape: String)
    /// A matrix that must be symmetric positive definite is not.
    case notPositiveDefinite(operation: String, shape: String)
    /// LAPACK reported a failure (`info != 0`) that is not one of the cases above.
    case lapackFailure(operation: String, routine: String, info: Int, shape: String)
    /// An argument outside its domain (negative rank, bad range, ragged rows, …).
    case invalidArgument(operation: String, message: String)

    public var description: String {
        switch self {
        case let .shapeMismatch(operation, shapes, expectation):
            return "\(operation): shapes \(shapes.joined(separator: " and ")) do not match (\(expectation))"
        case let .singular(operation, shape):
            return "\(operation): the \(shape) matrix is singular"
        case let .notPositiveDefinite(operation, shape):
            return "\(operation): the \(shape) matrix is not positive definite"
        case let .lapackFailure(operation, routine, info, shape):
            return "\(operation): LAPACK \(routine) failed with info = \(info) on a \(shape) matrix"
        case let .invalidArgument(operation, message):
            return "\(operation): \(message)"
        }
    }
}

extension Matrix {
    /// Throws `shapeMismatch` unless `self` and `other` have the same shape.
    func requireSameShape(as other: Matrix, operation: String) throws {
        guard rows == other.rows, columns == other.columns else {
            throw LinearAlgebraError.shapeMismatch(
                operation: operation, shapes: [shapeDescription, other.shapeDescription],
                expectation: "both operands must have the same shape")
        }
    }

    /// Throws `shapeMismatch` unless the matrix is square.
    func requireSquare(operation: String) throws {
        guard isSquare else {
            throw LinearAlgebraError.shapeMismatch(
                operation: operation, shapes: [shapeDescription], expectation: "a square matrix is required")
        }
    }
}

/// Checks a LAPACK `info` code: negative values are argument errors (a bug in Folio, reported
/// with the routine), positive ones are mapped by `positive`.
func checkLAPACK(
    _ info: Int32, routine: String, operation: String, shape: String,
    positive: (Int) -> LinearAlgebraError? = { _ in nil }
) throws {
    guard info != 0 else { return }
    if info > 0, let error = positive(Int(info)) { throw error }
    throw LinearAlgebraError.lapackFailure(operation: operation, routine: routine, info: Int(info), shape: shape)
}
