/// The arithmetic and comparisons of compiled code (LoopCompiler, ScalarMachine) on two Doubles or two
/// Ints, without a call into the evaluator: nil for any other operands, or an Int result
/// that overflows or divides by zero, which the evaluator then handles (and reports) as
/// always. Results are bit for bit the evaluator's (`Evaluator.binary`).
protocol InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value
    static func ints(_ a: Int, _ b: Int) -> Value?
}

extension InlineOperator {
    static func apply(_ a: Value, _ b: Value) -> Value? {
        if case .double(let x) = a, case .double(let y) = b { return doubles(x, y) }
        if case .int(let x) = a, case .int(let y) = b { return ints(x, y) }
        return nil
    }

    /// An Int result, unless it overflowed.
    fileprivate static func checked(_ result: (partialValue: Int, overflow: Bool)) -> Value? {
        result.overflow ? nil : .int(result.partialValue)
    }
}

/// Code built for one inline operator (the compiled `a op b`, `s op= b`): the operator's
/// `apply` is then specialised into that code, not called through a function value.
protocol InlineOperatorClient {
    func build<Operator: InlineOperator>(_ operator: Operator.Type) -> InlineCode
}

/// What an `InlineOperatorClient` builds. A concrete type, not an associated one: a
/// closure returned as a generic result is wrapped in reabstraction thunks.
enum InlineCode {
    case expression(LoopCompiler.Code)
    case statement(LoopCompiler.Block)
    case condition(LoopCompiler.Test)
}

extension BinaryOperator {
    /// `client`'s code for this operator, or nil when it has no inline form.
    func inline(_ client: some InlineOperatorClient) -> InlineCode? {
        switch self {
        case .add: client.build(InlineAdd.self)
        case .subtract: client.build(InlineSubtract.self)
        case .multiply: client.build(InlineMultiply.self)
        case .divide: client.build(InlineDivide.self)
        case .remainder: client.build(InlineRemainder.self)
        case .less: client.build(InlineLess.self)
        case .lessOrEqual: client.build(InlineLessOrEqual.self)
        case .greater: client.build(InlineGreater.self)
        case .greaterOrEqual: client.build(InlineGreaterOrEqual.self)
        case .equal: client.build(InlineEqual.self)
        case .notEqual: client.build(InlineNotEqual.self)
        case .and, .or, .halfOpenRange, .closedRange: nil
        }
    }
}

/// Compiled `a op b`: inline on two Doubles or Ints, otherwise `Evaluator.binary`.
struct InlineBinary: InlineOperatorClient {
    let op: BinaryOperator
    let left: Operand, right: Operand
    let evaluator: Evaluator
    let position: SourcePosition

    func build<Operator: InlineOperator>(_ operator: Operator.Type) -> InlineCode {
        let (op, left, right, evaluator, position) = (op, left, right, evaluator, position)
        return .expression {
            let a = try left.value(), b = try right.value()
            if let result = Operator.apply(a, b) { return result }
            return try evaluator.binary(op, a, b, at: position)
        }
    }
}

/// A compiled condition `a op b` for a comparison (`if n < 2`): the comparison's Bool
/// itself, without making a Bool value and taking it apart (`Evaluator.truth`); other
/// operands go to `Evaluator.binary` and `truth`, which report as always.
struct InlineCondition: InlineOperatorClient {
    let op: BinaryOperator
    let left: Operand, right: Operand
    let evaluator: Evaluator
    let position: SourcePosition

    func build<Operator: InlineOperator>(_ operator: Operator.Type) -> InlineCode {
        let (op, left, right, evaluator, position) = (op, left, right, evaluator, position)
        return .condition {
            let a = try left.value(), b = try right.value()
            if let result = Operator.apply(a, b), case .bool(let holds) = result { return holds }
            return try evaluator.truth(try evaluator.binary(op, a, b, at: position), at: position)
        }
    }
}

/// Compiled `name op= value`: inline on two Doubles or Ints, otherwise `Evaluator.assign`
/// (which appends to strings and arrays in place).
struct InlineCompound: InlineOperatorClient {
    let op: BinaryOperator
    let slot: (scope: Scope, index: Int)
    let value: Operand
    let evaluator: Evaluator
    let position: SourcePosition

    func build<Operator: InlineOperator>(_ operator: Operator.Type) -> InlineCode {
        let (op, slot, value, evaluator, position) = (op, slot, value, evaluator, position)
        return .statement {
            let newValue = try value.value()
            if let result = Operator.apply(slot.scope[slot: slot.index], newValue) {
                slot.scope[slot: slot.index] = result
            } else {
                try evaluator.assign(op, newValue, to: &slot.scope[slot: slot.index], at: position)
            }
            return .normal
        }
    }
}

enum InlineAdd: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .double(a + b) }
    static func ints(_ a: Int, _ b: Int) -> Value? { checked(a.addingReportingOverflow(b)) }
}

enum InlineSubtract: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .double(a - b) }
    static func ints(_ a: Int, _ b: Int) -> Value? { checked(a.subtractingReportingOverflow(b)) }
}

enum InlineMultiply: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .double(a * b) }
    static func ints(_ a: Int, _ b: Int) -> Value? { checked(a.multipliedReportingOverflow(by: b)) }
}

enum InlineDivide: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .double(a / b) }
    static func ints(_ a: Int, _ b: Int) -> Value? { b == 0 ? nil : checked(a.dividedReportingOverflow(by: b)) }
}

enum InlineRemainder: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .double(a.truncatingRemainder(dividingBy: b)) }
    static func ints(_ a: Int, _ b: Int) -> Value? { b == 0 ? nil : checked(a.remainderReportingOverflow(dividingBy: b)) }
}

enum InlineLess: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .bool(a < b) }
    static func ints(_ a: Int, _ b: Int) -> Value? { .bool(a < b) }
}

enum InlineLessOrEqual: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .bool(a <= b) }
    static func ints(_ a: Int, _ b: Int) -> Value? { .bool(a <= b) }
}

enum InlineGreater: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .bool(a > b) }
    static func ints(_ a: Int, _ b: Int) -> Value? { .bool(a > b) }
}

enum InlineGreaterOrEqual: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .bool(a >= b) }
    static func ints(_ a: Int, _ b: Int) -> Value? { .bool(a >= b) }
}

enum InlineEqual: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .bool(a == b) }
    static func ints(_ a: Int, _ b: Int) -> Value? { .bool(a == b) }
}

enum InlineNotEqual: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .bool(a != b) }
    static func ints(_ a: Int, _ b: Int) -> Value? { .bool(a != b) }
}
