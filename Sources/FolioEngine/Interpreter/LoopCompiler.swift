/// Compiles an integer for-in loop, when it starts, into Swift closures: the body's names
/// are resolved once to scope slots, and the common statements and expressions (literals,
/// names, operators, subscripts, `Int(…)`/`Double(…)`, calls of compiled functions,
/// assignments, `let`, `if`, `append`, `return`, nested range loops) run without walking the
/// syntax tree or searching scopes. Function bodies compile the same way (CompiledFunction). Everything else in the
/// body runs in the tree-walking evaluator, in the very same scopes, so the semantics and
/// error messages are the evaluator's own (`binary`, `compound`, `append`, `truth`). The
/// stop check (`tick`: timeouts, Ctrl-C) runs at every iteration and every call, not at
/// every statement.
///
/// Only loops whose body makes no closures are compiled (see `StmtKind.forIn`): then one
/// scope per loop serves every iteration, and the slots found at the start stay valid
/// (scopes only ever append bindings). The loop's own names (its variable and the body's
/// `let`/`var`s) are bound before compiling, so a name in the body resolves to the nearest
/// binding, as it would while walking; a body that uses a name before declaring it is
/// walked (`usesNameBeforeDeclaring`).
struct LoopCompiler {
    typealias Code = () throws -> Value
    typealias Block = () throws -> Evaluator.Flow
    typealias Test = () throws -> Bool

    let evaluator: Evaluator
    /// False for a function's body (CompiledFunction): a nested loop compiled once would
    /// share its scope between recursive calls, so it is compiled each time it starts.
    var compilesNestedLoops = true

    /// `for name in bounds() { body }` in a new scope under `parent`; `bounds` yields a range.
    mutating func rangeLoop(_ name: String, bounds: @escaping Code, _ body: [Stmt], in parent: Scope, at position: SourcePosition)
        -> Block
    {
        let scope = Scope(parent: parent)
        scope.define(name, .int(0), isVar: false)
        for statement in body {
            if case .binding(let isVar, let pattern, _, _) = statement.kind {
                for (bound, _) in pattern.names { scope.define(bound, .void, isVar: isVar) }
            }
        }
        let run = block(body, in: scope), evaluator = self.evaluator
        return {
            guard case .range(let lower, let upper) = try bounds() else {
                throw RuntimeError(message: "cannot iterate over this value", position: position, hint: nil)
            }
            var index = lower
            while index < upper {
                try evaluator.tick(at: position)
                scope[slot: 0] = .int(index)
                switch try run() {
                case .breakLoop: return .normal
                case .returned(let value): return .returned(value)
                case .normal, .continueLoop: index += 1
                }
            }
            return .normal
        }
    }

    /// A function's body in its frame (see CompiledFunction): its result, `()` when it
    /// ends without `return`.
    mutating func functionBody(_ body: [Stmt], in frame: Scope, at position: SourcePosition) -> Code {
        let evaluator = self.evaluator
        if body.count == 1, case .expression(let expr) = body[0].kind {
            let value = expression(expr, in: frame)
            return {
                try evaluator.tick(at: expr.position)
                return try value()
            }
        }
        let run = block(body, in: frame), start = body.first?.position ?? position
        return {
            try evaluator.tick(at: start)
            if case .returned(let value) = try run() { return value }
            return .void
        }
    }

    /// The statements of a block. A short block is a chain, each closure calling the next:
    /// closures kept in an array are called through a reabstraction thunk each.
    private mutating func block(_ statements: [Stmt], in scope: Scope) -> Block {
        guard statements.count > Self.longestChain else { return chain(statements[...], in: scope) }
        let compiled = statements.map { statement($0, in: scope) }
        return {
            for statement in compiled {
                let flow = try statement()
                if case .normal = flow { continue }
                return flow
            }
            return .normal
        }
    }

    /// Chains nest one call per statement, so only blocks this short are chained.
    private static let longestChain = 16

    private mutating func chain(_ statements: ArraySlice<Stmt>, in scope: Scope) -> Block {
        guard let head = statements.first else { return { .normal } }
        let first = statement(head, in: scope)
        if statements.count == 1 { return first }
        let rest = chain(statements.dropFirst(), in: scope)
        return {
            let flow = try first()
            guard case .normal = flow else { return flow }
            return try rest()
        }
    }

    private mutating func statement(_ statement: Stmt, in scope: Scope) -> Block {
        let evaluator = self.evaluator, position = statement.position
        switch statement.kind {
        case .binding(_, .name(let name, _), nil, let valueExpr?):
            guard let slot = scope.slot(of: name), slot.scope === scope else { break }
            let value = expression(valueExpr, in: scope)
            return {
                slot.scope[slot: slot.index] = try value()
                return .normal
            }
        case .assign(let target, let op, let valueExpr):
            if case .name(let name) = target.kind, let slot = scope.slot(of: name), slot.scope.isAssignable(at: slot.index) {
                // `s += x` on numbers inline; `text += "…"` (in place) and the rest in the evaluator.
                if let op, case .statement(let update)? = op.inline(
                    InlineCompound(op: op, slot: slot, value: operand(valueExpr, in: scope), evaluator: evaluator, position: position))
                {
                    return update
                }
                let value = expression(valueExpr, in: scope)
                return {
                    let newValue = try value()
                    try evaluator.assign(op, newValue, to: &slot.scope[slot: slot.index], at: position)
                    return .normal
                }
            }
            // `xs[i] = v`, `counts[k, default: 0] += 1`: in place, as `Evaluator.mutate` does.
            guard case .subscriptAccess(let base, let arguments) = target.kind, case .name(let name) = base.kind,
                let slot = scope.slot(of: name), slot.scope.isAssignable(at: slot.index)
            else { break }
            guard arguments.count == 1 || arguments.count == 2 else { break }
            let value = expression(valueExpr, in: scope)
            let firstCode = expression(arguments[0].value, in: scope)
            let hasSecond = arguments.count == 2, hasDefault = hasSecond && arguments[1].label == "default"
            let secondCode = hasSecond ? expression(arguments[1].value, in: scope) : { .void }
            let update: Block = {
                let newValue = try value()
                let first = try firstCode(), second = hasSecond ? try secondCode() : nil
                try evaluator.updateSubscript(&slot.scope[slot: slot.index], first, second, hasDefault: hasDefault, at: target.position) {
                    try evaluator.assign(op, newValue, to: &$0, at: position)
                }
                return .normal
            }
            guard op == nil, let count = dictionaryCount(target, valueExpr, slot: slot, otherwise: update, in: scope) else { return update }
            return count
        case .expression(let expr):
            if case .call(let callee, let arguments) = expr.kind, case .member(let base, "append") = callee.kind,
                case .name(let name) = base.kind, arguments.count == 1, arguments[0].label == nil,
                let slot = scope.slot(of: name), slot.scope.isAssignable(at: slot.index)
            {
                let element = expression(arguments[0].value, in: scope)
                return {
                        let value = try element()
                    try evaluator.append(value, to: &slot.scope[slot: slot.index], at: callee.position)
                    return .normal
                }
            }
            let value = expression(expr, in: scope)
            return {
                _ = try value()
                return .normal
            }
        case .ifElse(let conditions, let then, let otherwise) where !then.declaresNames && !(otherwise?.declaresNames ?? false):
            let thenBlock = block(then, in: scope)
            // Closures are kept out of optionals here and below: `Optional.map` hands them
            // back behind a reabstraction thunk.
            var otherwiseBlock: Block = { .normal }
            if let otherwise { otherwiseBlock = block(otherwise, in: scope) }
            if conditions.count == 1 {
                let test = condition(conditions[0], in: scope)
                return {
                    if try test() { return try thenBlock() }
                    return try otherwiseBlock()
                }
            }
            let tests = conditions.map { condition($0, in: scope) }
            return {
                for test in tests where try !test() {
                    return try otherwiseBlock()
                }
                return try thenBlock()
            }
        case .forIn(.name(let name, _), let sequence, nil, let body, false) where compilesNestedLoops:
            guard case .binary(let op, _, _) = sequence.kind, op == .halfOpenRange || op == .closedRange,
                !body.usesNameBeforeDeclaring(bound: [name])
            else { break }
            let loop = rangeLoop(name, bounds: expression(sequence, in: scope), body, in: scope, at: sequence.position)
            return {
                return try loop()
            }
        case .returnValue(let valueExpr):
            let value = valueExpr.map { operand($0, in: scope) } ?? .constant(.void)
            return {
                return .returned(try value.value())
            }
        case .breakLoop:
            return {
                return .breakLoop
            }
        case .continueLoop:
            return {
                return .continueLoop
            }
        default:
            break
        }
        return { try evaluator.execute(statement, in: scope) }
    }

    /// A condition: a comparison of two Ints or Doubles inline (InlineCondition), anything
    /// else evaluated and checked to be a Bool (`Evaluator.truth`).
    private mutating func condition(_ expr: Expr, in scope: Scope) -> Test {
        if case .binary(let op, let left, let right) = expr.kind, op.isComparison {
            let client = InlineCondition(
                op: op, left: operand(left, in: scope), right: operand(right, in: scope), evaluator: evaluator, position: expr.position)
            if case .condition(let test)? = op.inline(client) { return test }
        }
        let evaluator = self.evaluator, value = expression(expr, in: scope), position = expr.position
        return { try evaluator.truth(try value(), at: position) }
    }

    mutating func expression(_ expr: Expr, in scope: Scope) -> Code {
        let evaluator = self.evaluator, position = expr.position
        switch expr.kind {
        case .int(let number):
            let value = Value.int(number)
            return { value }
        case .double(let number):
            let value = Value.double(number)
            return { value }
        case .bool(let flag):
            let value = Value.bool(flag)
            return { value }
        case .name(let name):
            guard let slot = scope.slot(of: name) else { break }
            return { slot.scope[slot: slot.index] }
        case .anonymousArgument(let index):
            guard let slot = scope.slot(of: Evaluator.anonymousName(index)) else { break }
            return { slot.scope[slot: slot.index] }
        case .binary(let op, let left, let right) where op == .and || op == .or:
            let isAnd = op == .and
            let leftCode = expression(left, in: scope), rightCode = expression(right, in: scope)
            return {
                let first = try evaluator.truth(try leftCode(), at: left.position)
                if first != isAnd { return .bool(first) }
                return .bool(try evaluator.truth(try rightCode(), at: right.position))
            }
        case .binary(let op, let left, let right):
            if case .expression(let code)? = op.inline(
                InlineBinary(op: op, left: operand(left, in: scope), right: operand(right, in: scope), evaluator: evaluator, position: position))
            {
                return code
            }
            let leftCode = expression(left, in: scope), rightCode = expression(right, in: scope)
            return {
                let a = try leftCode()
                return try evaluator.binary(op, a, try rightCode(), at: position)
            }
        case .prefix(let op, let operand):
            let code = expression(operand, in: scope)
            return { try evaluator.prefix(op, try code(), at: position) }
        case .subscriptAccess(let base, let arguments):
            let container = expression(base, in: scope)
            // `xs[i]` and `counts[k, default: 0]` read directly; the rest (ranges, matrices,
            // errors) in the evaluator.
            if arguments.count == 1 {
                let indexCode = expression(arguments[0].value, in: scope)
                return {
                    let value = try container(), index = try indexCode()
                    if case .array(let elements) = value, case .int(let i) = index, elements.indices.contains(i) { return elements[i] }
                    return try evaluator.subscriptValue(value, [index], arguments, at: position)
                }
            }
            if arguments.count == 2, arguments[1].label == "default" {
                let keyCode = expression(arguments[0].value, in: scope), fallbackCode = expression(arguments[1].value, in: scope)
                return {
                    let value = try container(), key = try keyCode(), fallback = try fallbackCode()
                    if case .dictionary(let dictionary) = value, let hashable = DictionaryKey(key) { return dictionary[hashable] ?? fallback }
                    return try evaluator.subscriptValue(value, [key, fallback], arguments, at: position)
                }
            }
            let indexCodes = arguments.map { expression($0.value, in: scope) }
            return {
                let value = try container()
                let indices = try indexCodes.map { try $0() }
                return try evaluator.subscriptValue(value, indices, arguments, at: position)
            }
        case .call(let callee, let arguments):
            guard case .name(let name) = callee.kind, arguments.allSatisfy({ $0.label == nil }) else { break }
            if let slot = scope.slot(of: name) {
                guard arguments.allSatisfy({ Self.ignoresExpectedType($0.value) }) else { break }
                return call(expr, slot, arguments, in: scope)
            }
            // `Double(i)` and `Int(x)` on numbers, the conversions of inner loops; any other
            // argument goes to the built-in itself.
            guard name == "Double" || name == "Int", arguments.count == 1,
                let builtin = evaluator.context.registry.function(named: name)
            else { break }
            let argument = expression(arguments[0].value, in: scope)
            let function = Value.function(.builtin(builtin))
            let toDouble = name == "Double"
            return {
                let value = try argument()
                if toDouble, case .int(let int) = value { return .double(Double(int)) }
                if toDouble, case .double = value { return value }
                if !toDouble, case .int = value { return value }
                return try evaluator.callFunction(function, with: [value], at: position)
            }
        default:
            break
        }
        return { try evaluator.evaluate(expr, in: scope) }
    }

    /// Whether `expr` evaluates the same whatever type is expected of it (the evaluator
    /// resolves `.case`, literals of arrays and dictionaries and `?:` against a parameter's type).
    private static func ignoresExpectedType(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .implicitMember, .array, .dictionary, .ternary: false
        default: true
        }
    }
}
