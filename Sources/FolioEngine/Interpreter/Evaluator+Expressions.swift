import FolioMath

extension Evaluator {
    func evaluate(_ expr: Expr, in scope: Scope, expected annotation: TypeAnnotation?) throws -> Value {
        try evaluate(expr, in: scope, expected: annotation.map(valueType(of:)))
    }

    /// Evaluates `expr`; `expected` resolves implicit members (`.affine`) and empty literals.
    func evaluate(_ expr: Expr, in scope: Scope, expected: ValueType? = nil) throws -> Value {
        switch expr.kind {
        case .int(let value): return .int(value)
        case .double(let value): return .double(value)
        case .bool(let value): return .bool(value)
        case .string(let parts):
            var text = ""
            for part in parts {
                switch part {
                case .text(let literal): text += literal
                case .interpolation(let inner): text += try evaluate(inner, in: scope).description
                }
            }
            return .string(text)
        case .name(let name):
            if let value = scope.lookup(name) { return value }
            if let builtin = context.registry.function(named: name) { return .function(.builtin(builtin)) }
            throw RuntimeError(message: "cannot find '\(name)' in scope", position: expr.position, hint: nil)
        case .anonymousArgument(let index):
            if let value = scope.lookup(Self.anonymousName(index)) { return value }
            throw RuntimeError(message: "'$\(index)' used outside a closure taking that many arguments", position: expr.position, hint: nil)
        case .array(let elements):
            var element: ValueType?
            if case .array(let inner)? = expected { element = inner }
            return .array(try elements.map { try evaluate($0, in: scope, expected: element) })
        case .dictionary(let pairs):
            var dictionary = DictionaryValue()
            for pair in pairs {
                let key = try evaluate(pair.key, in: scope)
                guard let hashable = DictionaryKey(key) else {
                    throw RuntimeError(
                        message: "dictionary keys must be Int, Double, Bool or String, got \(key.typeName)",
                        position: pair.key.position, hint: nil)
                }
                dictionary[hashable] = try evaluate(pair.value, in: scope)
            }
            return .dictionary(dictionary)
        case .tuple(let elements):
            return .tuple(try elements.map { TupleField(label: $0.label, value: try evaluate($0.value, in: scope)) })
        case .binary(.and, let left, let right):
            return .bool(try truth(left, in: scope) ? try truth(right, in: scope) : false)
        case .binary(.or, let left, let right):
            return .bool(try truth(left, in: scope) ? true : try truth(right, in: scope))
        case .binary(let op, let left, let right):
            let leftValue = try evaluate(left, in: scope)
            let rightValue = try evaluate(right, in: scope)
            return try binary(op, leftValue, rightValue, at: expr.position)
        case .prefix(let op, let operand):
            return try prefix(op, try evaluate(operand, in: scope), at: expr.position)
        case .ternary(let condition, let then, let otherwise):
            return try evaluate(try truth(condition, in: scope) ? then : otherwise, in: scope, expected: expected)
        case .call(let callee, let arguments):
            return try call(callee, arguments, in: scope, at: expr.position)
        case .member(let base, let name):
            if case .name("params") = base.kind, scope.lookup("params") == nil {
                throw RuntimeError(message: "params are not available here", position: expr.position, hint: nil)
            }
            return try member(try evaluate(base, in: scope), name, at: expr.position)
        case .implicitMember(let name):
            if case .enumeration(let type, let cases)? = expected {
                guard cases.contains(name) else {
                    throw RuntimeError(
                        message: "type '\(type)' has no case '.\(name)'", position: expr.position,
                        hint: EnumerationType.unknownCaseHint(name, cases: cases))
                }
                return .enumCase(type: type, name: name)
            }
            return .enumCase(type: nil, name: name)
        case .subscriptAccess(let base, let arguments):
            let container = try evaluate(base, in: scope)
            let indices = try arguments.map { try evaluate($0.value, in: scope) }
            return try subscriptValue(container, indices, arguments, at: expr.position)
        case .closure(let literal):
            return .function(.closure(Closure(literal: literal, scope: scope)))
        }
    }
}
