/// Compiles the body of a scalar function (ScalarFunction) to scalar code, or refuses it:
/// any statement, expression or name outside what scalar code keeps exactly makes
/// `compileBody` return false, and the function runs as compiled code (CompiledFunction),
/// whose meaning is the evaluator's. Names resolve here, once: the parameters and locals to
/// frame slots (a block's names to slots of their own, so shadowing resolves as in the
/// evaluator's nested scopes), a called name to the scalar function or built-in it is bound
/// to when the function is compiled (a `func` or `let` binding never changes afterwards).
struct ScalarCompiler {
    let function: ScalarFunction
    let closure: Closure
    let evaluator: Evaluator
    let functions: ScalarFunctions

    struct Local {
        var slot: Int
        var type: ScalarType
        var isVar: Bool
    }

    /// The names in scope, innermost block last.
    private var scopes: [[String: Local]] = [[:]]
    /// Slots used so far (slot 0 holds the result).
    private var slotCount = 1

    init(function: ScalarFunction, closure: Closure, evaluator: Evaluator, functions: ScalarFunctions) {
        self.function = function
        self.closure = closure
        self.evaluator = evaluator
        self.functions = functions
    }

    /// Compiles the body into `function`; false when it is not scalar code's to run.
    mutating func compileBody() -> Bool {
        var body = closure.literal.body
        // `{ x * 2 }`: a body of one expression returns its value.
        if body.count == 1, case .expression(let expr) = body[0].kind { body = [Stmt(kind: .returnValue(expr), position: body[0].position)] }
        guard Set(closure.parameterNames).count == closure.parameterNames.count, Self.returnsOnEveryPath(body) else { return false }
        for (name, type) in zip(closure.parameterNames, function.parameterTypes) { _ = declare(name, type, isVar: false) }
        do {
            function.install(try block(body), frameSize: slotCount)
            return true
        } catch {
            return false
        }
    }

    /// Whether every path through `statements` ends in a `return` (a scalar function has a
    /// result of its declared type; the evaluator's `()` at the end of a body is not one).
    private static func returnsOnEveryPath(_ statements: [Stmt]) -> Bool {
        statements.contains { statement in
            switch statement.kind {
            case .returnValue: true
            case .ifElse(_, let then, let otherwise?): returnsOnEveryPath(then) && returnsOnEveryPath(otherwise)
            default: false
            }
        }
    }

    // MARK: Names

    func local(_ name: String) -> Local? {
        for scope in scopes.reversed() {
            if let local = scope[name] { return local }
        }
        return nil
    }

    private mutating func declare(_ name: String, _ type: ScalarType, isVar: Bool) -> Int {
        let slot = slotCount
        slotCount += 1
        scopes[scopes.count - 1][name] = Local(slot: slot, type: type, isVar: isVar)
        return slot
    }

    // MARK: Statements

    /// What scalar code does not run (the function is then left to CompiledFunction).
    /// Compiling throws it rather than returning optionals: a closure in an Optional is
    /// called through a reabstraction thunk.
    struct NotScalar: Error {}

    /// A block's statements, its names in a scope of their own.
    private mutating func block(_ statements: [Stmt]) throws(NotScalar) -> ScalarBlock {
        scopes.append([:])
        defer { scopes.removeLast() }
        return try chain(statements[...])
    }

    /// The statements, each closure calling the next (closures kept in an array would be
    /// called through thunks). A long block nests as a balanced tree of pairs.
    private mutating func chain(_ statements: ArraySlice<Stmt>) throws(NotScalar) -> ScalarBlock {
        guard let head = statements.first else { return { _ in .normal } }
        if statements.count == 1 { return try statement(head) }
        let middle = statements.startIndex + statements.count / 2
        let first = try chain(statements[..<middle]), rest = try chain(statements[middle...])
        return { frame in
            let flow = try first(frame)
            guard case .normal = flow else { return flow }
            return try rest(frame)
        }
    }

    private mutating func statement(_ statement: Stmt) throws(NotScalar) -> ScalarBlock {
        let evaluator = self.evaluator, position = statement.position
        switch statement.kind {
        case .binding(let isVar, .name(let name, _), let annotation, let valueExpr?):
            var value = try expression(valueExpr)
            if let annotation {
                // `let x: Double = 1` converts, as the evaluator's binding does.
                guard let declared = ScalarType(evaluator.valueType(of: annotation)) else { throw NotScalar() }
                value = try Self.converted(value, to: declared)
            }
            return Self.store(value.operand, in: declare(name, value.type, isVar: isVar))
        case .assign(let target, let op, let valueExpr):
            // The evaluator assigns without converting: a value of another type would change
            // the variable's type, which scalar code cannot follow.
            guard case .name(let name) = target.kind, let local = local(name), local.isVar else { throw NotScalar() }
            var value = try expression(valueExpr)
            if let op { value = try binary(op, TypedOperand(type: local.type, operand: .slot(local.slot)), value, at: position) }
            guard value.type == local.type else { throw NotScalar() }
            return Self.store(value.operand, in: local.slot)
        case .expression(let expr):
            let code = try expression(expr).operand.code
            return { frame in
                _ = try code(frame)
                return .normal
            }
        case .ifElse(let conditions, let then, let otherwise):
            // `if a, b` is `if a && b`.
            var test = try condition(conditions[0])
            for condition in conditions.dropFirst() { test = try binary(.and, test, try self.condition(condition), at: position) }
            let holds = test.operand, thenBlock = try block(then)
            guard let otherwise else {
                return { frame in try holds.bits(frame) != 0 ? try thenBlock(frame) : .normal }
            }
            let otherwiseBlock = try block(otherwise)
            return { frame in try holds.bits(frame) != 0 ? try thenBlock(frame) : try otherwiseBlock(frame) }
        case .whileLoop(let condition, let body):
            let holds = try self.condition(condition).operand, run = try block(body)
            return { frame in
                try evaluator.stoppingAtLoop(position) {
                    while try holds.bits(frame) != 0 {
                        try evaluator.tick(at: position)
                        switch try run(frame) {
                        case .breakLoop: return .normal
                        case .returned: return .returned
                        case .normal, .continueLoop: continue
                        }
                    }
                    return .normal
                }
            }
        case .forIn(let pattern, let sequence, nil, let body, _):
            return try rangeLoop(pattern, sequence, body, at: position)
        case .returnValue(let valueExpr?):
            let value = try expression(valueExpr)
            guard value.type == function.resultType else { throw NotScalar() }
            let operand = value.operand
            return { frame in
                frame[0] = try operand.bits(frame)
                return .returned
            }
        case .breakLoop:
            return { _ in .breakLoop }
        case .continueLoop:
            return { _ in .continueLoop }
        default:
            throw NotScalar()
        }
    }

    /// A condition, which must be a Bool (the evaluator's `truth` would fail on anything else).
    private func condition(_ expr: Expr) throws(NotScalar) -> TypedOperand {
        let test = try expression(expr)
        guard test.type == .bool else { throw NotScalar() }
        return test
    }

    /// `for i in a..<b` (or `a...b`, or `for _ in`) over Int bounds. The range is made by
    /// `Evaluator.binary`, so its errors (bounds the wrong way round) are the evaluator's.
    private mutating func rangeLoop(_ pattern: Pattern, _ sequence: Expr, _ body: [Stmt], at position: SourcePosition) throws(NotScalar) -> ScalarBlock {
        guard case .binary(let op, let lowerExpr, let upperExpr) = sequence.kind, op == .halfOpenRange || op == .closedRange else {
            throw NotScalar()
        }
        let lower = try expression(lowerExpr), upper = try expression(upperExpr)
        guard lower.type == .int, upper.type == .int else { throw NotScalar() }
        scopes.append([:])
        defer { scopes.removeLast() }
        var slot: Int?
        switch pattern {
        case .name(let name, _): slot = declare(name, .int, isVar: false)
        case .wildcard: break
        case .tuple: throw NotScalar()
        }
        let run = try block(body)
        let evaluator = self.evaluator, sequencePosition = sequence.position, variable = slot ?? 0, binds = slot != nil
        let (lowerOperand, upperOperand) = (lower.operand, upper.operand)
        return { frame in
            let bounds = try evaluator.binary(
                op, .int(Int(truncatingIfNeeded: try lowerOperand.bits(frame))), .int(Int(truncatingIfNeeded: try upperOperand.bits(frame))),
                at: sequencePosition)
            guard case .range(let first, let end) = bounds else { return .normal }
            return try evaluator.stoppingAtLoop(position) {
                var index = first
                while index < end {
                    try evaluator.tick(at: sequencePosition)
                    if binds { frame[variable] = UInt64(truncatingIfNeeded: index) }
                    switch try run(frame) {
                    case .breakLoop: return .normal
                    case .returned: return .returned
                    case .normal, .continueLoop: index += 1
                    }
                }
                return .normal
            }
        }
    }

    private static func store(_ operand: ScalarOperand, in slot: Int) -> ScalarBlock {
        { frame in
            frame[slot] = try operand.bits(frame)
            return .normal
        }
    }
}
