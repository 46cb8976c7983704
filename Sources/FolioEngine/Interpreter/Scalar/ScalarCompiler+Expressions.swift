/// Scalar expressions: literals, locals, arithmetic and comparisons (the InlineOperator
/// types run them, so the results are bit for bit the evaluator's; an Int meeting a Double
/// is promoted as `Evaluator.binary` promotes it), `&&`, `||`, `!`, unary minus, `?:`, calls
/// of scalar functions and of built-ins that take and return scalars.
extension ScalarCompiler {
    mutating func expression(_ expr: Expr) throws(NotScalar) -> TypedSlot {
        switch expr.kind {
        case .int(let number): return TypedSlot(type: .int, slot: constant(UInt64(truncatingIfNeeded: number)))
        case .double(let number): return TypedSlot(type: .double, slot: constant(number.bitPattern))
        case .bool(let flag): return TypedSlot(type: .bool, slot: constant(flag ? 1 : 0))
        case .name(let name):
            return try read(name)
        case .anonymousArgument(let index):
            // Never captured: `$1` of a closure called with one argument is an error.
            guard let local = local(Evaluator.anonymousName(index)) else { throw NotScalar() }
            return TypedSlot(type: local.type, slot: local.slot)
        case .binary(let op, let left, let right) where op == .and || op == .or:
            return try logical(op, left, right, at: expr.position)
        case .binary(let op, let left, let right):
            return try binary(op, try expression(left), try expression(right), at: expr.position)
        case .prefix(let op, let operand):
            return try prefix(op, try expression(operand), at: expr.position)
        case .ternary(let condition, let then, let otherwise):
            let test = try expression(condition)
            guard test.type == .bool else { throw NotScalar() }
            let result = temporary()
            let skip = emit(.jumpIfFalse, a: test.slot, at: expr.position)
            let first = try expression(then)
            emit(.move, a: result, b: first.slot, at: expr.position)
            let end = emit(.jump, at: expr.position)
            patch(skip)
            let second = try expression(otherwise)
            guard first.type == second.type else { throw NotScalar() }
            emit(.move, a: result, b: second.slot, at: expr.position)
            patch(end)
            return TypedSlot(type: first.type, slot: result)
        case .call(let callee, let arguments):
            return try call(callee, arguments, at: expr.position)
        default:
            throw NotScalar()
        }
    }

    /// A local, or a captured scalar as a constant when the signature allows it.
    private mutating func read(_ name: String) throws(NotScalar) -> TypedSlot {
        if let local = local(name) { return TypedSlot(type: local.type, slot: local.slot) }
        guard signature.capturesValues, let slot = closure.scope.slot(of: name) else { throw NotScalar() }
        let value = slot.scope[slot: slot.index]
        guard let type = ScalarType(of: value), let bits = type.bits(value) else { throw NotScalar() }
        return TypedSlot(type: type, slot: constant(bits))
    }

    /// `left && right`, `left || right`: `right` runs only when `left` does not decide.
    private mutating func logical(_ op: BinaryOperator, _ leftExpr: Expr, _ rightExpr: Expr, at position: SourcePosition) throws(NotScalar)
        -> TypedSlot
    {
        let left = try expression(leftExpr)
        guard left.type == .bool else { throw NotScalar() }
        let result = temporary()
        emit(.move, a: result, b: left.slot, at: position)
        let decided = emit(op == .and ? .jumpIfFalse : .jumpIfTrue, a: result, at: position)
        let right = try expression(rightExpr)
        guard right.type == .bool else { throw NotScalar() }
        emit(.move, a: result, b: right.slot, at: position)
        patch(decided)
        return TypedSlot(type: .bool, slot: result)
    }

    /// `left op right` for an arithmetic operator or a comparison; refused (NotScalar) for
    /// operands the operator does not take in scalar code.
    mutating func binary(_ op: BinaryOperator, _ left: TypedSlot, _ right: TypedSlot, at position: SourcePosition) throws(NotScalar)
        -> TypedSlot
    {
        guard let opcodes = Self.opcodes(op) else { throw NotScalar() }
        if left.type == .bool || right.type == .bool {
            // Bools only compare for equality, which their bits 0 and 1 decide as Ints do.
            guard left.type == .bool, right.type == .bool, op == .equal || op == .notEqual else { throw NotScalar() }
            return result(.bool, opcodes.int, b: left.slot, c: right.slot, at: position)
        }
        let resultType: ScalarType = op.isComparison ? .bool : left.type == .int && right.type == .int ? .int : .double
        if left.type == .int && right.type == .int { return result(resultType, opcodes.int, b: left.slot, c: right.slot, at: position) }
        let (a, b) = (double(left, at: position), double(right, at: position))
        return result(resultType, opcodes.double, b: a.slot, c: b.slot, at: position)
    }

    /// The instructions of `op` on two Ints and on two Doubles; nil for `&&`, `||` and ranges.
    private static func opcodes(_ op: BinaryOperator) -> (int: ScalarOpcode, double: ScalarOpcode)? {
        switch op {
        case .add: (.addInt, .addDouble)
        case .subtract: (.subtractInt, .subtractDouble)
        case .multiply: (.multiplyInt, .multiplyDouble)
        case .divide: (.divideInt, .divideDouble)
        case .remainder: (.remainderInt, .remainderDouble)
        case .less: (.lessInt, .lessDouble)
        case .lessOrEqual: (.lessOrEqualInt, .lessOrEqualDouble)
        case .greater: (.greaterInt, .greaterDouble)
        case .greaterOrEqual: (.greaterOrEqualInt, .greaterOrEqualDouble)
        case .equal: (.equalInt, .equalDouble)
        case .notEqual: (.notEqualInt, .notEqualDouble)
        case .and, .or, .halfOpenRange, .closedRange: nil
        }
    }

    private mutating func prefix(_ op: PrefixOperator, _ value: TypedSlot, at position: SourcePosition) throws(NotScalar) -> TypedSlot {
        switch (op, value.type) {
        case (.not, .bool):
            return result(.bool, .not, b: value.slot, at: position)
        case (.plus, .int), (.plus, .double):
            return value
        case (.negate, .double):
            if let bits = constantBits(value) { return TypedSlot(type: .double, slot: constant((-Double(bitPattern: bits)).bitPattern)) }
            return result(.double, .negateDouble, b: value.slot, at: position)
        case (.negate, .int):
            if let bits = constantBits(value), Int(truncatingIfNeeded: bits) != .min {
                return TypedSlot(type: .int, slot: constant(UInt64(truncatingIfNeeded: -Int(truncatingIfNeeded: bits))))
            }
            return result(.int, .negateInt, b: value.slot, at: position)
        default:
            throw NotScalar()
        }
    }

    /// The bits of a constant operand, nil for any other.
    private func constantBits(_ value: TypedSlot) -> UInt64? {
        value.slot < 0 ? program.constants[Int(-1 - value.slot)] : nil
    }

    /// `value` as a Double: an Int promoted (`Double(i)`), as a parameter or a binding of
    /// type Double converts it.
    mutating func double(_ value: TypedSlot, at position: SourcePosition) -> TypedSlot {
        guard value.type == .int else { return value }
        if let bits = constantBits(value) { return TypedSlot(type: .double, slot: constant(Double(Int(truncatingIfNeeded: bits)).bitPattern)) }
        return result(.double, .intToDouble, b: value.slot, at: position)
    }

    /// `value` converted to `type` as a declared type converts it (an Int to a Double).
    mutating func converted(_ value: TypedSlot, to type: ScalarType, at position: SourcePosition) throws(NotScalar) -> TypedSlot {
        if value.type == type { return value }
        guard value.type == .int, type == .double else { throw NotScalar() }
        return double(value, at: position)
    }
}
