/// Makes `self` explicit in a struct's methods: a bare name of a property or method that no
/// parameter or local shadows becomes `self.name`, so the evaluator and the checker only
/// ever see member access on `self`.
struct ImplicitSelf {
    let members: Set<String>
    /// Names bound inside the method, innermost block last.
    private var locals: [Set<String>]

    static func rewrite(_ literal: FunctionLiteral, members: Set<String>) -> FunctionLiteral {
        var rewriter = ImplicitSelf(members: members, locals: [])
        return rewriter.function(literal)
    }

    private init(members: Set<String>, locals: [Set<String>]) {
        self.members = members
        self.locals = locals
    }

    private mutating func function(_ literal: FunctionLiteral) -> FunctionLiteral {
        var result = literal
        locals.append(Set(literal.parameters.map(\.name)))
        result.parameters = literal.parameters.map { parameter in
            var rewritten = parameter
            rewritten.defaultValue = parameter.defaultValue.map { expression($0) }
            return rewritten
        }
        result.body = literal.body.map { statement($0) }
        locals.removeLast()
        return result
    }

    private mutating func declare(_ names: [(String, SourcePosition)]) {
        locals[locals.count - 1].formUnion(names.map(\.0))
    }

    private func isMember(_ name: String) -> Bool {
        members.contains(name) && !locals.contains { $0.contains(name) }
    }

    private mutating func block(_ statements: [Stmt], binding names: [(String, SourcePosition)] = []) -> [Stmt] {
        locals.append(Set(names.map(\.0)))
        defer { locals.removeLast() }
        return statements.map { statement($0) }
    }

    private mutating func statement(_ statement: Stmt) -> Stmt {
        var result = statement
        switch statement.kind {
        case .binding(let isVar, let pattern, let type, let value):
            result.kind = .binding(isVar: isVar, pattern: pattern, type: type, value: value.map { expression($0) })
            declare(pattern.names)
        case .assign(let target, let op, let value):
            result.kind = .assign(target: expression(target), op: op, value: expression(value))
        case .expression(let expr):
            result.kind = .expression(expression(expr))
        case .ifElse(let conditions, let then, let otherwise):
            result.kind = .ifElse(conditions: conditions.map { expression($0) }, then: block(then), otherwise: otherwise.map { block($0) })
        case .forIn(let pattern, let sequence, let filter, let body, let makesClosures):
            let sequence = expression(sequence)
            locals.append(Set(pattern.names.map(\.0)))
            let filter = filter.map { expression($0) }
            locals.removeLast()
            result.kind = .forIn(pattern: pattern, sequence: sequence, filter: filter, body: block(body, binding: pattern.names), bodyMakesClosures: makesClosures)
        case .whileLoop(let condition, let body):
            result.kind = .whileLoop(condition: expression(condition), body: block(body))
        case .switchCases(let subject, let cases):
            result.kind = .switchCases(subject: expression(subject), cases: cases.map { switchCase($0) })
        case .function(let literal):
            declare([(literal.name ?? "", statement.position)])
            result.kind = .function(function(literal))
        case .returnValue(let value):
            result.kind = .returnValue(value.map { expression($0) })
        case .structDeclaration, .breakLoop, .continueLoop:
            break
        }
        return result
    }

    private mutating func switchCase(_ switchCase: SwitchCase) -> SwitchCase {
        var result = switchCase
        var bound: [(String, SourcePosition)] = []
        result.items = switchCase.items.map { item in
            var rewritten = item
            switch item.pattern {
            case .value(let expr): rewritten.pattern = .value(expression(expr))
            case .binding(let name, let position): bound.append((name, position))
            case .wildcard: break
            }
            return rewritten
        }
        locals.append(Set(bound.map(\.0)))
        result.items = result.items.map { item in
            var rewritten = item
            rewritten.condition = item.condition.map { expression($0) }
            return rewritten
        }
        locals.removeLast()
        result.body = block(switchCase.body, binding: bound)
        return result
    }

    private mutating func expression(_ expr: Expr) -> Expr {
        var result = expr
        switch expr.kind {
        case .int, .double, .bool, .anonymousArgument, .implicitMember:
            break
        case .name(let name):
            if isMember(name) { result.kind = .member(Expr(kind: .name("self"), position: expr.position), name) }
        case .string(let parts):
            result.kind = .string(parts.map { part in
                if case .interpolation(let inner) = part { return .interpolation(expression(inner)) }
                return part
            })
        case .array(let elements):
            result.kind = .array(elements.map { expression($0) })
        case .dictionary(let pairs):
            result.kind = .dictionary(pairs.map { (key: expression($0.key), value: expression($0.value)) })
        case .tuple(let elements):
            result.kind = .tuple(elements.map { (label: $0.label, value: expression($0.value)) })
        case .binary(let op, let left, let right):
            result.kind = .binary(op, expression(left), expression(right))
        case .prefix(let op, let operand):
            result.kind = .prefix(op, expression(operand))
        case .ternary(let condition, let then, let otherwise):
            result.kind = .ternary(expression(condition), expression(then), expression(otherwise))
        case .call(let callee, let arguments):
            result.kind = .call(expression(callee), arguments.map { argument($0) })
        case .member(let base, let name):
            result.kind = .member(expression(base), name)
        case .subscriptAccess(let base, let arguments):
            result.kind = .subscriptAccess(expression(base), arguments.map { argument($0) })
        case .closure(let literal):
            result.kind = .closure(function(literal))
        }
        return result
    }

    private mutating func argument(_ argument: Argument) -> Argument {
        var result = argument
        result.value = expression(argument.value)
        return result
    }
}
