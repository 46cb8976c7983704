import FolioNotebook

extension Evaluator {
    /// `value.name`: tuple and record fields, then built-in properties.
    func member(_ value: Value, _ name: String, at position: SourcePosition) throws -> Value {
        switch value {
        case .tuple(let fields):
            if let index = Int(name), fields.indices.contains(index) { return fields[index].value }
            if let field = fields.first(where: { $0.label == name }) { return field.value }
        case .record(let record):
            if let field = record[name] { return field }
            if let value = try computedProperty(record, name, at: position) { return value }
            if let declaration = record.structType?.declaration {
                let isMethod = declaration.method(named: name) != nil
                throw RuntimeError(
                    message: isMethod ? "method '\(name)' must be called" : "value of type \(record.typeName) has no member '\(name)'",
                    position: position,
                    hint: isMethod ? "write '\(name)(…)'" : declaration.unknownMemberHint(name))
            }
        default: break
        }
        if let property = context.registry.property(named: name, for: value) {
            var call = BuiltinCall(builtin: property, arguments: [property.parameters[0].type.convert(value) ?? value], context: context)
            do {
                return try property.body(&call)
            } catch let error as BuiltinError {
                throw RuntimeError(message: error.message, position: position, hint: error.hint)
            }
        }
        var hint = DidYouMean.hint(for: name, among: memberNames(of: value))
        if case .record(let record) = value, let type = context.registry.records[record.typeName] { hint = type.unknownFieldHint(name) }
        throw RuntimeError(message: "value of type \(value.typeName) has no member '\(name)'", position: position, hint: hint)
    }

    private func memberNames(of value: Value) -> [String] {
        var names = context.registry.memberNames(for: value)
        switch value {
        case .tuple(let fields): names += fields.indices.map(String.init) + fields.compactMap(\.label)
        case .record(let record): names += record.fields.map(\.name)
        default: break
        }
        return names
    }

    /// Updates field `name` of a tuple or record in place.
    func updateMember(_ container: inout Value, _ name: String, at position: SourcePosition, _ body: (inout Value) throws -> Void)
        throws
    {
        switch container {
        case .tuple(var fields):
            guard let index = Int(name).flatMap({ fields.indices.contains($0) ? $0 : nil }) ?? fields.firstIndex(where: { $0.label == name })
            else { break }
            container = .void
            defer { container = .tuple(fields) }
            try body(&fields[index].value)
            return
        case .record(var record):
            if let problem = assignmentProblem(record, name, at: position) { throw problem }
            guard let index = record.fields.firstIndex(where: { $0.name == name }) else { break }
            container = .void
            defer { container = .record(record) }
            try body(&record.fields[index].value)
            try convertField(&record, index, at: position)
            return
        default: break
        }
        throw RuntimeError(message: "cannot assign to member '\(name)' of \(container.typeName)", position: position, hint: nil)
    }
}
