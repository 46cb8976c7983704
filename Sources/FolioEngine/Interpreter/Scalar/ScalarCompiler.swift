/// Compiles the body of a scalar function (ScalarFunction) or of a closure a built-in calls
/// per element (ScalarClosure) to instructions (ScalarProgram), or refuses it: any
/// statement, expression or name outside what scalar code keeps exactly makes `compileBody`
/// return nil, and the function runs as compiled code (CompiledFunction), whose meaning is
/// the evaluator's. Names resolve here, once: the parameters and locals to frame slots (a
/// block's names to slots of their own, so shadowing resolves as in the evaluator's nested
/// scopes), a called name to the scalar function or built-in it is bound to when the
/// function is compiled (a `func` or `let` binding never changes afterwards), and, when the
/// signature allows it, a captured scalar to a constant.
///
/// Slots: the parameters from 0, then locals and temporaries (each expression's result gets
/// a slot of its own: none is reused, so a frame is as large as the body's expressions).
/// A constant's slot is negative while compiling (`-1 - index`); `finish` moves the
/// constants after the other slots, where each call's frame gets a copy.
struct ScalarCompiler {
    let signature: ScalarSignature
    let closure: Closure
    let evaluator: Evaluator
    let functions: ScalarFunctions

    struct Local {
        var slot: Int32
        var type: ScalarType
        var isVar: Bool
    }

    /// A loop being compiled: where a stop inside it moves to, and the jumps its `break`s
    /// and `continue`s left to patch.
    private struct Loop {
        var position: SourcePosition
        var breaks: [Int] = []
        var continues: [Int] = []
    }

    /// The names in scope, innermost block last.
    private var scopes: [[String: Local]] = [[:]]
    private var loops: [Loop] = []
    var program = ScalarProgram()
    private var constantSlots: [UInt64: Int32] = [:]
    /// Whether each slot holds a `let` or `var` (the others are temporaries).
    private var isLocal: [Bool] = []
    /// The temporary the last instruction wrote and no other writes, if it did: a store of
    /// it into a local can write the local instead (`s = s + x` needs no move).
    private var lastResult: Int32?

    /// The result's type: the signature's, or the type of the first `return` compiled
    /// (every other must return the same).
    private var resultType: ScalarType?

    init(signature: ScalarSignature, closure: Closure, evaluator: Evaluator, functions: ScalarFunctions) {
        self.signature = signature
        self.closure = closure
        self.evaluator = evaluator
        self.functions = functions
        resultType = signature.resultType
    }

    /// The compiled body and its result's type; nil when it is not scalar code's to run.
    mutating func compileBody() -> (program: ScalarProgram, resultType: ScalarType)? {
        var body = closure.literal.body
        // `{ x * 2 }`: a body of one expression returns its value.
        if body.count == 1, case .expression(let expr) = body[0].kind { body = [Stmt(kind: .returnValue(expr), position: body[0].position)] }
        let names = signature.parameterNames
        guard Set(names).count == names.count, Self.returnsOnEveryPath(body) else { return nil }
        for (name, type) in zip(names, signature.parameterTypes) { _ = declare(name, type, isVar: false) }
        do {
            try block(body)
        } catch {
            return nil
        }
        guard let resultType else { return nil }
        emit(.internalError, at: signature.start)
        finish()
        return (program, resultType)
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

    /// Gives the constants their slots after the others.
    private mutating func finish() {
        program.slotCount = isLocal.count
        program.start = signature.start
        let base = Int32(program.slotCount)
        func placed(_ slot: Int32) -> Int32 { slot < 0 ? base + (-1 - slot) : slot }
        for index in program.instructions.indices {
            program.instructions[index].a = placed(program.instructions[index].a)
            program.instructions[index].b = placed(program.instructions[index].b)
            program.instructions[index].c = placed(program.instructions[index].c)
        }
    }

    // MARK: Slots and instructions

    func local(_ name: String) -> Local? {
        for scope in scopes.reversed() {
            if let local = scope[name] { return local }
        }
        return nil
    }

    private mutating func declare(_ name: String, _ type: ScalarType, isVar: Bool) -> Int32 {
        let slot = temporary()
        declare(name, type, isVar: isVar, in: slot)
        return slot
    }

    private mutating func declare(_ name: String, _ type: ScalarType, isVar: Bool, in slot: Int32) {
        isLocal[Int(slot)] = true
        scopes[scopes.count - 1][name] = Local(slot: slot, type: type, isVar: isVar)
    }

    /// A new slot for an intermediate result.
    mutating func temporary() -> Int32 {
        isLocal.append(false)
        return Int32(isLocal.count - 1)
    }

    /// The slot holding the constant `bits`.
    mutating func constant(_ bits: UInt64) -> Int32 {
        if let slot = constantSlots[bits] { return slot }
        let slot = -1 - Int32(program.constants.count)
        program.constants.append(bits)
        constantSlots[bits] = slot
        return slot
    }

    /// Appends an instruction; returns its index (a jump's, to patch its target).
    @discardableResult
    mutating func emit(_ opcode: ScalarOpcode, a: Int32 = 0, b: Int32 = 0, c: Int32 = 0, d: Int32 = 0, at position: SourcePosition) -> Int {
        program.instructions.append(ScalarInstruction(opcode: opcode, a: a, b: b, c: c, d: d))
        program.positions.append(position)
        program.loops.append(loops.last?.position)
        lastResult = nil
        return program.instructions.count - 1
    }

    /// Appends an instruction whose result is a new temporary of type `type`.
    mutating func result(_ type: ScalarType, _ opcode: ScalarOpcode, b: Int32 = 0, c: Int32 = 0, d: Int32 = 0, at position: SourcePosition) -> TypedSlot {
        let slot = temporary()
        emit(opcode, a: slot, b: b, c: c, d: d, at: position)
        lastResult = slot
        return TypedSlot(type: type, slot: slot)
    }

    /// The index the next instruction gets (a jump's target).
    var here: Int32 { Int32(program.instructions.count) }

    /// Points the jump at `index` to `target` (the next instruction by default).
    mutating func patch(_ index: Int, to target: Int32? = nil) {
        program.instructions[index].d = target ?? here
    }

    /// Writes `value` into `slot`: the last instruction writes there instead when it made
    /// `value` and nothing else writes it.
    private mutating func store(_ value: TypedSlot, in slot: Int32, at position: SourcePosition) {
        if lastResult == value.slot {
            program.instructions[program.instructions.count - 1].a = slot
            lastResult = nil
        } else {
            emit(.move, a: slot, b: value.slot, at: position)
        }
    }

    // MARK: Statements

    /// What scalar code does not run (the function is then left to CompiledFunction).
    struct NotScalar: Error {}

    /// A block's statements, its names in a scope of their own.
    private mutating func block(_ statements: [Stmt]) throws(NotScalar) {
        scopes.append([:])
        defer { scopes.removeLast() }
        for statement in statements { try self.statement(statement) }
    }

    private mutating func statement(_ statement: Stmt) throws(NotScalar) {
        let position = statement.position
        switch statement.kind {
        case .binding(let isVar, .name(let name, _), let annotation, let valueExpr?):
            var value = try expression(valueExpr)
            if let annotation {
                // `let x: Double = 1` converts, as the evaluator's binding does.
                guard let declared = ScalarType(evaluator.valueType(of: annotation)) else { throw NotScalar() }
                value = try converted(value, to: declared, at: position)
            }
            if value.slot >= 0, !isLocal[Int(value.slot)] {
                // A temporary becomes the variable: nothing else reads or writes it.
                declare(name, value.type, isVar: isVar, in: value.slot)
            } else {
                let slot = declare(name, value.type, isVar: isVar)
                emit(.move, a: slot, b: value.slot, at: position)
            }
        case .assign(let target, let op, let valueExpr):
            // The evaluator assigns without converting: a value of another type would change
            // the variable's type, which scalar code cannot follow.
            guard case .name(let name) = target.kind, let local = local(name), local.isVar else { throw NotScalar() }
            var value = try expression(valueExpr)
            if let op { value = try binary(op, TypedSlot(type: local.type, slot: local.slot), value, at: position) }
            guard value.type == local.type else { throw NotScalar() }
            store(value, in: local.slot, at: position)
        case .expression(let expr):
            _ = try expression(expr)
        case .ifElse(let conditions, let then, let otherwise):
            // `if a, b` tests each in turn.
            var skips: [Int] = []
            for condition in conditions {
                skips.append(emit(.jumpIfFalse, a: try self.condition(condition).slot, at: position))
            }
            try block(then)
            guard let otherwise else {
                for skip in skips { patch(skip) }
                return
            }
            let end = emit(.jump, at: position)
            for skip in skips { patch(skip) }
            try block(otherwise)
            patch(end)
        case .whileLoop(let condition, let body):
            let head = here
            loops.append(Loop(position: position))
            let exit = emit(.jumpIfFalse, a: try self.condition(condition).slot, at: position)
            emit(.tick, at: position)
            try block(body)
            emit(.jump, d: head, at: position)
            closeLoop(continuingAt: head)
            patch(exit)
        case .forIn(let pattern, let sequence, nil, let body, _):
            try rangeLoop(pattern, sequence, body, at: position)
        case .returnValue(let valueExpr?):
            let value = try expression(valueExpr)
            if resultType == nil { resultType = value.type }
            guard value.type == resultType else { throw NotScalar() }
            emit(.returnValue, a: value.slot, at: position)
        case .breakLoop:
            guard !loops.isEmpty else { throw NotScalar() }
            loops[loops.count - 1].breaks.append(emit(.jump, at: position))
        case .continueLoop:
            guard !loops.isEmpty else { throw NotScalar() }
            loops[loops.count - 1].continues.append(emit(.jump, at: position))
        default:
            throw NotScalar()
        }
    }

    /// Ends the innermost loop: its `continue`s jump to `target`, its `break`s to what follows.
    private mutating func closeLoop(continuingAt target: Int32) {
        let loop = loops.removeLast()
        for jump in loop.continues { patch(jump, to: target) }
        for jump in loop.breaks { patch(jump) }
    }

    /// A condition, which must be a Bool (the evaluator's `truth` would fail on anything else).
    private mutating func condition(_ expr: Expr) throws(NotScalar) -> TypedSlot {
        let test = try expression(expr)
        guard test.type == .bool else { throw NotScalar() }
        return test
    }

    /// `for i in a..<b` (or `a...b`, or `for _ in`) over Int bounds. The range is made by
    /// `Evaluator.binary`, so its errors (bounds the wrong way round) are the evaluator's.
    /// The counter is the loop's variable: a `let`, which the body cannot change.
    private mutating func rangeLoop(_ pattern: Pattern, _ sequence: Expr, _ body: [Stmt], at position: SourcePosition) throws(NotScalar) {
        guard case .binary(let op, let lowerExpr, let upperExpr) = sequence.kind, op == .halfOpenRange || op == .closedRange else {
            throw NotScalar()
        }
        let lower = try expression(lowerExpr), upper = try expression(upperExpr)
        guard lower.type == .int, upper.type == .int else { throw NotScalar() }
        let counter = temporary()
        _ = temporary()  // the end, in `counter + 1`
        emit(.range, a: counter, b: lower.slot, c: upper.slot, d: op == .closedRange ? 1 : 0, at: sequence.position)
        scopes.append([:])
        defer { scopes.removeLast() }
        switch pattern {
        case .name(let name, _): declare(name, .int, isVar: false, in: counter)
        case .wildcard: break
        case .tuple: throw NotScalar()
        }
        loops.append(Loop(position: position))
        let head = emit(.rangeNext, a: counter, at: sequence.position)
        try block(body)
        let step = here
        emit(.rangeStep, a: counter, d: Int32(head), at: sequence.position)
        closeLoop(continuingAt: step)
        patch(head)
    }
}

/// What ScalarCompiler compiles a body for: its parameters' names and types, where its
/// stop check reports, and what the names it does not bind may read.
struct ScalarSignature {
    var parameterNames: [String]
    var parameterTypes: [ScalarType]
    /// The declared result type; nil for a closure's, which is what its body returns.
    var resultType: ScalarType?
    /// Where a call's stop check reports (the body's first statement).
    var start: SourcePosition
    /// Whether a name the body does not bind reads the scalar it is bound to now, as a
    /// constant. Only for code run while nothing can assign it: a closure compiled for one
    /// built-in call (its scalar code assigns only its own locals), not a `func`'s code,
    /// which later calls reuse.
    var capturesValues = false
}
