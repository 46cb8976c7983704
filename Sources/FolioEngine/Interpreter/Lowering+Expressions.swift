import FolioNotebook
import SwiftSyntax

/// Expressions, literals, calls and closures.
extension Lowering {
    mutating func expression(_ syntax: ExprSyntax) -> Expr? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            if depth == Self.maximumDepth + 1 {
                report(syntax, "expression is nested more than \(Self.maximumDepth) levels deep", hint: "split it into several statements")
            }
            return nil
        }
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
            if case .binaryOperator(let text) = name.tokenKind, let op = BinaryOperator(rawValue: text) {
                return make(.closure(Self.operatorFunction(op, at: at)))
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

    mutating func stringLiteral(_ literal: StringLiteralExprSyntax) -> ExprKind? {
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

    mutating func arguments(_ list: LabeledExprListSyntax) -> [Argument]? {
        var result: [Argument] = []
        for element in list {
            guard let value = expression(element.expression) else { return nil }
            result.append(Argument(label: element.label?.text, value: value, position: position(element)))
        }
        return result
    }

    mutating func functionCall(_ call: FunctionCallExprSyntax) -> ExprKind? {
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

    mutating func closureLiteral(_ closure: ClosureExprSyntax) -> FunctionLiteral? {
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
            source: FunctionSource(text: closure.trimmedDescription, line: start.line, column: start.column),
            bodyMakesClosures: Self.makesClosures(closure.statements))
    }

    /// One more than the highest `$n` used directly in `closure` (not in nested closures).
    static func anonymousArgumentCount(in closure: ClosureExprSyntax) -> Int {
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

}
