/// Calls in scalar code: of a scalar function (the arguments evaluated in the caller's
/// frame and written into the callee's, converted as its parameters' declared types
/// convert them), and of a built-in that takes and returns scalars (boxed, and called as
/// the evaluator calls it, so its conversions, errors and NaN check are its own).
extension ScalarCompiler {
    func call(_ callee: Expr, _ arguments: [Argument], at position: SourcePosition) throws(NotScalar) -> TypedOperand {
        guard case .name(let name) = callee.kind, local(name) == nil, arguments.allSatisfy({ !$0.isTrailingClosure }) else {
            throw NotScalar()
        }
        var values: [TypedOperand] = []
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

    private func call(_ function: ScalarFunction, _ values: [TypedOperand], labels: [String?], at position: SourcePosition) throws(NotScalar)
        -> TypedOperand
    {
        guard values.count == function.parameterTypes.count, labels == function.parameterLabels else { throw NotScalar() }
        var operands: [ScalarOperand] = []
        for (value, type) in zip(values, function.parameterTypes) { operands.append(try Self.converted(value, to: type).operand) }
        let code: ScalarCode
        switch operands.count {
        case 0:
            code = { _ in try function.call(at: position) { _ in } }
        case 1:
            let first = operands[0]
            code = { frame in
                let argument = try first.bits(frame)
                return try function.call(at: position) { $0[1] = argument }
            }
        case 2:
            let (first, second) = (operands[0], operands[1])
            code = { frame in
                let (a, b) = (try first.bits(frame), try second.bits(frame))
                return try function.call(at: position) { callee in
                    callee[1] = a
                    callee[2] = b
                }
            }
        default:
            code = { frame in
                try withUnsafeTemporaryAllocation(of: UInt64.self, capacity: operands.count) { arguments in
                    for (index, operand) in operands.enumerated() { arguments[index] = try operand.bits(frame) }
                    return try function.call(at: position) { callee in
                        for index in arguments.indices { callee[index + 1] = arguments[index] }
                    }
                }
            }
        }
        return TypedOperand(type: function.resultType, operand: .code(code))
    }

    /// `Double(i)` and `Int(n)` of numbers that need no check inline; any other built-in of
    /// positional scalar parameters with a scalar result through `Evaluator.callFunction`.
    private func call(_ builtin: Builtin, _ values: [TypedOperand], at position: SourcePosition) throws(NotScalar) -> TypedOperand {
        if values.count == 1 {
            if builtin.name == "Double", values[0].type.isNumber { return TypedOperand(type: .double, operand: Self.double(values[0])) }
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
        let evaluator = self.evaluator, function = Value.function(.builtin(builtin))
        let types = values.map(\.type), operands = values.map(\.operand)
        return TypedOperand(type: resultType, operand: .code { frame in
            var arguments: [Value] = []
            arguments.reserveCapacity(operands.count)
            for index in operands.indices {
                let value = types[index].value(try operands[index].bits(frame))
                arguments.append(parameterTypes[index].convert(value) ?? value)
            }
            return try resultType.bits(try evaluator.callFunction(function, with: arguments, at: position), at: position)
        })
    }
}
