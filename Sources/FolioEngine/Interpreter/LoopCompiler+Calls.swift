/// Compiled calls `f(a, b)` of a name bound to a closure or `func`: the callee is looked up
/// (and compiled, CompiledFunction) at each call, since the binding may change; the
/// arguments are evaluated in order, converted to the parameters' types and bound into the
/// callee's frame. One or two arguments (most calls, `fib(n - 1)`) pass as values straight
/// into the frame; more go through the evaluator's argument stack. A callee that is not a
/// compiled function, or takes other arguments, is called by the evaluator.
extension LoopCompiler {
    mutating func call(_ expr: Expr, _ slot: (scope: Scope, index: Int), _ arguments: [Argument], in scope: Scope) -> Code {
        let evaluator = self.evaluator, position = expr.position, count = arguments.count
        func callee() -> CompiledFunction? {
            guard case .function(.closure(let closure)) = slot.scope[slot: slot.index],
                let function = evaluator.compiledFunctions.function(for: closure, evaluator: evaluator),
                function.bindsInOrder(count)
            else { return nil }
            return function
        }
        switch count {
        case 1:
            let argumentOperand = operand(arguments[0].value, in: scope), at = arguments[0].value.position
            return {
                guard let function = callee() else { return try evaluator.evaluate(expr, in: scope) }
                let argument = try function.argument(try argumentOperand.value(), 0, at: at)
                return try evaluator.nestingCall(at: position) { try function.call(argument) }
            }
        case 2:
            let firstOperand = operand(arguments[0].value, in: scope), firstAt = arguments[0].value.position
            let secondOperand = operand(arguments[1].value, in: scope), secondAt = arguments[1].value.position
            return {
                guard let function = callee() else { return try evaluator.evaluate(expr, in: scope) }
                let first = try function.argument(try firstOperand.value(), 0, at: firstAt)
                let second = try function.argument(try secondOperand.value(), 1, at: secondAt)
                return try evaluator.nestingCall(at: position) { try function.call(first, second) }
            }
        default:
            let push = pushArguments(arguments[...], from: 0, in: scope)
            return {
                guard let function = callee() else { return try evaluator.evaluate(expr, in: scope) }
                let base = evaluator.argumentStack.count
                do {
                    try push(function)
                } catch {
                    evaluator.argumentStack.removeLast(evaluator.argumentStack.count - base)
                    throw error
                }
                return try evaluator.run(function, argumentsFrom: base, at: position)
            }
        }
    }

    /// Evaluates `arguments` (number `index` on) and pushes them, converted for `function`,
    /// on the argument stack: a chain of closures, not an array of them (see `chain`).
    private mutating func pushArguments(_ arguments: ArraySlice<Argument>, from index: Int, in scope: Scope) -> (CompiledFunction) throws -> Void {
        guard let first = arguments.first else { return { _ in } }
        let evaluator = self.evaluator, position = first.value.position
        let code = expression(first.value, in: scope)
        let rest = pushArguments(arguments.dropFirst(), from: index + 1, in: scope)
        return { function in
            let value = try function.argument(try code(), index, at: position)
            evaluator.argumentStack.append(value)
            try rest(function)
        }
    }
}
