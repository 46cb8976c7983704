/// A `func` over Ints, Doubles and Bools compiled to scalar code (ScalarCompiler): its
/// parameters, locals and temporaries live as raw bits in a frame on the machine's own
/// stack (ScalarMachine), so a call builds no scope, saves no bindings and boxes no value. Calls
/// between scalar functions (`fib(n - 1) + fib(n - 2)`) stay in scalar code; the first
/// call from the evaluator enters through `run(parametersOf:)`.
///
/// Only a function whose meaning scalar code keeps exactly is compiled (see
/// ScalarCompiler): every parameter and the result declared `Int`, `Double` or `Bool`, no
/// default values, every path ending in a `return` of the declared type, and a body that
/// reads only its own parameters and locals and calls only scalar functions and built-ins
/// of scalars. Errors (overflow, division by zero, a built-in's failure, timeouts, calls
/// nested too deep) are the evaluator's own, at the same positions.
final class ScalarFunction {
    let parameterTypes: [ScalarType]
    /// The argument labels the parameters take (nil for `_`).
    let parameterLabels: [String?]
    let resultType: ScalarType
    /// Where a call's stop check reports (the body's first statement, as CompiledFunction).
    let start: SourcePosition
    /// The compiled code as the machine reads it, at an address fixed for the function's
    /// life: callers compiled before it (a recursive call) refer to it there.
    let routine: UnsafeMutablePointer<ScalarRoutine>
    /// The compiled body, which owns the memory `routine` points into.
    private var body: ScalarBody?
    /// The evaluator owns this function (through CompiledFunctions), so it outlives it;
    /// unsafe, so that an entry from the evaluator (once per call of a loop) retains nothing.
    private unowned(unsafe) let evaluator: Evaluator

    /// The signature of `closure`, nil when it is not a scalar function's.
    convenience init?(signatureOf closure: Closure, evaluator: Evaluator) {
        let literal = closure.literal
        guard literal.name != nil, !literal.bodyMakesClosures, let returnType = literal.returnType,
            let resultType = ScalarType(evaluator.valueType(of: returnType))
        else { return nil }
        var types: [ScalarType] = []
        for parameter in literal.parameters {
            guard parameter.defaultValue == nil, let annotation = parameter.type, let type = ScalarType(evaluator.valueType(of: annotation))
            else { return nil }
            types.append(type)
        }
        self.init(
            parameterTypes: types, labels: literal.parameters.map(\.label), resultType: resultType,
            start: literal.body.first?.position ?? literal.position, evaluator: evaluator)
    }

    /// A function of this signature, not compiled yet.
    init(parameterTypes: [ScalarType], labels: [String?], resultType: ScalarType, start: SourcePosition, evaluator: Evaluator) {
        self.parameterTypes = parameterTypes
        parameterLabels = labels
        self.resultType = resultType
        self.start = start
        self.evaluator = evaluator
        routine = .allocate(capacity: 1)
        routine.initialize(to: ScalarBody.notCompiled.routine(parameterCount: parameterTypes.count))
    }

    deinit { routine.deallocate() }

    /// CompiledFunction's body: the arguments bound in `scope`'s first slots, the depth
    /// already counted by the caller. Nil when an argument is not of its parameter's type
    /// (the function is then run as compiled code instead).
    func run(parametersOf scope: Scope) throws -> Value? {
        let bits = try ScalarMachine.run(self, evaluator: evaluator) { frame in
            for (index, type) in parameterTypes.enumerated() {
                guard let bits = type.bits(scope[slot: index]) else { return false }
                frame[index] = bits
            }
            return true
        }
        return bits.map(resultType.value)
    }

    /// Sets the compiled body.
    func install(_ body: ScalarBody) {
        self.body = body
        routine.pointee = body.routine(parameterCount: parameterTypes.count)
    }

    /// Drops the compiled body (it holds its callees, and a recursive one itself).
    func forget() {
        routine.pointee = ScalarBody.notCompiled.routine(parameterCount: parameterTypes.count)
        body = nil
    }
}

/// The scalar functions one evaluator has compiled, by closure. A class, not a struct held
/// by the evaluator: compiling one function compiles its callees, which would otherwise be
/// a second access to the evaluator's property while the first is under way.
final class ScalarFunctions {
    private enum Entry {
        case compiled(ScalarFunction)
        /// Being compiled now: a recursive call (or a cycle of calls) refers to it.
        case compiling(ScalarFunction)
        /// Not a scalar function; the closure is held so its identifier is not reused.
        case refused(Closure)
    }

    private var entries: [ObjectIdentifier: Entry] = [:]
    /// The functions whose compiling has started and not yet been settled, outermost first.
    private var underway: [ObjectIdentifier] = []

    /// `closure` as a scalar function, compiled at the first request; nil when it is not one.
    func function(for closure: Closure, evaluator: Evaluator) -> ScalarFunction? {
        let key = ObjectIdentifier(closure)
        switch entries[key] {
        case .compiled(let function)?, .compiling(let function)?: return function
        case .refused?: return nil
        case nil: break
        }
        guard let function = ScalarFunction(signatureOf: closure, evaluator: evaluator) else {
            entries[key] = .refused(closure)
            return nil
        }
        entries[key] = .compiling(function)
        underway.append(key)
        let signature = ScalarSignature(
            parameterNames: closure.parameterNames, parameterTypes: function.parameterTypes, resultType: function.resultType,
            start: function.start)
        var compiler = ScalarCompiler(signature: signature, closure: closure, evaluator: evaluator, functions: self)
        guard let (program, _) = compiler.compileBody() else {
            // The functions compiled since this one started may call it: they are dropped
            // with it (and compiled again when asked for), and this one is refused.
            settle(from: key, keeping: false)
            entries[key] = .refused(closure)
            return nil
        }
        function.install(ScalarBody(program))
        if underway.first == key { settle(from: key, keeping: true) }
        return function
    }

    /// Ends the compiling of `key` and of those started after it: they become compiled, or
    /// are forgotten.
    private func settle(from key: ObjectIdentifier, keeping: Bool) {
        guard let start = underway.firstIndex(of: key) else { return }
        for settled in underway[start...] {
            guard case .compiling(let function)? = entries[settled] else { continue }
            if keeping {
                entries[settled] = .compiled(function)
            } else {
                function.forget()
                entries[settled] = nil
            }
        }
        underway.removeSubrange(start...)
    }

    /// Forgets every function (compiled code holds the functions it calls: this breaks cycles).
    func removeAll() {
        for case .compiled(let function) in entries.values { function.forget() }
        entries = [:]
        underway = []
    }
}
