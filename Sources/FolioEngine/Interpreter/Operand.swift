/// An operand of compiled code (operators, call arguments, `return`): a slot, a constant or
/// any other compiled expression. The common `n - 1`, `x < y` and `$0 * 2.0` then read their
/// operands in place, without calling a closure for each.
enum Operand {
    case slot(Scope, Int)
    case constant(Value)
    case code(LoopCompiler.Code)

    @inline(__always)
    func value() throws -> Value {
        switch self {
        case .slot(let scope, let index): scope[slot: index]
        case .constant(let value): value
        case .code(let code): try code()
        }
    }
}

extension LoopCompiler {
    /// `expr` as an operand: a number literal, or a name bound in a slot, is read directly.
    mutating func operand(_ expr: Expr, in scope: Scope) -> Operand {
        switch expr.kind {
        case .int(let number): return .constant(.int(number))
        case .double(let number): return .constant(.double(number))
        case .name(let name):
            if let slot = scope.slot(of: name) { return .slot(slot.scope, slot.index) }
        case .anonymousArgument(let index):
            if let slot = scope.slot(of: Evaluator.anonymousName(index)) { return .slot(slot.scope, slot.index) }
        default: break
        }
        return .code(expression(expr, in: scope))
    }
}
