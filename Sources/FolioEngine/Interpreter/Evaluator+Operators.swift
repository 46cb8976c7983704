import FolioMath

extension Evaluator {
    func prefix(_ op: PrefixOperator, _ value: Value, at position: SourcePosition) throws -> Value {
        switch (op, value) {
        case (.not, .bool(let flag)): return .bool(!flag)
        case (.plus, .int), (.plus, .double), (.plus, .matrix): return value
        case (.negate, .int(let int)):
            let (result, overflow) = Int(0).subtractingReportingOverflow(int)
            if overflow { throw overflowError(position) }
            return .int(result)
        case (.negate, .double(let double)): return .double(-double)
        case (.negate, .matrix(let matrix)): return .matrix(-matrix)
        default:
            throw RuntimeError(
                message: "unary operator '\(op.rawValue)' cannot be applied to \(value.typeName)", position: position, hint: nil)
        }
    }

    private func overflowError(_ position: SourcePosition) -> RuntimeError {
        RuntimeError(message: "arithmetic overflow", position: position, hint: "the result does not fit in an Int; use Double")
    }

    /// `target = value`, or `target op= value` when `op` is given.
    func assign(_ op: BinaryOperator?, _ value: Value, to target: inout Value, at position: SourcePosition) throws {
        if let op {
            try compound(op, &target, value, at: position)
        } else {
            target = value
        }
    }

    /// `target op= value`. `+=` on a String or an array appends in place (the storage is
    /// moved out of `target`, so it is unique: building a string or array in a loop is
    /// linear, not quadratic); everything else is `target = target op value`.
    func compound(_ op: BinaryOperator, _ target: inout Value, _ value: Value, at position: SourcePosition) throws {
        if op == .add, case .string(let suffix) = value, case .string(var text) = target {
            target = .void
            text += suffix
            target = .string(text)
        } else if op == .add, case .array(let tail) = value, case .array(var elements) = target {
            target = .void
            elements += tail
            target = .array(elements)
        } else {
            target = try binary(op, target, value, at: position)
        }
    }

    func binary(_ op: BinaryOperator, _ left: Value, _ right: Value, at position: SourcePosition) throws -> Value {
        if let result = try scalarFastPath(op, left, right, at: position) { return result }
        switch (left, right) {
        case (.string(let a), .string(let b)):
            switch op {
            case .add:
                try reserveResult(of: op, left, right, at: position)
                return .string(a + b)
            case .less: return .bool(a < b)
            case .lessOrEqual: return .bool(a <= b)
            case .greater: return .bool(a > b)
            case .greaterOrEqual: return .bool(a >= b)
            default: break
            }
        case (.array(let a), .array(let b)) where op == .add:
            try reserveResult(of: op, left, right, at: position)
            return .array(a + b)
        case (.matrix, _), (_, .matrix):
            try reserveResult(of: op, left, right, at: position)
            return try matrix(op, left, right, at: position)
        default: break
        }
        switch op {
        case .equal: return .bool(try equal(left, right, at: position))
        case .notEqual: return .bool(!(try equal(left, right, at: position)))
        default:
            let mismatch = op.mismatch(left.typeName, right.typeName)
            throw RuntimeError(message: mismatch.message, position: position, hint: mismatch.hint)
        }
    }

    /// Int and Double operands without building a tuple of the two values (the common case
    /// in loops); nil for anything else.
    @inline(__always)
    private func scalarFastPath(_ op: BinaryOperator, _ left: Value, _ right: Value, at position: SourcePosition) throws -> Value? {
        if case .double(let a) = left {
            if case .double(let b) = right { return try floating(op, a, b, at: position) }
            if case .int(let b) = right { return try floating(op, a, Double(b), at: position) }
        } else if case .int(let a) = left {
            if case .int(let b) = right { return try integer(op, a, b, at: position) }
            if case .double(let b) = right { return try floating(op, Double(a), b, at: position) }
        }
        return nil
    }

    private func integer(_ op: BinaryOperator, _ a: Int, _ b: Int, at position: SourcePosition) throws -> Value {
        func checked(_ result: (partialValue: Int, overflow: Bool)) throws -> Value {
            if result.overflow { throw overflowError(position) }
            return .int(result.partialValue)
        }
        switch op {
        case .add: return try checked(a.addingReportingOverflow(b))
        case .subtract: return try checked(a.subtractingReportingOverflow(b))
        case .multiply: return try checked(a.multipliedReportingOverflow(by: b))
        case .divide, .remainder:
            guard b != 0 else {
                throw RuntimeError(message: "division by zero", position: position, hint: "the divisor is 0")
            }
            return try checked(op == .divide ? a.dividedReportingOverflow(by: b) : a.remainderReportingOverflow(dividingBy: b))
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            return .bool(Self.compares(op, a, b))
        case .halfOpenRange, .closedRange:
            var upper = b
            if op == .closedRange {
                let (next, overflow) = b.addingReportingOverflow(1)
                if overflow { throw overflowError(position) }
                upper = next
            }
            guard a <= upper else {
                throw RuntimeError(
                    message: "range requires lowerBound <= upperBound, got \(a) and \(b)", position: position, hint: nil)
            }
            return .range(lower: a, upper: upper)
        case .and, .or:
            throw RuntimeError(message: "'\(op.rawValue)' needs Bool operands, got Int", position: position, hint: nil)
        }
    }

    /// `a op b` for the six comparison operators (false for any other operator): one
    /// definition for Int and Double operands.
    private static func compares<T: Comparable>(_ op: BinaryOperator, _ a: T, _ b: T) -> Bool {
        switch op {
        case .equal: a == b
        case .notEqual: a != b
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        case .greaterOrEqual: a >= b
        default: false
        }
    }

    private func floating(_ op: BinaryOperator, _ a: Double, _ b: Double, at position: SourcePosition) throws -> Value {
        switch op {
        case .add: return .double(a + b)
        case .subtract: return .double(a - b)
        case .multiply: return .double(a * b)
        case .divide: return .double(a / b)
        case .remainder: return .double(a.truncatingRemainder(dividingBy: b))
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            return .bool(Self.compares(op, a, b))
        case .halfOpenRange, .closedRange:
            throw RuntimeError(
                message: "ranges need Int bounds", position: position, hint: "use stride(from:to:by:) for Double steps")
        case .and, .or:
            throw RuntimeError(message: "'\(op.rawValue)' needs Bool operands, got Double", position: position, hint: nil)
        }
    }

    private func matrix(_ op: BinaryOperator, _ left: Value, _ right: Value, at position: SourcePosition) throws -> Value {
        func scalar(_ value: Value) -> Double? {
            switch value {
            case .int(let int): Double(int)
            case .double(let double): double
            default: nil
            }
        }
        do {
            switch (left, right) {
            case (.matrix(let a), .matrix(let b)):
                switch op {
                case .add: return .matrix(try a + b)
                case .subtract: return .matrix(try a - b)
                case .multiply: return .matrix(try a * b)
                case .divide: return .matrix(try a / b)
                case .equal: return .bool(a == b)
                case .notEqual: return .bool(a != b)
                default: break
                }
            case (.matrix(let a), let other):
                guard let s = scalar(other) else { break }
                switch op {
                case .add: return .matrix(a + s)
                case .subtract: return .matrix(a - s)
                case .multiply: return .matrix(a * s)
                case .divide: return .matrix(a / s)
                default: break
                }
            case (let other, .matrix(let b)):
                guard let s = scalar(other) else { break }
                switch op {
                case .add: return .matrix(b + s)
                case .subtract: return .matrix(b.map { s - $0 })
                case .multiply: return .matrix(s * b)
                default: break
                }
            default: break
            }
        } catch {
            throw RuntimeError(message: "\(error)", position: position, hint: "'*' is elementwise; use matmul(A, B) for the matrix product")
        }
        throw RuntimeError(
            message: "binary operator '\(op.rawValue)' cannot be applied to \(left.typeName) and \(right.typeName)",
            position: position, hint: nil)
    }

    /// Structural equality; functions and figures are not comparable. Two values of one
    /// struct (or built-in record) type are equal when all their stored properties are, as
    /// a Swift struct that declares `Equatable` compares; values of two types never compare.
    func equal(_ left: Value, _ right: Value, at position: SourcePosition) throws -> Bool {
        switch (left, right) {
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): return Double(a) == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.void, .void): return true
        case (.range(let a, let b), .range(let c, let d)): return a == c && b == d
        case (.matrix(let a), .matrix(let b)): return a == b
        case (.enumCase(_, let a), .enumCase(_, let b)): return a == b
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where try !equal(x, y, at: position) { return false }
            return true
        case (.tuple(let a), .tuple(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where try !equal(x.value, y.value, at: position) { return false }
            return true
        case (.record(let a), .record(let b)) where a.typeName == b.typeName:
            guard a.fields.count == b.fields.count else { return false }
            for (x, y) in zip(a.fields, b.fields) where try x.name != y.name || !equal(x.value, y.value, at: position) { return false }
            return true
        case (.dictionary(let a), .dictionary(let b)):
            guard a.count == b.count else { return false }
            for entry in a.entries {
                guard let other = b[entry.key], try equal(entry.value, other, at: position) else { return false }
            }
            return true
        default:
            throw RuntimeError(
                message: "cannot compare \(left.typeName) with \(right.typeName)", position: position, hint: nil)
        }
    }
}
