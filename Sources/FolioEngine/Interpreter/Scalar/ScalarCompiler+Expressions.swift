/// Scalar expressions: literals, locals, arithmetic and comparisons (InlineOperator, so the
/// results are bit for bit the evaluator's; an Int meeting a Double is promoted as
/// `Evaluator.binary` promotes it), `&&`, `||`, `!`, unary minus, `?:`, calls of scalar
/// functions and of built-ins that take and return scalars.
extension ScalarCompiler {
    func expression(_ expr: Expr) throws(NotScalar) -> TypedOperand {
        switch expr.kind {
        case .int(let number): return TypedOperand(type: .int, operand: .constant(UInt64(truncatingIfNeeded: number)))
        case .double(let number): return TypedOperand(type: .double, operand: .constant(number.bitPattern))
        case .bool(let flag): return TypedOperand(type: .bool, operand: .constant(flag ? 1 : 0))
        case .name(let name):
            guard let local = local(name) else { throw NotScalar() }
            return TypedOperand(type: local.type, operand: .slot(local.slot))
        case .binary(let op, let left, let right):
            return try binary(op, try expression(left), try expression(right), at: expr.position)
        case .prefix(let op, let operand):
            return try prefix(op, try expression(operand), at: expr.position)
        case .ternary(let condition, let then, let otherwise):
            let test = try expression(condition), a = try expression(then), b = try expression(otherwise)
            guard test.type == .bool, a.type == b.type else { throw NotScalar() }
            let (holds, first, second) = (test.operand, a.operand, b.operand)
            return TypedOperand(type: a.type, operand: .code { frame in try holds.bits(frame) != 0 ? try first.bits(frame) : try second.bits(frame) })
        case .call(let callee, let arguments):
            return try call(callee, arguments, at: expr.position)
        default:
            throw NotScalar()
        }
    }

    /// `left op right`; refused (NotScalar) for operands the operator does not take in scalar code.
    func binary(_ op: BinaryOperator, _ left: TypedOperand, _ right: TypedOperand, at position: SourcePosition) throws(NotScalar)
        -> TypedOperand
    {
        switch op {
        case .and, .or:
            guard left.type == .bool, right.type == .bool else { throw NotScalar() }
            let isAnd = op == .and, (first, second) = (left.operand, right.operand)
            return TypedOperand(type: .bool, operand: .code { frame in
                let holds = try first.bits(frame) != 0
                if holds != isAnd { return holds ? 1 : 0 }
                return try second.bits(frame)
            })
        case .halfOpenRange, .closedRange:
            throw NotScalar()
        default:
            break
        }
        let resultType: ScalarType
        let isInteger: Bool
        if left.type == .bool || right.type == .bool {
            // Bools only compare for equality, which their bits 0 and 1 decide as Ints do.
            guard left.type == .bool, right.type == .bool, op == .equal || op == .notEqual else { throw NotScalar() }
            (resultType, isInteger) = (.bool, true)
        } else {
            isInteger = left.type == .int && right.type == .int
            resultType = op.isComparison ? .bool : isInteger ? .int : .double
        }
        let client = ScalarInlineOperator(
            op: op, isInteger: isInteger, resultType: resultType,
            left: isInteger ? left.operand : Self.double(left), right: isInteger ? right.operand : Self.double(right),
            evaluator: evaluator, position: position)
        guard case .scalar(let code)? = op.inline(client) else { throw NotScalar() }
        return TypedOperand(type: resultType, operand: .code(code))
    }

    private func prefix(_ op: PrefixOperator, _ value: TypedOperand, at position: SourcePosition) throws(NotScalar) -> TypedOperand {
        let evaluator = self.evaluator, operand = value.operand
        switch (op, value.type) {
        case (.not, .bool):
            return TypedOperand(type: .bool, operand: .code { frame in try operand.bits(frame) == 0 ? 1 : 0 })
        case (.plus, .int), (.plus, .double):
            return value
        case (.negate, .double):
            if case .constant(let bits) = operand { return TypedOperand(type: .double, operand: .constant((-Double(bitPattern: bits)).bitPattern)) }
            return TypedOperand(type: .double, operand: .code { frame in (-Double(bitPattern: try operand.bits(frame))).bitPattern })
        case (.negate, .int):
            if case .constant(let bits) = operand, Int(truncatingIfNeeded: bits) != .min {
                return TypedOperand(type: .int, operand: .constant(UInt64(truncatingIfNeeded: -Int(truncatingIfNeeded: bits))))
            }
            return TypedOperand(type: .int, operand: .code { frame in
                let int = Int(truncatingIfNeeded: try operand.bits(frame))
                let (negated, overflow) = Int(0).subtractingReportingOverflow(int)
                if overflow { return try ScalarType.int.bits(try evaluator.prefix(.negate, .int(int), at: position), at: position) }
                return UInt64(truncatingIfNeeded: negated)
            })
        default:
            throw NotScalar()
        }
    }

    /// `value` as a Double: an Int promoted (`Double(i)`), as a parameter or a binding of
    /// type Double converts it.
    static func double(_ value: TypedOperand) -> ScalarOperand {
        guard value.type == .int else { return value.operand }
        switch value.operand {
        case .constant(let bits): return .constant(Double(Int(truncatingIfNeeded: bits)).bitPattern)
        case let operand: return .code { frame in Double(Int(truncatingIfNeeded: try operand.bits(frame))).bitPattern }
        }
    }

    /// `value` converted to `type` as a declared type converts it (an Int to a Double).
    static func converted(_ value: TypedOperand, to type: ScalarType) throws(NotScalar) -> TypedOperand {
        if value.type == type { return value }
        guard value.type == .int, type == .double else { throw NotScalar() }
        return TypedOperand(type: .double, operand: double(value))
    }
}

/// Scalar code for one inline operator (InlineOperator) on two Ints or two Doubles. An Int
/// result that overflows or divides by zero goes to `Evaluator.binary`, which reports it.
struct ScalarInlineOperator: InlineOperatorClient {
    let op: BinaryOperator
    let isInteger: Bool
    let resultType: ScalarType
    let left: ScalarOperand, right: ScalarOperand
    let evaluator: Evaluator
    let position: SourcePosition

    func build<Operator: InlineOperator>(_ operator: Operator.Type) -> InlineCode {
        let (op, resultType, left, right, evaluator, position) = (op, resultType, left, right, evaluator, position)
        if isInteger {
            return .scalar { frame in
                let a = Int(truncatingIfNeeded: try left.bits(frame)), b = Int(truncatingIfNeeded: try right.bits(frame))
                switch Operator.ints(a, b) {
                case .int(let result)?: return UInt64(truncatingIfNeeded: result)
                case .bool(let holds)?: return holds ? 1 : 0
                default: return try resultType.bits(try evaluator.binary(op, .int(a), .int(b), at: position), at: position)
                }
            }
        }
        return .scalar { frame in
            let a = Double(bitPattern: try left.bits(frame)), b = Double(bitPattern: try right.bits(frame))
            switch Operator.doubles(a, b) {
            case .double(let result): return result.bitPattern
            case .bool(let holds): return holds ? 1 : 0
            default: return try resultType.bits(try evaluator.binary(op, .double(a), .double(b), at: position), at: position)
            }
        }
    }
}
