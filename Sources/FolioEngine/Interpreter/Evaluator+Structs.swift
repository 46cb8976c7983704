/// Values of structs declared in cells: the memberwise initializer, methods (a `mutating`
/// one writes `self` back to the receiver's storage), computed properties and the rule
/// that a `let` property never changes.
extension Evaluator {
    /// `Point(x: 1, y: 2)`: fields in declaration order, omitted ones from their defaults.
    func instantiate(_ type: StructType, _ arguments: [Argument], in scope: Scope, at position: SourcePosition) throws -> Value {
        let declaration = type.declaration
        let bound = try matched(arguments, declaration.initializerShapes, name: declaration.name, at: position)
        var initializerIndex = 0
        var fields: [(name: String, value: Value)] = []
        for field in declaration.fields {
            var argumentIndex: Int?
            if field.isInitialized {
                argumentIndex = bound[initializerIndex].first
                initializerIndex += 1
            }
            var value: Value
            var at = field.position
            if let index = argumentIndex {
                at = arguments[index].value.position
                value = try evaluate(arguments[index].value, in: scope, expected: field.type)
            } else if let defaultValue = field.defaultValue {
                value = try evaluate(defaultValue, in: type.scope, expected: field.type)
            } else {
                throw RuntimeError(message: "missing argument for parameter '\(field.name)' in call to '\(declaration.name)'", position: position, hint: nil)
            }
            if let annotation = field.type {
                guard let converted = convert(value, to: annotation) else {
                    throw RuntimeError(
                        message: "cannot convert value of type \(value.typeName) to expected argument type \(annotation)", position: at,
                        hint: "'\(declaration.name).\(field.name)' is declared as \(annotation)")
                }
                value = converted
            }
            fields.append((field.name, value))
        }
        return .record(Record(type, fields))
    }

    /// `value.name()` for a struct's method; nil when `name` is not one of its methods.
    func callMethod(
        _ base: Expr, _ receiver: Value, _ name: String, _ arguments: [Argument], in scope: Scope, at position: SourcePosition
    ) throws -> Value? {
        guard case .record(let record) = receiver, let type = record.structType, let method = type.declaration.method(named: name) else {
            return nil
        }
        let selfScope = methodScope(type, receiver, isMutating: method.isMutating)
        let result = try apply(.function(.closure(Closure(literal: method.literal, scope: selfScope))), arguments, in: scope, at: position, name: name)
        if method.isMutating, let updated = selfScope.lookup("self") {
            try mutate(base, in: scope) { $0 = updated }
        }
        return result
    }

    /// A computed property's value, or nil when `record` has no computed property `name`.
    func computedProperty(_ record: Record, _ name: String, at position: SourcePosition) throws -> Value? {
        guard let type = record.structType, let getter = type.declaration.computedProperty(named: name) else { return nil }
        let selfScope = methodScope(type, .record(record), isMutating: false)
        return try callFunction(.function(.closure(Closure(literal: getter, scope: selfScope))), with: [], at: position)
    }

    /// Why field `name` of a struct value cannot be assigned, or nil when it can.
    func assignmentProblem(_ record: Record, _ name: String, at position: SourcePosition) -> RuntimeError? {
        guard let declaration = record.structType?.declaration else { return nil }
        if let field = declaration.field(named: name), !field.isVar {
            return RuntimeError(
                message: "cannot assign to property: '\(name)' is a 'let' constant", position: position,
                hint: "declare it with 'var' in struct '\(declaration.name)' to change it")
        }
        if declaration.computedProperty(named: name) != nil {
            return RuntimeError(message: "cannot assign to property: '\(name)' is a get-only property", position: position, hint: nil)
        }
        return nil
    }

    /// Converts a struct value's field `index`, just assigned, to its declared type (`p.x = 1` holds 1.0).
    func convertField(_ record: inout Record, _ index: Int, at position: SourcePosition) throws {
        guard let annotation = record.structType?.declaration.field(named: record.fields[index].name)?.type else { return }
        let value = record.fields[index].value
        guard let converted = convert(value, to: annotation) else {
            throw RuntimeError(
                message: "cannot assign value of type \(value.typeName) to type '\(annotation)'", position: position,
                hint: "'\(record.typeName).\(record.fields[index].name)' is declared as \(annotation)")
        }
        record.fields[index].value = converted
    }

    /// The scope a method runs in: `self` (a `var` in a mutating method) and the type's own
    /// name, over the scope that declared the struct.
    private func methodScope(_ type: StructType, _ receiver: Value, isMutating: Bool) -> Scope {
        let scope = Scope(parent: type.scope)
        scope.define(type.name, .function(.structType(type)), isVar: false)
        scope.define("self", receiver, isVar: isMutating)
        return scope
    }
}
