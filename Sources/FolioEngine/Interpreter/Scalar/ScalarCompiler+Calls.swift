/// Calls in scalar code: of a scalar function (the arguments evaluated in the caller's
/// frame and copied into the callee's by the call, converted as its parameters' declared types
/// convert them), and of a built-in that takes and returns scalars (boxed, and called as
/// the evaluator calls it, so its conversions, errors and NaN check are its own).
extension ScalarCompiler {
    mutating func call(_ callee: Expr, _ arguments: [Argument], at position: SourcePosition) throws(NotScalar) -> TypedSlot {
        guard case .name(let name) = callee.kind, local(name) == nil, arguments.allSatisfy({ !$0.isTrailingClosure }) else {
            throw NotScalar()
        }
        var values: [TypedSlot] = []
        for argument in arguments { values.append(try expression(argument.value)) }
        if let slot = closure.scope.slot(of: name) {
            guard !slot.scope.isAssignable(at: slot.index), case .function(.closure(let target)) = slot.scope[slot: slot.index],
                let function = functions.function(for: target, evaluator: evaluator)
            else { throw NotScalar() }
            return try call(function, values, labels: arguments.map(\.label), at: position)
        }
        guard let builtin = evaluator.context.registry.function(named: name), arguments.allSatisfy({ $0.label == nil }) else {
            throw NotScalar()
        }
        return try call(builtin, values, at: position)
    }

    /// A call of a scalar function: one or two arguments are read where they are, more are
    /// first moved into consecutive slots.
    private mutating func call(_ function: ScalarFunction, _ values: [TypedSlot], labels: [String?], at position: SourcePosition)
        throws(NotScalar) -> TypedSlot
    {
        guard values.count == function.parameterTypes.count, labels == function.parameterLabels else { throw NotScalar() }
        var slots: [Int32] = []
        for (value, type) in zip(values, function.parameterTypes) { slots.append(try converted(value, to: type, at: position).slot) }
        let callee = Int32(program.callees.count)
        program.callees.append(function)
        if slots.count <= 2 {
            return result(function.resultType, .call, b: slots.first ?? 0, c: slots.count == 2 ? slots[1] : 0, d: callee, at: position)
        }
        return result(function.resultType, .callSpread, b: spread(slots, at: position), d: callee, at: position)
    }

    /// `slots` moved into new consecutive slots; the first of them.
    private mutating func spread(_ slots: [Int32], at position: SourcePosition) -> Int32 {
        let targets = slots.map { _ in temporary() }
        for (target, slot) in zip(targets, slots) { emit(.move, a: target, b: slot, at: position) }
        return targets.first ?? 0
    }

    /// `Double(i)` and `Int(n)` of numbers that need no check inline; any other built-in of
    /// positional scalar parameters with a scalar result through `Evaluator.callFunction`.
    private mutating func call(_ builtin: Builtin, _ values: [TypedSlot], at position: SourcePosition) throws(NotScalar) -> TypedSlot {
        if values.count == 1 {
            if builtin.name == "Double", values[0].type.isNumber { return double(values[0], at: position) }
            if builtin.name == "Int", values[0].type == .int { return values[0] }
        }
        guard let resultType = ScalarType(builtin.returnType), builtin.parameters.count == values.count else { throw NotScalar() }
        var parameterTypes: [ValueType] = []
        for (parameter, value) in zip(builtin.parameters, values) {
            guard parameter.label == nil, !parameter.isVariadic, parameter.type.convert(value.type.value(0)) != nil else {
                throw NotScalar()
            }
            parameterTypes.append(parameter.type)
        }
        let index = Int32(program.builtins.count)
        program.builtins.append(ScalarBuiltinCall(
            function: .function(.builtin(builtin)), argumentTypes: values.map(\.type), parameterTypes: parameterTypes,
            resultType: resultType, position: position))
        return result(resultType, .builtin, b: spread(values.map(\.slot), at: position), d: index, at: position)
    }
}

/// A built-in called from scalar code: its arguments boxed and converted as the evaluator
/// converts them, and called as the evaluator calls it, so its errors and NaN check are its own.
struct ScalarBuiltinCall {
    let function: Value
    let argumentTypes: [ScalarType]
    let parameterTypes: [ValueType]
    let resultType: ScalarType
    let position: SourcePosition

    /// The result's bits, the arguments read from `arguments` on.
    func call(arguments: ScalarFrame, evaluator: Evaluator) throws -> UInt64 {
        var values: [Value] = []
        values.reserveCapacity(argumentTypes.count)
        for index in argumentTypes.indices {
            let value = argumentTypes[index].value(arguments[index])
            values.append(parameterTypes[index].convert(value) ?? value)
        }
        return try resultType.bits(try evaluator.callFunction(function, with: values, at: position), at: position)
    }
}
