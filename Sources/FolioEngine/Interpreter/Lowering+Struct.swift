import SwiftSyntax

/// `struct` declarations: stored properties, getter-only computed properties and methods
/// (`mutating` ones too), built by the memberwise initializer. Protocols, generics,
/// inheritance, explicit initializers and `static` members are refused with a hint.
extension Lowering {
    static let structHint =
        "a struct in a cell holds stored properties (let/var), computed properties and methods, and is built by its memberwise initializer"

    mutating func structDeclaration(_ decl: StructDeclSyntax) -> StructDeclaration? {
        if let generics = decl.genericParameterClause {
            unsupported(generics, "generic structs", hint: "declare the struct with concrete types ([Double], Int, …)")
        }
        if let inheritance = decl.inheritanceClause {
            unsupported(inheritance, "protocol conformances and inheritance", hint: "remove ': \(inheritance.inheritedTypes.trimmedDescription)'; cells have no protocols")
        }
        if let whereClause = decl.genericWhereClause { unsupported(whereClause, "generic structs", hint: Self.structHint) }
        if !decl.modifiers.isEmpty || !decl.attributes.isEmpty { unsupported(decl, "modifiers and attributes on structs") }
        let start = position(decl)
        var result = StructDeclaration(
            name: decl.name.text, position: start,
            source: FunctionSource(text: decl.trimmedDescription, line: start.line, column: start.column))
        for member in decl.memberBlock.members {
            let memberDecl = member.decl
            if let variable = memberDecl.as(VariableDeclSyntax.self) {
                guard memberModifiers(variable.modifiers, variable.attributes, allowing: nil) else { continue }
                properties(variable, into: &result)
            } else if let function = memberDecl.as(FunctionDeclSyntax.self) {
                guard memberModifiers(function.modifiers, function.attributes, allowing: .mutating),
                    let literal = functionDeclaration(function)
                else { continue }
                let isMutating = function.modifiers.contains { $0.name.tokenKind == .keyword(.mutating) }
                result.methods.append(StructDeclaration.Method(literal: literal, isMutating: isMutating))
            } else if memberDecl.is(InitializerDeclSyntax.self) {
                unsupported(
                    memberDecl, "explicit initializers",
                    hint: "use the memberwise initializer (\(result.name)(x: …, y: …)); give properties defaults to make them optional, or write a func that returns a \(result.name)")
            } else {
                unsupported(memberDecl, Self.constructName(Syntax(memberDecl)) + " inside structs", hint: Self.structHint)
            }
        }
        let members = result.memberNames
        result.methods = result.methods.map { StructDeclaration.Method(literal: ImplicitSelf.rewrite($0.literal, members: members), isMutating: $0.isMutating) }
        result.computedProperties = result.computedProperties.map { ImplicitSelf.rewrite($0, members: members) }
        return result
    }

    /// Refuses `static` and other modifiers on a struct's member (`allowed` excepted);
    /// returns whether the member can be lowered.
    private mutating func memberModifiers(_ modifiers: DeclModifierListSyntax, _ attributes: AttributeListSyntax, allowing allowed: Keyword?)
        -> Bool
    {
        for modifier in modifiers where modifier.name.tokenKind != allowed.map(TokenKind.keyword) {
            if modifier.name.tokenKind == .keyword(.static) {
                unsupported(modifier, "'static' members", hint: "declare a top-level let or func beside the struct instead")
            } else {
                unsupported(modifier, "'\(modifier.name.text)' modifiers", hint: Self.structHint)
            }
            return false
        }
        if !attributes.isEmpty {
            unsupported(attributes, "attributes", hint: Self.structHint)
            return false
        }
        return true
    }

    /// Stored properties (`var x: Double = 0`) and getter-only computed ones (`var norm: Double { … }`).
    private mutating func properties(_ decl: VariableDeclSyntax, into result: inout StructDeclaration) {
        let isVar = decl.bindingSpecifier.tokenKind == .keyword(.var)
        for binding in decl.bindings {
            guard let identifier = binding.pattern.as(IdentifierPatternSyntax.self) else {
                unsupported(binding.pattern, "these patterns in properties", hint: "declare one property per name")
                continue
            }
            let name = identifier.identifier.text
            let type = binding.typeAnnotation.flatMap { typeAnnotation($0.type) }
            if let accessors = binding.accessorBlock {
                guard let body = getterBody(accessors) else { continue }
                result.computedProperties.append(
                    FunctionLiteral(
                        name: name, parameters: [], body: block(body), position: position(binding), anonymousArgumentCount: 0, source: nil))
                continue
            }
            if binding.typeAnnotation == nil, binding.initializer == nil {
                report(binding, "stored property '\(name)' needs a type or a value", hint: "write 'var \(name): Double' or 'var \(name) = 0.0'")
                continue
            }
            let defaultValue = binding.initializer.flatMap { expression($0.value) }
            result.fields.append(
                StructDeclaration.Field(
                    name: name, isVar: isVar, type: type ?? defaultValue.flatMap(Self.literalType), defaultValue: defaultValue,
                    position: position(binding)))
        }
    }

    /// The type Swift infers for a property from a scalar literal default (`var x = 0.0` is a Double).
    private static func literalType(_ value: Expr) -> TypeAnnotation? {
        switch value.literalKind {
        case .int?: .named("Int")
        case .double?: .named("Double")
        case .bool?: .named("Bool")
        case .string?: .named("String")
        default: nil
        }
    }

    /// The statements of a getter: `{ … }` or `{ get { … } }`; setters and observers are refused.
    private mutating func getterBody(_ block: AccessorBlockSyntax) -> CodeBlockItemListSyntax? {
        switch block.accessors {
        case .getter(let statements): return statements
        case .accessors(let accessors):
            for accessor in accessors where accessor.accessorSpecifier.tokenKind != .keyword(.get) {
                unsupported(accessor, "'\(accessor.accessorSpecifier.text)' accessors", hint: "computed properties are read-only; write a mutating method to change a struct")
                return nil
            }
            guard let getter = accessors.first?.body else {
                report(block, "computed property needs a body")
                return nil
            }
            return getter.statements
        }
    }
}
