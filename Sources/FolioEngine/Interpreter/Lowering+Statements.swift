import FolioNotebook
import SwiftSyntax

/// Statements and declarations.
extension Lowering {
    mutating func block(_ items: CodeBlockItemListSyntax) -> [Stmt] {
        items.flatMap { statement($0.item) }
    }

    mutating func statement(_ item: CodeBlockItemSyntax.Item) -> [Stmt] {
        switch item {
        case .decl(let decl): declaration(decl)
        case .stmt(let stmt): statement(stmt).map { [$0] } ?? []
        case .expr(let expr): expressionStatement(expr).map { [$0] } ?? []
        }
    }

    mutating func declaration(_ decl: DeclSyntax) -> [Stmt] {
        if let variable = decl.as(VariableDeclSyntax.self) { return variableDeclaration(variable) }
        if let function = decl.as(FunctionDeclSyntax.self) {
            return functionDeclaration(function).map { [Stmt(kind: .function($0), position: position(function))] } ?? []
        }
        if let structDecl = decl.as(StructDeclSyntax.self) {
            return structDeclaration(structDecl).map { [Stmt(kind: .structDeclaration($0), position: position(structDecl))] } ?? []
        }
        unsupported(decl, Self.constructName(Syntax(decl)))
        return []
    }

    mutating func variableDeclaration(_ decl: VariableDeclSyntax) -> [Stmt] {
        let isVar = decl.bindingSpecifier.tokenKind == .keyword(.var)
        if !decl.modifiers.isEmpty || !decl.attributes.isEmpty {
            unsupported(decl, "modifiers and attributes on variables")
        }
        return decl.bindings.compactMap { binding in
            if binding.accessorBlock != nil {
                unsupported(binding, "computed properties")
                return nil
            }
            guard let pattern = pattern(binding.pattern) else { return nil }
            let type = binding.typeAnnotation.flatMap { typeAnnotation($0.type) }
            let value = binding.initializer.flatMap { expression($0.value) }
            if binding.initializer == nil, !isVar {
                report(binding, "'let' needs a value", hint: "write 'let name = value'")
                return nil
            }
            return Stmt(kind: .binding(isVar: isVar, pattern: pattern, type: type, value: value), position: position(binding))
        }
    }

    mutating func pattern(_ syntax: PatternSyntax) -> Pattern? {
        if let identifier = syntax.as(IdentifierPatternSyntax.self) {
            return .name(identifier.identifier.text, position(identifier))
        }
        if syntax.is(WildcardPatternSyntax.self) { return .wildcard }
        if let tuple = syntax.as(TuplePatternSyntax.self) {
            var elements: [Pattern] = []
            for element in tuple.elements {
                guard let inner = pattern(element.pattern) else { return nil }
                elements.append(inner)
            }
            return .tuple(elements)
        }
        unsupported(syntax, "these patterns", hint: "bind a name, '_' or a tuple of names")
        return nil
    }

    mutating func typeAnnotation(_ syntax: TypeSyntax) -> TypeAnnotation? {
        if let identifier = syntax.as(IdentifierTypeSyntax.self), identifier.genericArgumentClause == nil {
            return .named(identifier.name.text)
        }
        if let array = syntax.as(ArrayTypeSyntax.self) { return typeAnnotation(array.element).map(TypeAnnotation.array) }
        if let dictionary = syntax.as(DictionaryTypeSyntax.self),
            let key = typeAnnotation(dictionary.key), let value = typeAnnotation(dictionary.value)
        {
            return .dictionary(key, value)
        }
        if syntax.is(FunctionTypeSyntax.self) { return .function }
        if let tuple = syntax.as(TupleTypeSyntax.self), tuple.elements.count > 1 {
            var elements: [Labelled<TypeAnnotation>] = []
            for element in tuple.elements {
                guard let type = typeAnnotation(element.type) else { return nil }
                elements.append(Labelled(label: element.firstName?.text, type: type))
            }
            return .tuple(elements)
        }
        if let attributed = syntax.as(AttributedTypeSyntax.self) { return typeAnnotation(attributed.baseType) }
        unsupported(syntax, "these types", hint: "write a type name, [Element], [Key: Value] or a tuple (x: Double, y: Double)")
        return nil
    }

    /// `Point` for a plain type name, nil for anything else (a result type is only
    /// followed by lint, so an unsupported one is no error).
    private static func namedType(_ syntax: TypeSyntax) -> TypeAnnotation? {
        guard let identifier = syntax.as(IdentifierTypeSyntax.self), identifier.genericArgumentClause == nil else { return nil }
        return .named(identifier.name.text)
    }

    mutating func functionDeclaration(_ decl: FunctionDeclSyntax) -> FunctionLiteral? {
        if decl.genericParameterClause != nil { unsupported(decl, "generic functions") }
        if decl.signature.effectSpecifiers != nil { unsupported(decl, "'throws' and 'async' functions") }
        guard let body = decl.body else {
            report(decl, "function '\(decl.name.text)' needs a body")
            return nil
        }
        var parameters: [ParameterDeclaration] = []
        for parameter in decl.signature.parameterClause.parameters {
            if parameter.ellipsis != nil { unsupported(parameter, "variadic parameters") }
            let label = parameter.firstName.tokenKind == .wildcard ? nil : parameter.firstName.text
            let name = parameter.secondName?.text ?? parameter.firstName.text
            parameters.append(
                ParameterDeclaration(
                    label: label, name: name, type: typeAnnotation(parameter.type),
                    defaultValue: parameter.defaultValue.flatMap { expression($0.value) }, position: position(parameter)))
        }
        let start = position(decl)
        return FunctionLiteral(
            name: decl.name.text, parameters: parameters, returnType: decl.signature.returnClause.flatMap { Self.namedType($0.type) },
            body: block(body.statements), position: start,
            anonymousArgumentCount: 0,
            source: FunctionSource(text: decl.trimmedDescription, line: start.line, column: start.column),
            bodyMakesClosures: Self.makesClosures(body.statements))
    }

    mutating func statement(_ stmt: StmtSyntax) -> Stmt? {
        let at = position(stmt)
        if let expressionStmt = stmt.as(ExpressionStmtSyntax.self) { return expressionStatement(expressionStmt.expression) }
        if let forStmt = stmt.as(ForStmtSyntax.self) {
            if forStmt.caseKeyword != nil || forStmt.tryKeyword != nil || forStmt.awaitKeyword != nil {
                unsupported(forStmt, "'for case', 'for try' and 'for await' loops")
                return nil
            }
            guard let pattern = pattern(forStmt.pattern), let sequence = expression(forStmt.sequence) else { return nil }
            let filter = forStmt.whereClause.flatMap { expression($0.condition) }
            return Stmt(
                kind: .forIn(
                    pattern: pattern, sequence: sequence, filter: filter, body: block(forStmt.body.statements),
                    bodyMakesClosures: Self.makesClosures(forStmt.body.statements)),
                position: at)
        }
        if let whileStmt = stmt.as(WhileStmtSyntax.self) {
            guard let condition = conditions(whileStmt.conditions), condition.count > 0 else { return nil }
            let combined = condition.dropFirst().reduce(condition[0]) {
                Expr(kind: .binary(.and, $0, $1), position: $0.position)
            }
            return Stmt(kind: .whileLoop(condition: combined, body: block(whileStmt.body.statements)), position: at)
        }
        if let guardStmt = stmt.as(GuardStmtSyntax.self) { return guardStatement(guardStmt) }
        if let returnStmt = stmt.as(ReturnStmtSyntax.self) {
            return Stmt(kind: .returnValue(returnStmt.expression.flatMap { expression($0) }), position: at)
        }
        if let breakStmt = stmt.as(BreakStmtSyntax.self) {
            if breakStmt.label != nil { unsupported(breakStmt, "labelled 'break' statements") }
            return Stmt(kind: .breakLoop, position: at)
        }
        if let continueStmt = stmt.as(ContinueStmtSyntax.self) {
            if continueStmt.label != nil { unsupported(continueStmt, "labelled 'continue' statements") }
            return Stmt(kind: .continueLoop, position: at)
        }
        unsupported(stmt, Self.constructName(Syntax(stmt)))
        return nil
    }

    mutating func conditions(_ list: ConditionElementListSyntax) -> [Expr]? {
        var result: [Expr] = []
        for element in list {
            guard case .expression(let condition) = element.condition else {
                unsupported(element, "optional bindings and availability conditions", hint: "use a Bool condition")
                return nil
            }
            guard let lowered = expression(condition) else { return nil }
            result.append(lowered)
        }
        return result
    }

    /// An expression in statement position: assignments, `if`, or a plain expression.
    mutating func expressionStatement(_ syntax: ExprSyntax) -> Stmt? {
        let at = position(syntax)
        if let ifExpr = syntax.as(IfExprSyntax.self) { return ifStatement(ifExpr) }
        if let switchExpr = syntax.as(SwitchExprSyntax.self) { return switchStatement(switchExpr) }
        if let sequence = syntax.as(SequenceExprSyntax.self) {
            let elements = Array(sequence.elements)
            if let index = elements.firstIndex(where: { Self.assignmentOperator($0) != nil }) {
                guard case .some(let op) = Self.assignmentOperator(elements[index]) else { return nil }
                if elements[..<index].contains(where: { !$0.is(DiscardAssignmentExprSyntax.self) && !isOperand($0) }) || index != 1 {
                    report(elements[index], "assignment must be a statement of its own", hint: "write 'name = value'")
                    return nil
                }
                guard let value = fold(Array(elements[(index + 1)...])) else { return nil }
                if elements[0].is(DiscardAssignmentExprSyntax.self) {
                    return Stmt(kind: .expression(value), position: at)
                }
                guard let target = expression(elements[0]) else { return nil }
                switch target.kind {
                case .name, .member, .subscriptAccess: break
                default:
                    report(elements[0], "cannot assign to this expression", hint: "assign to a variable, a member or a subscript")
                    return nil
                }
                return Stmt(kind: .assign(target: target, op: op, value: value), position: at)
            }
        }
        return expression(syntax).map { Stmt(kind: .expression($0), position: at) }
    }

    func isOperand(_ syntax: ExprSyntax) -> Bool {
        !syntax.is(BinaryOperatorExprSyntax.self) && !syntax.is(AssignmentExprSyntax.self)
            && !syntax.is(UnresolvedTernaryExprSyntax.self)
    }

    /// `=` → `.some(nil)`, `+=` → `.some(.add)`, anything else → nil.
    static func assignmentOperator(_ syntax: ExprSyntax) -> BinaryOperator?? {
        if syntax.is(AssignmentExprSyntax.self) { return .some(nil) }
        if let op = syntax.as(BinaryOperatorExprSyntax.self), op.operator.text.hasSuffix("="),
            let base = BinaryOperator(rawValue: String(op.operator.text.dropLast())),
            [.add, .subtract, .multiply, .divide, .remainder].contains(base)
        {
            return .some(base)
        }
        return nil
    }

    mutating func ifStatement(_ syntax: IfExprSyntax) -> Stmt? {
        guard let conditions = conditions(syntax.conditions) else { return nil }
        var otherwise: [Stmt]?
        switch syntax.elseBody {
        case .ifExpr(let elseIf): otherwise = ifStatement(elseIf).map { [$0] } ?? []
        case .codeBlock(let elseBlock): otherwise = block(elseBlock.statements)
        case nil: otherwise = nil
        }
        return Stmt(
            kind: .ifElse(conditions: conditions, then: block(syntax.body.statements), otherwise: otherwise),
            position: position(syntax))
    }


    /// Whether `body` contains a closure, a function or a struct declaration.
    static func makesClosures(_ body: CodeBlockItemListSyntax) -> Bool {
        let finder = ClosureFinder(viewMode: .sourceAccurate)
        finder.walk(body)
        return finder.found
    }
}

/// Finds closures, nested functions and structs (which capture scopes).
private final class ClosureFinder: SyntaxVisitor {
    var found = false

    override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind {
        found = true
        return .skipChildren
    }

    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
        found = true
        return .skipChildren
    }

    override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind {
        found = true
        return .skipChildren
    }
}
