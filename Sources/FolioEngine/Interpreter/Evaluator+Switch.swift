extension Evaluator {
    /// Runs the first case with an item matching `subject` (its `let` names bound in a
    /// scope of the case's own).
    func switchCases(_ subject: Value, _ cases: [SwitchCase], in scope: Scope, at position: SourcePosition) throws -> Flow {
        for switchCase in cases {
            let caseScope = Scope(parent: scope)
            if switchCase.items.isEmpty { return try execute(switchCase.body, in: caseScope) }
            for item in switchCase.items where try matches(item, subject, in: caseScope) {
                return try execute(switchCase.body, in: caseScope)
            }
        }
        throw RuntimeError(
            message: "no case of the switch matches \(subject.description)", position: position, hint: "add a 'default:' case")
    }

    private func matches(_ item: CaseItem, _ subject: Value, in scope: Scope) throws -> Bool {
        switch item.pattern {
        case .wildcard: break
        case .binding(let name, _): scope.define(name, subject, isVar: false)
        case .value(let expr): guard try matches(expr, subject, in: scope) else { return false }
        }
        guard let condition = item.condition else { return true }
        return try truth(condition, in: scope)
    }

    /// A range contains the subject (Int or Double bounds); an enum case has its name; any
    /// other value equals it.
    private func matches(_ pattern: Expr, _ subject: Value, in scope: Scope) throws -> Bool {
        switch pattern.kind {
        case .binary(let op, let lowerExpr, let upperExpr) where op == .halfOpenRange || op == .closedRange:
            let lower = try evaluate(lowerExpr, in: scope), upper = try evaluate(upperExpr, in: scope)
            let above = try binary(.greaterOrEqual, subject, lower, at: pattern.position)
            let below = try binary(op == .closedRange ? .lessOrEqual : .less, subject, upper, at: pattern.position)
            if case .bool(true) = above, case .bool(true) = below { return true }
            return false
        case .implicitMember(let name):
            if case .enumCase(_, let subjectName) = subject { return subjectName == name }
            return false
        default:
            return try equal(subject, try evaluate(pattern, in: scope), at: pattern.position)
        }
    }
}
