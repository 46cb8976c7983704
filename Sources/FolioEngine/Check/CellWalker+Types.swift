import FolioNotebook

/// The types the checker follows through members: structs declared in cells (the
/// declaration itself, memberwise initializers checked like any call, members, and the
/// rules that a `let` property, a `let` value and `self` outside a `mutating` method never
/// change) and the built-ins' record types (`pca(x, rank: 2).components` is a Matrix).
extension CellWalker {
    /// Declares the struct, then checks its properties' defaults and its members' bodies
    /// (where `self` is a constant, or a variable in a `mutating` method).
    mutating func walkStruct(_ declaration: StructDeclaration, at position: SourcePosition) {
        if scopes.count > 1 || functionDepth > 0 {
            report(position, "structs can only be declared at a cell's top level", hint: "move 'struct \(declaration.name)' out of the block")
        }
        declare(declaration.name, Symbol(isVar: false, function: nil, structDeclaration: declaration))
        for field in declaration.fields {
            guard let value = field.defaultValue else { continue }
            let expected = field.type.map(expectedType)
            walk(value, expected: expected)
            if let expected, let type = field.type, let literal = value.literalKind, expected.rejectsLiteral(literal) {
                report(value.position, "cannot convert value of type \(literal.rawValue) to specified type '\(type)'")
            }
        }
        let selfType = ValueType.record(declaration.name)
        for getter in declaration.computedProperties { walkMember(getter, selfType, isMutating: false) }
        for method in declaration.methods { walkMember(method.literal, selfType, isMutating: method.isMutating) }
    }

    private mutating func walkMember(_ literal: FunctionLiteral, _ selfType: ValueType, isMutating: Bool) {
        scopes.append(["self": Symbol(isVar: isMutating, function: nil, type: selfType)])
        walkFunction(literal)
        scopes.removeLast()
    }

    /// The struct declared as `name` in this cell or a cell above, if any.
    func structDeclaration(named name: String) -> StructDeclaration? {
        if let symbol = local(name) { return symbol.structDeclaration }
        guard let definition = checker.definition(of: name), definition.cell < cellIndex else { return nil }
        return checker.structDeclaration(definedBy: definition.cell, named: name)
    }

    /// The type `folio lint` follows for a built-in's result: scalars, matrices and records
    /// with a declared `RecordType`.
    func trackedType(_ type: ValueType) -> ValueType? {
        if ValueType.staticallyKnown.contains(type) { return type }
        if case .record(let name) = type, checker.registry.records[name] != nil { return type }
        return nil
    }

    /// `value.name` on a struct value or a built-in's record: the field's declared type; an
    /// unknown member is an error whose hint lists the fields (and a struct's methods).
    mutating func memberType(_ baseType: ValueType?, _ name: String, at position: SourcePosition) -> ValueType? {
        guard case .record(let typeName)? = baseType else { return nil }
        guard let declaration = structDeclaration(named: typeName) else {
            guard let record = checker.registry.records[typeName] else { return nil }
            guard let field = record.field(named: name) else {
                report(position, "value of type \(typeName) has no member '\(name)'", hint: record.unknownFieldHint(name))
                return nil
            }
            return trackedType(field.type)
        }
        if let field = declaration.field(named: name) { return field.type.map(expectedType) }
        if !declaration.memberNames.contains(name) { reportUnknownMember(name, of: declaration, at: position) }
        return nil
    }

    /// The struct a function or method declares it returns (`-> Point`), if any: values of
    /// other declared result types are not followed.
    func structResult(of literal: FunctionLiteral) -> ValueType? {
        guard case .named(let typeName)? = literal.returnType, structDeclaration(named: typeName) != nil else { return nil }
        return .record(typeName)
    }

    /// `receiver.method(…)`: a struct's method (its arguments, and a `mutating` one on a
    /// constant), or a built-in method; an unknown name gets a did-you-mean. Returns a
    /// struct method's declared struct result.
    mutating func walkMethodCall(_ base: Expr, _ method: String, _ arguments: [Argument], callee: Expr, at position: SourcePosition)
        -> ValueType?
    {
        let baseType = walk(base)
        if case .record(let typeName)? = baseType, let declaration = structDeclaration(named: typeName) {
            if let member = declaration.method(named: method) {
                let types = member.literal.parameters.map { $0.type.map(expectedType) }
                checkArguments(arguments, member.literal.parameterShapes, types: types, name: method, at: position)
                if member.isMutating { checkAssignable(base, mutatingMethod: method) }
                return structResult(of: member.literal)
            }
            if !declaration.memberNames.contains(method) { reportUnknownMember(method, of: declaration, at: callee.position) }
        } else if case .name(let name) = base.kind, local(name) == nil, isStructMethod(method, mutating: true) {
            // A value of another cell, whose type the checker does not follow: cells never change it.
            checkAssignable(base, mutatingMethod: method)
        } else if !checker.registry.allMemberNames.contains(method), method != "append", Int(method) == nil, !isStructMethod(method) {
            report(
                callee.position, "no method named '\(method)'",
                hint: DidYouMean.hint(
                    for: method, among: checker.registry.allMemberNames.union(["append"]),
                    fallback: "see 'folio functions' for the methods of arrays and matrices"))
        }
        for argument in arguments { walk(argument.value) }
        return nil
    }

    /// Reports assigning to (or calling a mutating method on) a `let`, computed or unknown
    /// property of a struct value; returns whether it reported.
    mutating func checkStructField(_ base: Expr, _ name: String, at position: SourcePosition, mutatingMethod: String?) -> Bool {
        guard case .record(let typeName)? = staticType(of: base), let declaration = structDeclaration(named: typeName) else { return false }
        let problem = mutatingMethod == nil ? "cannot assign to property" : "cannot use mutating member on immutable value"
        if let field = declaration.field(named: name) {
            guard !field.isVar else { return false }
            report(position, "\(problem): '\(name)' is a 'let' constant", hint: "declare it with 'var' in struct '\(typeName)' to change it")
        } else if declaration.computedProperty(named: name) != nil {
            report(position, "\(problem): '\(name)' is a get-only property", hint: "computed properties are read-only")
        } else {
            reportUnknownMember(name, of: declaration, at: position)
        }
        return true
    }

    /// `name` is a constant: assigned to, or the receiver of the mutating method `mutatingMethod`.
    mutating func reportConstant(_ name: String, at position: SourcePosition, mutatingMethod: String?) {
        if name == "self" {
            let problem = mutatingMethod == nil ? "cannot assign to property" : "cannot use mutating member on immutable value"
            report(position, "\(problem): 'self' is immutable", hint: "mark the method 'mutating' to change the struct's properties")
        } else if let method = mutatingMethod {
            report(
                position, "cannot use mutating member on immutable value: '\(name)' is a 'let' constant",
                hint: "declare it with 'var': '\(method)' changes it")
        } else {
            report(position, "cannot assign to '\(name)': it is a 'let' constant", hint: "declare it with 'var' to change it")
        }
    }

    private mutating func reportUnknownMember(_ name: String, of declaration: StructDeclaration, at position: SourcePosition) {
        report(position, "value of type \(declaration.name) has no member '\(name)'", hint: declaration.unknownMemberHint(name))
    }

    /// The type of a name or a chain of struct properties, checking nothing.
    private func staticType(of expr: Expr) -> ValueType? {
        switch expr.kind {
        case .name(let name): return local(name)?.type
        case .member(let base, let name):
            guard case .record(let typeName)? = staticType(of: base), let field = structDeclaration(named: typeName)?.field(named: name)
            else { return nil }
            return field.type.map(expectedType)
        default: return nil
        }
    }

    /// Whether a struct declared in this cell or above has a method `name` (a mutating one
    /// if `mutating`); the receiver's type is not always known.
    private func isStructMethod(_ name: String, mutating: Bool = false) -> Bool {
        let declarations = scopes.flatMap { $0.values.compactMap(\.structDeclaration) } + checker.structDeclarations(before: cellIndex)
        return declarations.contains { declaration in
            guard let method = declaration.method(named: name) else { return !mutating && declaration.field(named: name) != nil }
            return method.isMutating || !mutating
        }
    }
}
