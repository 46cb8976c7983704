/// The arithmetic and comparisons of compiled code (LoopCompiler) on two Doubles or two
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

extension BinaryOperator {
    /// `InlineOperator.apply` for this operator, or nil when it has no inline form.
    var inlineOperation: ((Value, Value) -> Value?)? {
        switch self {
        case .add: InlineAdd.apply
        case .subtract: InlineSubtract.apply
        case .multiply: InlineMultiply.apply
        case .divide: InlineDivide.apply
        case .remainder: InlineRemainder.apply
        case .less: InlineLess.apply
        case .lessOrEqual: InlineLessOrEqual.apply
        case .greater: InlineGreater.apply
        case .greaterOrEqual: InlineGreaterOrEqual.apply
        case .equal: InlineEqual.apply
        case .notEqual: InlineNotEqual.apply
        case .and, .or, .halfOpenRange, .closedRange: nil
        }
    }
}

private enum InlineAdd: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .double(a + b) }
    static func ints(_ a: Int, _ b: Int) -> Value? { checked(a.addingReportingOverflow(b)) }
}

private enum InlineSubtract: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .double(a - b) }
    static func ints(_ a: Int, _ b: Int) -> Value? { checked(a.subtractingReportingOverflow(b)) }
}

private enum InlineMultiply: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .double(a * b) }
    static func ints(_ a: Int, _ b: Int) -> Value? { checked(a.multipliedReportingOverflow(by: b)) }
}

private enum InlineDivide: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .double(a / b) }
    static func ints(_ a: Int, _ b: Int) -> Value? { b == 0 ? nil : checked(a.dividedReportingOverflow(by: b)) }
}

private enum InlineRemainder: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .double(a.truncatingRemainder(dividingBy: b)) }
    static func ints(_ a: Int, _ b: Int) -> Value? { b == 0 ? nil : checked(a.remainderReportingOverflow(dividingBy: b)) }
}

private enum InlineLess: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .bool(a < b) }
    static func ints(_ a: Int, _ b: Int) -> Value? { .bool(a < b) }
}

private enum InlineLessOrEqual: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .bool(a <= b) }
    static func ints(_ a: Int, _ b: Int) -> Value? { .bool(a <= b) }
}

private enum InlineGreater: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .bool(a > b) }
    static func ints(_ a: Int, _ b: Int) -> Value? { .bool(a > b) }
}

private enum InlineGreaterOrEqual: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .bool(a >= b) }
    static func ints(_ a: Int, _ b: Int) -> Value? { .bool(a >= b) }
}

private enum InlineEqual: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .bool(a == b) }
    static func ints(_ a: Int, _ b: Int) -> Value? { .bool(a == b) }
}

private enum InlineNotEqual: InlineOperator {
    static func doubles(_ a: Double, _ b: Double) -> Value { .bool(a != b) }
    static func ints(_ a: Int, _ b: Int) -> Value? { .bool(a != b) }
}
