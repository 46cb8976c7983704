import FolioNotebook
import SwiftSyntax

/// `guard … else { … }` and `switch` statements.
extension Lowering {
    /// `guard conditions else { body }`: the body runs when a condition is false and must
    /// leave the scope (Swift's rule), so it is checked to end in `return`, `break` or `continue`.
    mutating func guardStatement(_ syntax: GuardStmtSyntax) -> Stmt? {
        guard let conditions = conditions(syntax.conditions) else { return nil }
        let body = block(syntax.body.statements)
        switch body.last?.kind {
        case .returnValue?, .breakLoop?, .continueLoop?: break
        default:
            report(
                syntax.elseKeyword, "'guard' body must not fall through",
                hint: "end the 'else' block with 'return', 'break' or 'continue'")
        }
        return Stmt(kind: .ifElse(conditions: conditions, then: [], otherwise: body), position: position(syntax))
    }

    /// `switch subject { case 1, 2: … case 3..<10: … case .affine: … case let x where x > 0: … default: … }`.
    mutating func switchStatement(_ syntax: SwitchExprSyntax) -> Stmt? {
        guard let subject = expression(syntax.subject) else { return nil }
        var cases: [SwitchCase] = []
        for element in syntax.cases {
            guard case .switchCase(let switchCase) = element else {
                unsupported(element, "'#if' inside 'switch'")
                return nil
            }
            var items: [CaseItem] = []
            if case .case(let label) = switchCase.label {
                for item in label.caseItems {
                    guard let pattern = casePattern(item.pattern) else { return nil }
                    items.append(CaseItem(pattern: pattern, condition: item.whereClause.flatMap { expression($0.condition) }))
                }
            }
            cases.append(SwitchCase(items: items, body: block(switchCase.statements), position: position(switchCase)))
        }
        if !cases.contains(where: \.isCatchAll), !cases.allSatisfy({ $0.items.allSatisfy(\.isEnumCase) }) {
            report(syntax.switchKeyword, "switch must be exhaustive", hint: "add a 'default:' case")
        }
        return Stmt(kind: .switchCases(subject: subject, cases: cases), position: position(syntax))
    }

    private mutating func casePattern(_ syntax: PatternSyntax) -> CasePattern? {
        if syntax.is(WildcardPatternSyntax.self) { return .wildcard }
        if let binding = syntax.as(ValueBindingPatternSyntax.self),
            let identifier = binding.pattern.as(IdentifierPatternSyntax.self)
        {
            return .binding(identifier.identifier.text, position(identifier))
        }
        if let value = syntax.as(ExpressionPatternSyntax.self) {
            if value.expression.is(PatternExprSyntax.self) || value.expression.is(FunctionCallExprSyntax.self) {
                unsupported(value, "these case patterns", hint: "match values, ranges, enum cases, 'let name' or '_'")
                return nil
            }
            return expression(value.expression).map(CasePattern.value)
        }
        unsupported(syntax, "these case patterns", hint: "match values, ranges, enum cases, 'let name' or '_'")
        return nil
    }
}

extension CaseItem {
    /// `case .name` with no condition.
    var isEnumCase: Bool {
        if condition == nil, case .value(let expr) = pattern, case .implicitMember = expr.kind { return true }
        return false
    }
}
