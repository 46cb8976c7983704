import FolioMath
import FolioNotebook

extension Evaluator {
    func call(_ callee: Expr, _ arguments: [Argument], in scope: Scope, at position: SourcePosition) throws -> Value {
        if case .member(let base, let name) = callee.kind {
            if name == "append", arguments.count == 1, arguments[0].label == nil, isStorage(base) {
                let element = try evaluate(arguments[0].value, in: scope)
                try mutate(base, in: scope) { try self.append(element, to: &$0, at: callee.position) }
                return .void
            }
            let receiver = try evaluate(base, in: scope)
            if let method = context.registry.method(named: name, for: receiver) {
                return try callBuiltin(method, receiver: receiver, arguments, in: scope, at: position)
            }
            if let result = try callMethod(base, receiver, name, arguments, in: scope, at: position) { return result }
            let function = try member(receiver, name, at: callee.position)
            return try apply(function, arguments, in: scope, at: position, name: name)
        }
        let function = try evaluate(callee, in: scope)
        var name = "function"
        if case .name(let calleeName) = callee.kind { name = calleeName }
        return try apply(function, arguments, in: scope, at: position, name: name)
    }

    /// `container.append(element)` in place: the array is moved out of `container` first, so
    /// it is unique and appending never copies it.
    func append(_ element: Value, to container: inout Value, at position: SourcePosition) throws {
        guard case .array(var elements) = container else {
            throw RuntimeError(message: "value of type \(container.typeName) has no member 'append'", position: position, hint: nil)
        }
        container = .void
        elements.append(element)
        container = .array(elements)
    }

    private func isStorage(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .name: true
        case .member(let base, _), .subscriptAccess(let base, _): isStorage(base)
        default: false
        }
    }

    func apply(_ function: Value, _ arguments: [Argument], in scope: Scope, at position: SourcePosition, name: String)
        throws -> Value
    {
        switch function {
        case .function(.builtin(let builtin)):
            return try callBuiltin(builtin, receiver: nil, arguments, in: scope, at: position)
        case .function(.structType(let type)):
            return try instantiate(type, arguments, in: scope, at: position)
        case .function(.closure(let closure)):
            let isNamed = closure.literal.name != nil
            if closure.literal.parameters.isEmpty && !isNamed {
                let values = try arguments.map { try evaluate($0.value, in: scope) }
                return try invoke(closure, values: values, at: position)
            }
            let inOrder = Self.bindsInOrder(arguments, closure.literal.parameters.lazy.map { (!isNamed || $0.label == nil, false) })
            let bound = inOrder
                ? [] : try matched(arguments, closure.literal.parameterShapes, name: closure.literal.name ?? name, at: position)
            var values: [Value?] = []
            values.reserveCapacity(closure.literal.parameters.count)
            for (index, parameter) in closure.literal.parameters.enumerated() {
                guard let argumentIndex = inOrder ? index : bound[index].first else {
                    values.append(nil)
                    continue
                }
                var value = try evaluate(arguments[argumentIndex].value, in: scope, expected: parameter.type)
                if let type = parameter.type {
                    guard let converted = convert(value, to: type) else {
                        throw Self.argumentMismatch(value, type, at: arguments[argumentIndex].value.position)
                    }
                    value = converted
                }
                values.append(value)
            }
            return try invoke(closure, boundValues: values, at: position)
        default:
            throw RuntimeError(message: "cannot call a value of type \(function.typeName)", position: position, hint: nil)
        }
    }

    static func argumentMismatch(_ value: Value, _ type: TypeAnnotation, at position: SourcePosition) -> RuntimeError {
        RuntimeError(message: "cannot convert value of type \(value.typeName) to expected argument type \(type)", position: position, hint: nil)
    }

    func matched(_ arguments: [Argument], _ shapes: [ArgumentMatcher.ParameterShape], name: String, at position: SourcePosition)
        throws -> [[Int]]
    {
        do {
            return try ArgumentMatcher.match(arguments, to: shapes, function: name)
        } catch {
            let at = error.argumentIndex.map { arguments[$0].position } ?? position
            throw RuntimeError(message: error.message, position: at, hint: error.hint)
        }
    }

    /// Calls a function value with already evaluated, unlabelled arguments (for built-ins
    /// such as `map` and `reduce`).
    func callFunction(_ function: Value, with values: [Value], at position: SourcePosition) throws -> Value {
        switch function {
        case .function(.closure(let closure)):
            if closure.literal.parameters.isEmpty && closure.literal.name == nil {
                return try invoke(closure, values: values, at: position)
            }
            guard values.count == closure.literal.parameters.count else {
                throw RuntimeError(
                    message: "closure takes \(closure.literal.parameters.count) arguments, called with \(values.count)",
                    position: closure.literal.position, hint: nil)
            }
            return try invoke(closure, boundValues: values, at: position)
        case .function(.builtin(let builtin)):
            var call = BuiltinCall(builtin: builtin, arguments: values, context: context, position: position)
            return try runBuiltin(builtin, &call, at: position)
        default:
            throw RuntimeError(message: "cannot call a value of type \(function.typeName)", position: position, hint: nil)
        }
    }

    /// `{ $0 + $1 }`: binds `$0`, `$1`, … .
    private func invoke(_ closure: Closure, values: [Value], at position: SourcePosition) throws -> Value {
        guard values.count >= closure.literal.anonymousArgumentCount else {
            throw RuntimeError(
                message: "closure uses $\(closure.literal.anonymousArgumentCount - 1) but was called with \(values.count) arguments",
                position: closure.literal.position, hint: nil)
        }
        if let function = compiledFunctions.function(for: closure, evaluator: self) { return try run(function, values, at: position) }
        let names = values.count < Self.anonymousNameLists.count
            ? Self.anonymousNameLists[values.count] : (0..<values.count).map(Self.anonymousName)
        return try run(closure, in: Scope(parent: closure.scope, names: names, values: values), at: position)
    }

    /// `"$0"`, `"$1"`, …: the first few built once, not at every use.
    static func anonymousName(_ index: Int) -> String {
        index < anonymousNames.count ? anonymousNames[index] : "$\(index)"
    }

    private static let anonymousNames = (0..<8).map { "$\($0)" }
    /// `[]`, `["$0"]`, `["$0", "$1"]`, …
    private static let anonymousNameLists = (0..<8).map { Array(anonymousNames.prefix($0)) }

    /// Binds declared parameters; nil entries take the parameter's default.
    private func invoke(_ closure: Closure, boundValues: [Value?], at position: SourcePosition) throws -> Value {
        let given = boundValues.compactMap { $0 }
        if given.count == boundValues.count, given.count == closure.parameterNames.count {
            if let function = compiledFunctions.function(for: closure, evaluator: self) { return try run(function, given, at: position) }
            return try run(closure, in: Scope(parent: closure.scope, names: closure.parameterNames, values: given), at: position)
        }
        let callScope = Scope(parent: closure.scope)
        for (parameter, value) in zip(closure.literal.parameters, boundValues) {
            if let value {
                callScope.define(parameter.name, value, isVar: false)
            } else if let defaultExpr = parameter.defaultValue {
                var value = try evaluate(defaultExpr, in: callScope, expected: parameter.type)
                if let type = parameter.type, let converted = convert(value, to: type) { value = converted }
                callScope.define(parameter.name, value, isVar: false)
            }
        }
        return try run(closure, in: callScope, at: position)
    }

    private func run(_ closure: Closure, in callScope: Scope, at position: SourcePosition) throws -> Value {
        try nestingCall(at: position) {
            let body = closure.literal.body
            if body.count == 1, case .expression(let expr) = body[0].kind {
                try tick(at: expr.position)
                return try evaluate(expr, in: callScope)
            }
            if case .returned(let value) = try execute(body, in: callScope) { return value }
            return .void
        }
    }

    /// Calls a compiled function with its arguments bound in order and converted.
    private func run(_ function: CompiledFunction, _ arguments: [Value], at position: SourcePosition) throws -> Value {
        try nestingCall(at: position) { try function.call(arguments) }
    }

    /// Calls a compiled function with the arguments on `argumentStack` from `base` on.
    func run(_ function: CompiledFunction, argumentsFrom base: Int, at position: SourcePosition) throws -> Value {
        defer { if argumentStack.count > base { argumentStack.removeLast(argumentStack.count - base) } }
        return try nestingCall(at: position) { try function.call(argumentsFrom: base, of: self) }
    }

    /// Runs a call's `body` one level deeper, failing beyond the deepest nesting allowed.
    @inline(__always)
    func nestingCall(at position: SourcePosition, _ body: () throws -> Value) throws -> Value {
        callDepth += 1
        defer { callDepth -= 1 }
        guard callDepth <= Self.maximumCallDepth else { throw RuntimeError(nestedTooDeepAt: position) }
        return try body()
    }

    func callBuiltin(_ builtin: Builtin, receiver: Value?, _ arguments: [Argument], in scope: Scope, at position: SourcePosition)
        throws -> Value
    {
        let parameters = receiver == nil ? builtin.parameters[...] : builtin.parameters.dropFirst()
        var values: [Value] = []
        values.reserveCapacity(builtin.parameters.count)
        if let receiver, let type = builtin.parameters.first?.type { values.append(type.convert(receiver) ?? receiver) }
        if Self.bindsInOrder(arguments, parameters.lazy.map { ($0.label == nil, $0.isVariadic) }) {
            for (argument, parameter) in zip(arguments, parameters) {
                values.append(try self.argument(argument, as: parameter.type, in: scope))
            }
        } else {
            try appendMatched(arguments, to: &values, builtin: builtin, parameters, isMethod: receiver != nil, in: scope, at: position)
        }
        var call = BuiltinCall(builtin: builtin, arguments: values, context: context, position: position)
        return try runBuiltin(builtin, &call, at: position)
    }

    /// Binds arguments by labels (ArgumentMatcher), filling in defaults and variadics.
    private func appendMatched(
        _ arguments: [Argument], to values: inout [Value], builtin: Builtin, _ parameters: ArraySlice<Builtin.Parameter>,
        isMethod: Bool, in scope: Scope, at position: SourcePosition
    ) throws {
        let shapes = isMethod ? builtin.parameterShapes.dropFirst() : builtin.parameterShapes[...]
        let bound = try matched(arguments, Array(shapes), name: builtin.name, at: position)
        for (index, parameter) in parameters.enumerated() {
            let indices = bound[index]
            if indices.isEmpty {
                values.append(parameter.defaultValue ?? .void)
            } else if parameter.isVariadic {
                values.append(.array(try indices.map { try argument(arguments[$0], as: parameter.type, in: scope) }))
            } else {
                values.append(try argument(arguments[indices[0]], as: parameter.type, in: scope))
            }
        }
    }

    /// Whether the arguments bind to the parameters one each, in order, with no matching:
    /// all unlabelled, as many as the parameters, which are unlabelled and not variadic
    /// (`Double(i)`, `fib(n - 1)`, `xs.map { … }`: most calls, and ArgumentMatcher agrees).
    private static func bindsInOrder(
        _ arguments: [Argument], _ parameters: some Collection<(isUnlabelled: Bool, isVariadic: Bool)>
    ) -> Bool {
        arguments.count == parameters.count && arguments.allSatisfy { $0.label == nil }
            && parameters.allSatisfy { $0.isUnlabelled && !$0.isVariadic }
    }

    private func argument(_ argument: Argument, as type: ValueType, in scope: Scope) throws -> Value {
        let value = try evaluate(argument.value, in: scope, expected: type)
        guard let converted = type.convert(value) else {
            var hint: String?
            if case .enumeration(_, let cases) = type { hint = EnumerationType.casesHint(cases) }
            throw RuntimeError(
                message: "cannot convert value of type \(value.typeName) to expected argument type \(type)",
                position: argument.value.position, hint: hint)
        }
        return converted
    }

    private func runBuiltin(_ builtin: Builtin, _ call: inout BuiltinCall, at position: SourcePosition) throws -> Value {
        let result: Value
        do {
            result = try builtin.body(&call)
        } catch let error as RuntimeError {
            throw error
        } catch let error as BuiltinError {
            throw RuntimeError(message: error.message, position: position, hint: error.hint)
        } catch let reason as StopReason {
            throw RuntimeError(message: reason.message, position: position, hint: reason.hint)
        } catch {
            throw RuntimeError(message: "\(error)", position: position, hint: nil)
        }
        switch result {
        case _ where !result.isFinite:
            throw RuntimeError(
                message: "'\(builtin.name)' returned NaN", position: position,
                hint: "check its arguments (e.g. sqrt or log of a negative number)")
        case .figure(let figure): context.emit(.figure(figure))
        case .table(let table): context.emit(.table(table))
        default: break
        }
        return result
    }

}

extension Value {
    /// False for NaN or a matrix holding NaN (infinities are allowed: they are a legitimate limit).
    var isFinite: Bool {
        switch self {
        case .double(let number): !number.isNaN
        case .matrix(let matrix): !matrix.elements.contains { $0.isNaN }
        default: true
        }
    }
}
