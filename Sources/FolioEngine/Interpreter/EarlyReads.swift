/// Whether a block uses one of its own `let`/`var` names before the statement declaring
/// it (`s += x; let x = 5` uses an outer `x` first, which lint allows). Walked, the block
/// reads the outer binding there (or fails); compiled, with its names bound in advance
/// (LoopCompiler, CompiledFunction), it would read its own: such a block is not compiled.
extension [Stmt] {
    /// `bound`: names the block's scope binds before its first statement (a loop's
    /// variable, a function's parameters), which a declaration only overwrites.
    func usesNameBeforeDeclaring(bound: Set<String>) -> Bool {
        var undeclared = Set(flatMap(\.declaredNames)).subtracting(bound)
        guard !undeclared.isEmpty else { return false }
        for statement in self {
            var used = Set<String>()
            statement.collectNames(into: &used)
            if !used.isDisjoint(with: undeclared) { return true }
            undeclared.subtract(statement.declaredNames)
        }
        return false
    }
}

extension Stmt {
    /// The names a `let`/`var` statement binds in its block's scope.
    fileprivate var declaredNames: [String] {
        guard case .binding(_, let pattern, _, _) = kind else { return [] }
        return pattern.names.map(\.0)
    }

    /// Every name the statement mentions, nested blocks included.
    fileprivate func collectNames(into names: inout Set<String>) {
        switch kind {
        case .binding(_, _, _, let value): value?.collectNames(into: &names)
        case .assign(let target, _, let value):
            target.collectNames(into: &names)
            value.collectNames(into: &names)
        case .expression(let expr): expr.collectNames(into: &names)
        case .ifElse(let conditions, let then, let otherwise):
            for condition in conditions { condition.collectNames(into: &names) }
            for statement in then + (otherwise ?? []) { statement.collectNames(into: &names) }
        case .forIn(_, let sequence, let filter, let body, _):
            sequence.collectNames(into: &names)
            filter?.collectNames(into: &names)
            for statement in body { statement.collectNames(into: &names) }
        case .whileLoop(let condition, let body):
            condition.collectNames(into: &names)
            for statement in body { statement.collectNames(into: &names) }
        case .switchCases(let subject, let cases):
            subject.collectNames(into: &names)
            for switchCase in cases {
                for item in switchCase.items {
                    if case .value(let expr) = item.pattern { expr.collectNames(into: &names) }
                    item.condition?.collectNames(into: &names)
                }
                for statement in switchCase.body { statement.collectNames(into: &names) }
            }
        case .function(let literal): literal.collectNames(into: &names)
        case .structDeclaration(let declaration): names.insert(declaration.name)
        case .returnValue(let value): value?.collectNames(into: &names)
        case .breakLoop, .continueLoop: break
        }
    }
}

extension FunctionLiteral {
    fileprivate func collectNames(into names: inout Set<String>) {
        for parameter in parameters { parameter.defaultValue?.collectNames(into: &names) }
        for statement in body { statement.collectNames(into: &names) }
    }
}

extension Expr {
    fileprivate func collectNames(into names: inout Set<String>) {
        switch kind {
        case .int, .double, .bool, .anonymousArgument, .implicitMember: break
        case .name(let name): names.insert(name)
        case .string(let parts):
            for case .interpolation(let inner) in parts { inner.collectNames(into: &names) }
        case .array(let elements):
            for element in elements { element.collectNames(into: &names) }
        case .dictionary(let pairs):
            for pair in pairs {
                pair.key.collectNames(into: &names)
                pair.value.collectNames(into: &names)
            }
        case .tuple(let elements):
            for element in elements { element.value.collectNames(into: &names) }
        case .binary(_, let left, let right):
            left.collectNames(into: &names)
            right.collectNames(into: &names)
        case .prefix(_, let operand): operand.collectNames(into: &names)
        case .ternary(let condition, let then, let otherwise):
            for part in [condition, then, otherwise] { part.collectNames(into: &names) }
        case .call(let callee, let arguments), .subscriptAccess(let callee, let arguments):
            callee.collectNames(into: &names)
            for argument in arguments { argument.value.collectNames(into: &names) }
        case .member(let base, _): base.collectNames(into: &names)
        case .closure(let literal): literal.collectNames(into: &names)
        }
    }
}
