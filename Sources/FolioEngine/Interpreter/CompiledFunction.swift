/// A closure or `func` compiled (LoopCompiler) for the evaluator that calls it, so that a
/// call neither builds a scope nor walks the body: one frame scope, reused by every call,
/// holds the parameters and the body's own `let`/`var` names, and the body reads them
/// through slots.
///
/// Only a body that makes no closures, functions or structs is compiled: nothing can then
/// capture the frame, so reusing it is invisible. A recursive call saves the bindings of
/// the call it interrupts and restores them when it returns. A function over scalars runs
/// as scalar code (ScalarFunction) instead, when its arguments are of the declared types.
/// A compiled function belongs to one evaluator, that is one cell run on one thread (a
/// function of an earlier cell may be called by several cells at once: each compiles its own).
final class CompiledFunction {
    let closure: Closure
    /// The declared parameter types (nil: untyped), which arguments are converted to.
    private let parameterTypes: [(annotation: TypeAnnotation, type: ValueType)?]
    /// The same types as plain tags, for `argument`'s common case: reading an indirect
    /// `ValueType` out of `parameterTypes` costs a retain and a release per argument.
    private let parameterKinds: [ParameterKind]
    /// Parameters (or the `$0`, `$1`, … a closure without a parameter list uses) come first.
    private let frame: Scope
    private let parameterCount: Int
    private let frameSize: Int
    /// Whether calls pass `$0`, `$1`, … (at least `parameterCount` values, unconverted).
    private let isAnonymous: Bool
    /// Whether the parameters have no argument labels (or a closure's, which calls never write).
    private let isUnlabelled: Bool
    private let body: () throws -> Value
    /// Calls of this function under way (more than one when it recursed).
    private var activeCalls = 0
    /// The bindings of interrupted calls, `frameSize` values each, innermost last.
    private var savedBindings: [Value] = []

    /// Compiles `closure`, or nil when its body makes closures (see above), uses one of
    /// its names before declaring it (`usesNameBeforeDeclaring`) or its parameter names repeat.
    init?(_ closure: Closure, evaluator: Evaluator, scalars: ScalarFunctions) {
        let literal = closure.literal
        guard !literal.bodyMakesClosures else { return nil }
        self.closure = closure
        isAnonymous = literal.parameters.isEmpty && literal.name == nil
        isUnlabelled = literal.name == nil || literal.parameters.allSatisfy { $0.label == nil }
        let parameterNames = isAnonymous ? (0..<literal.anonymousArgumentCount).map(Evaluator.anonymousName) : closure.parameterNames
        parameterTypes = literal.parameters.map { parameter in parameter.type.map { ($0, evaluator.valueType(of: $0)) } }
        parameterKinds = parameterTypes.map { ParameterKind($0?.type) }
        parameterCount = parameterNames.count
        let framed = Scope(parent: closure.scope)
        for name in parameterNames { framed.define(name, .void, isVar: false) }
        guard framed.bindingCount == parameterCount, !literal.body.usesNameBeforeDeclaring(bound: Set(parameterNames)) else {
            return nil
        }
        for statement in literal.body {
            if case .binding(let isVar, let pattern, _, _) = statement.kind {
                for (name, _) in pattern.names { framed.define(name, .void, isVar: isVar) }
            }
        }
        frame = framed
        frameSize = framed.bindingCount
        var compiler = LoopCompiler(evaluator: evaluator, compilesNestedLoops: false)
        let general = compiler.functionBody(literal.body, in: framed, at: literal.position)
        if let scalar = scalars.function(for: closure, evaluator: evaluator) {
            body = { try scalar.run(parametersOf: framed) ?? general() }
        } else {
            body = general
        }
    }

    /// Whether `count` unlabelled arguments bind to the parameters one each, in order (as
    /// `Evaluator.apply` binds them; other calls take the evaluator's way).
    func bindsInOrder(_ count: Int) -> Bool {
        isAnonymous ? count >= parameterCount : count == parameterCount && isUnlabelled
    }

    /// Argument `index`, converted to its parameter's declared type.
    func argument(_ value: Value, _ index: Int, at position: SourcePosition) throws -> Value {
        if isAnonymous { return value }
        switch parameterKinds[index] {
        case .untyped: return value
        case .int: if case .int = value { return value }
        case .double: if case .double = value { return value }
        case .other: break
        }
        guard let (annotation, type) = parameterTypes[index] else { return value }
        guard let converted = type.convert(value) else { throw Evaluator.argumentMismatch(value, annotation, at: position) }
        return converted
    }

    /// Runs the body with `arguments` (at least the parameters, already converted) bound.
    func call(_ arguments: [Value]) throws -> Value {
        try run { frame in
            for index in 0..<parameterCount { frame[slot: index] = arguments[index] }
        }
    }

    /// Runs the body with `argument` bound to the first parameter, if any (a compiled call
    /// converts it first; a built-in's call of its closure, PreparedCall, does not).
    func call(_ argument: Value) throws -> Value {
        try run { frame in
            if parameterCount > 0 { frame[slot: 0] = argument }
        }
    }

    /// Runs the body with `first` and `second` bound to the first two parameters, if any.
    func call(_ first: Value, _ second: Value) throws -> Value {
        try run { frame in
            if parameterCount > 0 { frame[slot: 0] = first }
            if parameterCount > 1 { frame[slot: 1] = second }
        }
    }

    /// Runs the body with the arguments a compiled call pushed on `evaluator.argumentStack`
    /// from `base` on (converted) bound, and pops them: no array is built per call.
    func call(argumentsFrom base: Int, of evaluator: Evaluator) throws -> Value {
        try run { frame in
            for index in 0..<parameterCount { frame[slot: index] = evaluator.argumentStack[base + index] }
            evaluator.argumentStack.removeLast(evaluator.argumentStack.count - base)
        }
    }

    /// Saves the bindings of the call under way, if any, lets `bind` set the parameters,
    /// runs the body and restores the saved bindings.
    @inline(__always)
    private func run(_ bind: (Scope) -> Void) throws -> Value {
        if activeCalls > 0 {
            for index in 0..<frameSize { savedBindings.append(frame[slot: index]) }
        }
        activeCalls += 1
        defer {
            activeCalls -= 1
            if activeCalls > 0 {
                for index in (0..<frameSize).reversed() { frame[slot: index] = savedBindings.removeLast() }
            }
        }
        bind(frame)
        return try body()
    }
}

/// A parameter's declared type as far as `CompiledFunction.argument` checks it without
/// `ValueType.convert`: an Int or a Double argument for a parameter of that type is kept.
private enum ParameterKind {
    case untyped, int, double, other

    init(_ type: ValueType?) {
        switch type {
        case nil: self = .untyped
        case .int?: self = .int
        case .double?: self = .double
        default: self = .other
        }
    }
}

/// The functions one evaluator has compiled, by closure. A closure is compiled at its
/// second call (or its first, when a built-in will call it per element, or it has a scalar
/// function's signature): one called once (a struct's method, a closure made in a loop)
/// costs less to walk than to compile.
struct CompiledFunctions {
    private enum Entry {
        case calledOnce(Closure)
        case compiled(CompiledFunction)
        case walked(Closure)
    }

    /// Entries hold their closure, so its identifier is not reused while it is a key.
    private var entries: [ObjectIdentifier: Entry] = [:]
    /// The last function found: `map` and `reduce` call one closure many times.
    private var last: CompiledFunction?
    /// The functions over scalars among them, compiled further (ScalarFunction).
    private let scalars = ScalarFunctions()
    /// The scalar functions, for the closures a built-in compiles to scalar code (ScalarClosure).
    var scalarFunctions: ScalarFunctions { scalars }
    /// Entries kept at most (closures made in a long loop must not pile up).
    private static let capacity = 4096

    /// `closure` compiled, or nil when it is called for the first time or cannot be compiled.
    /// The check of the last function found is inlined into every compiled call.
    @inline(__always)
    mutating func function(for closure: Closure, evaluator: Evaluator) -> CompiledFunction? {
        if let last, last.closure === closure { return last }
        return function(for: closure, evaluator: evaluator, compilesAtFirstCall: false)
    }

    /// `closure` compiled even at its first call, or nil when it cannot be: a built-in is
    /// about to call it once per element (PreparedCall).
    mutating func functionCompiledNow(for closure: Closure, evaluator: Evaluator) -> CompiledFunction? {
        function(for: closure, evaluator: evaluator, compilesAtFirstCall: true)
    }

    private mutating func function(for closure: Closure, evaluator: Evaluator, compilesAtFirstCall: Bool) -> CompiledFunction? {
        if let last, last.closure === closure { return last }
        guard !closure.literal.bodyMakesClosures else { return nil }
        let key = ObjectIdentifier(closure)
        switch entries[key] {
        case .compiled(let function)?:
            last = function
            return function
        case .walked?:
            return nil
        case .calledOnce?:
            return compile(closure, key, evaluator: evaluator)
        case nil:
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            // A function over scalars compiles at once: called once, it may still loop a
            // million times (`simpson(2_000_000)`), and scalar code is cheap to make.
            guard compilesAtFirstCall || ScalarFunction(signatureOf: closure, evaluator: evaluator) != nil else {
                entries[key] = .calledOnce(closure)
                return nil
            }
            return compile(closure, key, evaluator: evaluator)
        }
    }

    private mutating func compile(_ closure: Closure, _ key: ObjectIdentifier, evaluator: Evaluator) -> CompiledFunction? {
        guard let function = CompiledFunction(closure, evaluator: evaluator, scalars: scalars) else {
            entries[key] = .walked(closure)
            return nil
        }
        entries[key] = .compiled(function)
        last = function
        return function
    }

    /// Forgets every function (compiled code holds the evaluator: this breaks the cycle).
    mutating func removeAll() {
        entries = [:]
        last = nil
        scalars.removeAll()
    }
}
