/// A function that a built-in calls once per element (`map`, `filter`, `reduce`, `sorted`),
/// resolved once before the first element: a closure is compiled at once (it will be called
/// many times) and each call binds its one or two arguments straight into the compiled
/// frame, with no argument array and no lookup; a closure literal over scalars runs as
/// scalar code (ScalarClosure) for arguments of the first call's types. Any other function, or a closure that
/// cannot be compiled or does not take that many arguments, is called as
/// `Evaluator.callFunction` calls it, with the same results and errors. A class, so that
/// the closure of `map` holds a reference rather than copying these fields at every call.
final class PreparedCall {
    private let function: Value
    private let compiled: CompiledFunction?
    private let evaluator: Evaluator
    private let position: SourcePosition
    /// The closure as scalar code, for arguments of the first call's types (ScalarClosure).
    private let scalarCode: ScalarClosure?
    /// Its entry, which the calls read without a retain and a release each.
    private let scalar: ScalarClosure.Entry?

    /// `function`, to be called with `arity` (1 or 2) unlabelled arguments at `position`,
    /// the first time with `firstCall` if known.
    init(_ function: Value, arity: Int, firstCall: [Value]?, evaluator: Evaluator, at position: SourcePosition) {
        self.function = function
        self.evaluator = evaluator
        self.position = position
        guard case .function(.closure(let closure)) = function,
            let compiled = evaluator.compiledFunctions.functionCompiledNow(for: closure, evaluator: evaluator),
            compiled.bindsInOrder(arity)
        else {
            self.compiled = nil
            (scalarCode, scalar) = (nil, nil)
            return
        }
        self.compiled = compiled
        scalarCode = firstCall.flatMap { ScalarClosure(closure, arguments: $0, evaluator: evaluator) }
        scalar = scalarCode?.entry
    }

    func callAsFunction(_ argument: Value) throws -> Value {
        if let scalar, let result = try scalar.call(argument) { return result }
        guard let compiled else { return try evaluator.callFunction(function, with: [argument], at: position) }
        return try evaluator.nestingCall(at: position) { try compiled.call(argument) }
    }

    func callAsFunction(_ first: Value, _ second: Value) throws -> Value {
        if let scalar, let result = try scalar.call(first, second) { return result }
        guard let compiled else { return try evaluator.callFunction(function, with: [first, second], at: position) }
        return try evaluator.nestingCall(at: position) { try compiled.call(first, second) }
    }
}
