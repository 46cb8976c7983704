/// A `func` over Ints, Doubles and Bools compiled to scalar code (ScalarCompiler): its
/// parameters, locals and result live as raw bits in a frame allocated on the stack for
/// each call, so a call builds no scope, saves no bindings and boxes no value. Calls
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
    /// The compiled body, set once compiled (a callee is referred to before: a recursive
    /// call, while its own body compiles). Calls read it through `code`, unmanaged and used
    /// as a guaranteed reference: a closure read out of a variable, or a reference out of
    /// an unowned one, is retained and released at every call, which cost more than the call.
    private var compiled: ScalarBody?
    private var code = Unmanaged.passUnretained(ScalarBody.notCompiled)
    /// Where a call's stop check reports (the body's first statement, as CompiledFunction).
    private let start: SourcePosition
    /// The evaluator owns this function (through CompiledFunctions), so it outlives it;
    /// unmanaged for the same reason as `code`.
    private let evaluator: Unmanaged<Evaluator>

    /// The signature of `closure`, nil when it is not a scalar function's.
    init?(signatureOf closure: Closure, evaluator: Evaluator) {
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
        parameterTypes = types
        parameterLabels = literal.parameters.map(\.label)
        self.resultType = resultType
        start = literal.body.first?.position ?? literal.position
        self.evaluator = Unmanaged.passUnretained(evaluator)
    }

    /// A call from scalar code: `bind` writes the arguments (already evaluated in the
    /// caller's frame) into slots 1…, then the call runs one level deeper.
    @inline(__always)
    func call(at position: SourcePosition, _ bind: (ScalarFrame) -> Void) throws -> UInt64 {
        try code._withUnsafeGuaranteedRef { body in
            try withUnsafeTemporaryAllocation(of: UInt64.self, capacity: body.frameSize) { buffer in
                let frame = buffer.baseAddress!
                bind(frame)
                return try evaluator._withUnsafeGuaranteedRef { evaluator in
                    try evaluator.nestingCall(at: position) { try run(frame, body, evaluator) }
                }
            }
        }
    }

    /// CompiledFunction's body: the arguments bound in `scope`'s first slots, the depth
    /// already counted by the caller. Nil when an argument is not of its parameter's type
    /// (the function is then run as compiled code instead).
    func run(parametersOf scope: Scope) throws -> Value? {
        let body = code.takeUnretainedValue()
        return try withUnsafeTemporaryAllocation(of: UInt64.self, capacity: body.frameSize) { buffer in
            let frame = buffer.baseAddress!
            for (index, type) in parameterTypes.enumerated() {
                guard let bits = type.bits(scope[slot: index]) else { return nil }
                frame[index + 1] = bits
            }
            return resultType.value(try run(frame, body, evaluator.takeUnretainedValue()))
        }
    }

    @inline(__always)
    private func run(_ frame: ScalarFrame, _ body: ScalarBody, _ evaluator: Evaluator) throws -> UInt64 {
        try evaluator.tick(at: start)
        _ = try body.block(frame)
        return frame[0]
    }

    /// Sets the compiled body, which needs `frameSize` slots.
    func install(_ block: @escaping ScalarBlock, frameSize: Int) {
        let body = ScalarBody(block: block, frameSize: frameSize)
        compiled = body
        code = Unmanaged.passUnretained(body)
    }

    /// Drops the compiled body (it holds its callees, and a recursive one itself).
    func forget() {
        code = Unmanaged.passUnretained(ScalarBody.notCompiled)
        compiled = nil
    }
}

/// A scalar function's compiled body and the slots its frame needs.
/// Its fields are constants, and the shared `notCompiled` only throws: safe to share.
final class ScalarBody: @unchecked Sendable {
    let block: ScalarBlock
    /// Slots per call: the result (slot 0), the parameters (1…), then the locals.
    let frameSize: Int

    init(block: @escaping ScalarBlock, frameSize: Int) {
        self.block = block
        self.frameSize = frameSize
    }

    /// The body of a function not compiled (yet, or any more): no call reaches it, since
    /// code that calls a function is dropped with it.
    static let notCompiled = ScalarBody(block: { _ in
        throw RuntimeError(message: "internal error: a scalar function was called before it was compiled", position: SourcePosition(line: 0, column: 0), hint: nil)
    }, frameSize: 1)
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
        var compiler = ScalarCompiler(function: function, closure: closure, evaluator: evaluator, functions: self)
        let compiled = compiler.compileBody()
        if !compiled {
            // The functions compiled since this one started may call it: they are dropped
            // with it (and compiled again when asked for), and this one is refused.
            settle(from: key, keeping: false)
            entries[key] = .refused(closure)
            return nil
        }
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
