import FolioNotebook
import SwiftParser
import SwiftSyntax

/// Parses a cell with SwiftParser and lowers the supported subset of Swift to `Stmt`s.
///
/// Everything outside the subset becomes a diagnostic naming the construct and what is
/// supported, at the construct's own file position; lowering continues past it so that
/// all problems are reported together.
struct Lowering {
    static let supportedSummary =
        "cells support let/var, func, if/else, for-in, while, closures, literals, operators, calls, member access and subscripts"

    private let notebook: Notebook
    private let converter: SourceLocationConverter
    private let codeLines: [Substring]
    /// File line of the code's first line, and the fence indentation.
    private let firstLine: Int
    private let indent: Int
    private(set) var diagnostics: [Diagnostic] = []

    /// Lowers `code`, whose first line is file line `firstLine`.
    static func lower(code: String, firstLine: Int, indent: Int, notebook: Notebook) -> ([Stmt], [Diagnostic]) {
        let tree = Parser.parse(source: code)
        var lowering = Lowering(notebook: notebook, tree: tree, code: code, firstLine: firstLine, indent: indent)
        if tree.hasError {
            lowering.reportSyntaxErrors(in: tree)
            return ([], lowering.diagnostics)
        }
        let statements = lowering.block(tree.statements)
        return (statements, lowering.diagnostics)
    }

    /// Lowers a cell's code.
    static func lower(cell: Cell, notebook: Notebook) -> ([Stmt], [Diagnostic]) {
        lower(code: cell.code, firstLine: cell.codeStartLine, indent: cell.indent, notebook: notebook)
    }

    private init(notebook: Notebook, tree: SourceFileSyntax, code: String, firstLine: Int, indent: Int) {
        self.notebook = notebook
        self.converter = SourceLocationConverter(fileName: notebook.path, tree: tree)
        self.codeLines = code.split(separator: "\n", omittingEmptySubsequences: false)
        self.firstLine = firstLine
        self.indent = indent
    }

    // MARK: Positions and diagnostics

    private func position(_ node: some SyntaxProtocol) -> SourcePosition {
        position(at: node.positionAfterSkippingLeadingTrivia)
    }

    private func position(at absolute: AbsolutePosition) -> SourcePosition {
        let location = converter.location(for: absolute)
        let lineText = codeLines.indices.contains(location.line - 1) ? codeLines[location.line - 1] : ""
        // SwiftSyntax counts UTF-8 bytes; diagnostics count characters.
        let characters = String(decoding: lineText.utf8.prefix(max(0, location.column - 1)), as: UTF8.self).count
        return SourcePosition(line: firstLine + location.line - 1, column: indent + characters + 1)
    }

    private mutating func unsupported(_ node: some SyntaxProtocol, _ construct: String, hint: String? = nil) {
        let at = position(node)
        diagnostics.append(
            notebook.diagnostic(
                line: at.line, column: at.column, "\(construct) are not supported in cells",
                hint: hint ?? Self.supportedSummary))
    }

    private mutating func report(_ node: some SyntaxProtocol, _ message: String, hint: String? = nil) {
        let at = position(node)
        diagnostics.append(notebook.diagnostic(line: at.line, column: at.column, message, hint: hint))
    }

    private mutating func reportSyntaxErrors(in tree: SourceFileSyntax) {
        for token in tree.tokens(viewMode: .all) {
            if token.presence == .missing {
                let expected = token.text.isEmpty ? Self.describe(token.tokenKind) : "'\(token.text)'"
                let at = position(at: token.position)
                diagnostics.append(
                    notebook.diagnostic(line: at.line, column: at.column, "syntax error: expected \(expected)"))
                return
            }
            if let unexpected = token.parent?.as(UnexpectedNodesSyntax.self), token == unexpected.firstToken(viewMode: .all) {
                let text = unexpected.trimmedDescription
                let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
                report(unexpected, "syntax error: unexpected '\(shown)'")
                return
            }
        }
        diagnostics.append(notebook.diagnostic(line: firstLine, column: indent + 1, "syntax error in cell"))
    }

    private static func describe(_ kind: TokenKind) -> String {
        switch kind {
        case .identifier: "a name"
        case .integerLiteral, .floatLiteral: "a number"
        default: "an expression"
        }
    }

    /// A readable name for an unsupported syntax node: `switchExpr` → `'switch' expressions`.
    private static func constructName(_ node: Syntax) -> String {
        if let keyword = node.firstToken(viewMode: .sourceAccurate), case .keyword = keyword.tokenKind {
            let kind = "\(node.kind)"
            let noun = kind.hasSuffix("Decl") ? "declarations" : kind.hasSuffix("Stmt") ? "statements" : "expressions"
            return "'\(keyword.text)' \(noun)"
        }
        var words = ""
        for character in "\(node.kind)" {
            if character.isUppercase { words += " " + character.lowercased() } else { words.append(character) }
        }
        let trimmed = words.replacingOccurrences(of: " expr", with: "").replacingOccurrences(of: " stmt", with: "")
        return "\(trimmed) expressions"
    }

    // MARK: Statements

    private mutating func block(_ items: CodeBlockItemListSyntax) -> [Stmt] {
        items.flatMap { statement($0.item) }
    }

    private mutating func statement(_ item: CodeBlockItemSyntax.Item) -> [Stmt] {
        switch item {
        case .decl(let decl): declaration(decl)
        case .stmt(let stmt): statement(stmt).map { [$0] } ?? []
        case .expr(let expr): expressionStatement(expr).map { [$0] } ?? []
        }
    }

    private mutating func declaration(_ decl: DeclSyntax) -> [Stmt] {
        if let variable = decl.as(VariableDeclSyntax.self) { return variableDeclaration(variable) }
        if let function = decl.as(FunctionDeclSyntax.self) {
            return functionDeclaration(function).map { [Stmt(kind: .function($0), position: position(function))] } ?? []
        }
        unsupported(decl, Self.constructName(Syntax(decl)))
        return []
    }

    private mutating func variableDeclaration(_ decl: VariableDeclSyntax) -> [Stmt] {
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

    private mutating func pattern(_ syntax: PatternSyntax) -> Pattern? {
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

    private mutating func typeAnnotation(_ syntax: TypeSyntax) -> TypeAnnotation? {
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
        if let attributed = syntax.as(AttributedTypeSyntax.self) { return typeAnnotation(attributed.baseType) }
        unsupported(syntax, "these types", hint: "write a type name, [Element] or [Key: Value]")
        return nil
    }

    private mutating func functionDeclaration(_ decl: FunctionDeclSyntax) -> FunctionLiteral? {
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
            name: decl.name.text, parameters: parameters, body: block(body.statements), position: start,
            anonymousArgumentCount: 0,
            source: FunctionSource(text: decl.trimmedDescription, line: start.line, column: start.column))
    }

    private mutating func statement(_ stmt: StmtSyntax) -> Stmt? {
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
                kind: .forIn(pattern: pattern, sequence: sequence, filter: filter, body: block(forStmt.body.statements)),
                position: at)
        }
        if let whileStmt = stmt.as(WhileStmtSyntax.self) {
            guard let condition = conditions(whileStmt.conditions), condition.count > 0 else { return nil }
            let combined = condition.dropFirst().reduce(condition[0]) {
                Expr(kind: .binary(.and, $0, $1), position: $0.position)
            }
            return Stmt(kind: .whileLoop(condition: combined, body: block(whileStmt.body.statements)), position: at)
        }
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

    private mutating func conditions(_ list: ConditionElementListSyntax) -> [Expr]? {
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
    private mutating func expressionStatement(_ syntax: ExprSyntax) -> Stmt? {
        let at = position(syntax)
        if let ifExpr = syntax.as(IfExprSyntax.self) { return ifStatement(ifExpr) }
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

    private func isOperand(_ syntax: ExprSyntax) -> Bool {
        !syntax.is(BinaryOperatorExprSyntax.self) && !syntax.is(AssignmentExprSyntax.self)
            && !syntax.is(UnresolvedTernaryExprSyntax.self)
    }

    /// `=` → `.some(nil)`, `+=` → `.some(.add)`, anything else → nil.
    private static func assignmentOperator(_ syntax: ExprSyntax) -> BinaryOperator?? {
        if syntax.is(AssignmentExprSyntax.self) { return .some(nil) }
        if let op = syntax.as(BinaryOperatorExprSyntax.self), op.operator.text.hasSuffix("="),
            let base = BinaryOperator(rawValue: String(op.operator.text.dropLast())),
            [.add, .subtract, .multiply, .divide, .remainder].contains(base)
        {
            return .some(base)
        }
        return nil
    }

    private mutating func ifStatement(_ syntax: IfExprSyntax) -> Stmt? {
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

    // MARK: Expressions

    private mutating func expression(_ syntax: ExprSyntax) -> Expr? {
        let at = position(syntax)
        func make(_ kind: ExprKind) -> Expr { Expr(kind: kind, position: at) }

        if let literal = syntax.as(IntegerLiteralExprSyntax.self) {
            guard let value = literal.representedLiteralValue else {
                report(literal, "integer literal '\(literal.literal.text)' overflows Int")
                return nil
            }
            return make(.int(value))
        }
        if let literal = syntax.as(FloatLiteralExprSyntax.self) {
            guard let value = literal.representedLiteralValue, value.isFinite else {
                report(literal, "invalid floating-point literal '\(literal.literal.text)'")
                return nil
            }
            return make(.double(value))
        }
        if let literal = syntax.as(BooleanLiteralExprSyntax.self) { return make(.bool(literal.literal.tokenKind == .keyword(.true))) }
        if let literal = syntax.as(StringLiteralExprSyntax.self) { return stringLiteral(literal).map(make) }
        if let reference = syntax.as(DeclReferenceExprSyntax.self) {
            if reference.argumentNames != nil { unsupported(reference, "function references with argument names") }
            let name = reference.baseName
            if case .dollarIdentifier = name.tokenKind, let index = Int(name.text.dropFirst()) {
                return make(.anonymousArgument(index))
            }
            return make(.name(name.text))
        }
        if let array = syntax.as(ArrayExprSyntax.self) {
            var elements: [Expr] = []
            for element in array.elements {
                guard let value = expression(element.expression) else { return nil }
                elements.append(value)
            }
            return make(.array(elements))
        }
        if let dictionary = syntax.as(DictionaryExprSyntax.self) {
            guard case .elements(let elements) = dictionary.content else { return make(.dictionary([])) }
            var pairs: [(key: Expr, value: Expr)] = []
            for element in elements {
                guard let key = expression(element.key), let value = expression(element.value) else { return nil }
                pairs.append((key, value))
            }
            return make(.dictionary(pairs))
        }
        if let tuple = syntax.as(TupleExprSyntax.self) {
            if tuple.elements.count == 1, let only = tuple.elements.first, only.label == nil {
                return expression(only.expression)
            }
            var elements: [(label: String?, value: Expr)] = []
            for element in tuple.elements {
                guard let value = expression(element.expression) else { return nil }
                elements.append((element.label?.text, value))
            }
            if elements.isEmpty {
                unsupported(tuple, "empty tuples '()'")
                return nil
            }
            return make(.tuple(elements))
        }
        if let sequence = syntax.as(SequenceExprSyntax.self) {
            if sequence.elements.contains(where: { Self.assignmentOperator($0) != nil }) {
                report(syntax, "assignment must be a statement of its own", hint: "write 'name = value' on its own line")
                return nil
            }
            return fold(Array(sequence.elements))
        }
        if let prefix = syntax.as(PrefixOperatorExprSyntax.self) {
            guard let op = PrefixOperator(rawValue: prefix.operator.text) else {
                unsupported(prefix, "prefix operator '\(prefix.operator.text)' expressions", hint: "prefix operators are -, + and !")
                return nil
            }
            return expression(prefix.expression).map { make(.prefix(op, $0)) }
        }
        if let call = syntax.as(FunctionCallExprSyntax.self) { return functionCall(call).map(make) }
        if let member = syntax.as(MemberAccessExprSyntax.self) {
            let name = member.declName.baseName.text
            guard let base = member.base else { return make(.implicitMember(name)) }
            return expression(base).map { make(.member($0, name)) }
        }
        if let subscriptCall = syntax.as(SubscriptCallExprSyntax.self) {
            guard let base = expression(subscriptCall.calledExpression),
                let arguments = arguments(subscriptCall.arguments)
            else { return nil }
            return make(.subscriptAccess(base, arguments))
        }
        if let closure = syntax.as(ClosureExprSyntax.self) { return closureLiteral(closure).map { make(.closure($0)) } }
        if let ternary = syntax.as(TernaryExprSyntax.self) {
            guard let condition = expression(ternary.condition), let then = expression(ternary.thenExpression),
                let otherwise = expression(ternary.elseExpression)
            else { return nil }
            return make(.ternary(condition, then, otherwise))
        }
        if let ifExpr = syntax.as(IfExprSyntax.self) {
            unsupported(ifExpr, "'if' expressions", hint: "use 'if' as a statement, or the ternary 'c ? a : b'")
            return nil
        }
        if syntax.is(NilLiteralExprSyntax.self) {
            unsupported(syntax, "'nil' literals", hint: "cells have no optionals; use a sentinel value")
            return nil
        }
        unsupported(syntax, Self.constructName(Syntax(syntax)))
        return nil
    }

    private mutating func stringLiteral(_ literal: StringLiteralExprSyntax) -> ExprKind? {
        var parts: [StringPart] = []
        for segment in literal.segments {
            switch segment {
            case .stringSegment(let text):
                parts.append(.text(Self.unescape(text.content.text, rawPounds: literal.openingPounds?.text.count ?? 0)))
            case .expressionSegment(let interpolation):
                guard interpolation.expressions.count == 1, let only = interpolation.expressions.first, only.label == nil,
                    let value = expression(only.expression)
                else {
                    unsupported(interpolation, "interpolations with labels or several values", hint: "write \\(value)")
                    return nil
                }
                parts.append(.interpolation(value))
            }
        }
        return .string(parts)
    }

    /// Resolves the escapes `\n \t \r \0 \\ \" \' \u{…}` (with `#` delimiters for raw strings).
    static func unescape(_ text: String, rawPounds: Int) -> String {
        let escape = "\\" + String(repeating: "#", count: rawPounds)
        guard text.contains(escape) else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: escape) {
            result += rest[..<range.lowerBound]
            rest = rest[range.upperBound...]
            guard let next = rest.first else { break }
            rest = rest.dropFirst()
            switch next {
            case "n": result += "\n"
            case "t": result += "\t"
            case "r": result += "\r"
            case "0": result += "\0"
            case "u":
                if rest.first == "{", let close = rest.firstIndex(of: "}"),
                    let code = UInt32(rest[rest.index(after: rest.startIndex)..<close], radix: 16),
                    let scalar = Unicode.Scalar(code)
                {
                    result.unicodeScalars.append(scalar)
                    rest = rest[rest.index(after: close)...]
                } else {
                    result += "u"
                }
            default: result.append(next)
            }
        }
        return result + rest
    }

    private mutating func arguments(_ list: LabeledExprListSyntax) -> [Argument]? {
        var result: [Argument] = []
        for element in list {
            guard let value = expression(element.expression) else { return nil }
            result.append(Argument(label: element.label?.text, value: value, position: position(element)))
        }
        return result
    }

    private mutating func functionCall(_ call: FunctionCallExprSyntax) -> ExprKind? {
        guard let callee = expression(call.calledExpression), var arguments = arguments(call.arguments) else { return nil }
        if let trailing = call.trailingClosure {
            guard let closure = closureLiteral(trailing) else { return nil }
            arguments.append(
                Argument(
                    label: nil, value: Expr(kind: .closure(closure), position: position(trailing)),
                    position: position(trailing), isTrailingClosure: true))
        }
        for extra in call.additionalTrailingClosures {
            guard let closure = closureLiteral(extra.closure) else { return nil }
            arguments.append(
                Argument(
                    label: extra.label.text, value: Expr(kind: .closure(closure), position: position(extra.closure)),
                    position: position(extra), isTrailingClosure: true))
        }
        return .call(callee, arguments)
    }

    private mutating func closureLiteral(_ closure: ClosureExprSyntax) -> FunctionLiteral? {
        var parameters: [ParameterDeclaration] = []
        if let signature = closure.signature {
            if signature.capture != nil { unsupported(signature, "capture lists") }
            switch signature.parameterClause {
            case .simpleInput(let names):
                parameters = names.map {
                    ParameterDeclaration(label: nil, name: $0.name.text, type: nil, defaultValue: nil, position: position($0))
                }
            case .parameterClause(let clause):
                parameters = clause.parameters.map {
                    ParameterDeclaration(
                        label: nil, name: ($0.secondName ?? $0.firstName).text, type: $0.type.flatMap { typeAnnotation($0) },
                        defaultValue: nil, position: position($0))
                }
            case nil: break
            }
        }
        let body = block(closure.statements)
        let start = position(closure)
        return FunctionLiteral(
            name: nil, parameters: parameters, body: body, position: start,
            anonymousArgumentCount: closure.signature == nil ? Self.anonymousArgumentCount(in: closure) : 0,
            source: FunctionSource(text: closure.trimmedDescription, line: start.line, column: start.column))
    }

    /// One more than the highest `$n` used directly in `closure` (not in nested closures).
    private static func anonymousArgumentCount(in closure: ClosureExprSyntax) -> Int {
        final class Finder: SyntaxVisitor {
            var count = 0
            let root: ClosureExprSyntax
            init(root: ClosureExprSyntax) {
                self.root = root
                super.init(viewMode: .sourceAccurate)
            }
            override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { node.id == root.id ? .visitChildren : .skipChildren }
            override func visit(_ token: TokenSyntax) -> SyntaxVisitorContinueKind {
                if case .dollarIdentifier = token.tokenKind, let index = Int(token.text.dropFirst()) { count = max(count, index + 1) }
                return .skipChildren
            }
        }
        let finder = Finder(root: closure)
        finder.walk(closure)
        return finder.count
    }

    // MARK: Operator folding

    /// Folds an unfolded operator sequence by Swift's precedence (operators alternate with
    /// operands; `c ? a : b` has the lowest precedence and is right-associative).
    private mutating func fold(_ elements: [ExprSyntax]) -> Expr? {
        if let ternaryIndex = elements.firstIndex(where: { $0.is(UnresolvedTernaryExprSyntax.self) }),
            let ternary = elements[ternaryIndex].as(UnresolvedTernaryExprSyntax.self)
        {
            guard let condition = fold(Array(elements[..<ternaryIndex])), let then = expression(ternary.thenExpression),
                let otherwise = fold(Array(elements[(ternaryIndex + 1)...]))
            else { return nil }
            return Expr(kind: .ternary(condition, then, otherwise), position: condition.position)
        }
        var operands: [Expr] = []
        var operators: [(BinaryOperator, ExprSyntax)] = []
        for (offset, element) in elements.enumerated() {
            if offset % 2 == 0 {
                guard let operand = expression(element) else { return nil }
                operands.append(operand)
            } else {
                guard let op = element.as(BinaryOperatorExprSyntax.self), let binary = BinaryOperator(rawValue: op.operator.text)
                else {
                    if element.is(AsExprSyntax.self) || element.is(UnresolvedAsExprSyntax.self) {
                        unsupported(element, "type casts ('as')")
                    } else if element.is(UnresolvedIsExprSyntax.self) || element.is(IsExprSyntax.self) {
                        unsupported(element, "type checks ('is')")
                    } else {
                        unsupported(
                            element, "operator '\(element.trimmedDescription)' expressions",
                            hint: "operators are + - * / % == != < <= > >= && || ..< ... and ?:")
                    }
                    return nil
                }
                operators.append((binary, element))
            }
        }
        guard operands.count == operators.count + 1 else {
            report(elements.last ?? elements[0], "incomplete expression")
            return nil
        }
        var index = 0
        let positions = operators.map { position($0.1) }
        return climb(operands, operators.map(\.0), positions, &index, minimumPrecedence: 0)
    }

    /// Precedence climbing; a binary expression is located at its operator.
    private func climb(
        _ operands: [Expr], _ operators: [BinaryOperator], _ positions: [SourcePosition], _ index: inout Int,
        minimumPrecedence: Int
    ) -> Expr {
        var left = operands[index]
        while index < operators.count, operators[index].precedence >= minimumPrecedence {
            let op = operators[index], at = positions[index]
            index += 1
            let right = climb(operands, operators, positions, &index, minimumPrecedence: op.precedence + 1)
            left = Expr(kind: .binary(op, left, right), position: at)
        }
        return left
    }
}
