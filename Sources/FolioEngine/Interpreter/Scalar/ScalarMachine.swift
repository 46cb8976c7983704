/// Runs scalar code (ScalarRoutine): one loop over the instructions, with the frames of
/// the calls under way on a stack of its own, so that a call between scalar functions is
/// a few stores and a jump. No Swift recursion, closure call, retain or allocation happens
/// per call or per operation; the slow paths (overflow, a built-in, an error) are the
/// evaluator's own.
enum ScalarMachine {
    /// Words of frame stack taken from the thread's stack; deeper runs move to the heap.
    private static let stackWordsOnThreadStack = 512

    /// A call under way that a deeper call interrupted.
    fileprivate struct Return {
        var routine: UnsafeMutablePointer<ScalarRoutine>
        /// The `call` instruction, whose `a` receives the result.
        var pc: Int
        /// Where its frame starts on the frame stack.
        var frame: Int
    }

    /// Runs `function`, once `bind` has written its arguments into the first slots of its
    /// frame (or returned false: then nothing runs and the result is nil). The caller has
    /// counted the depth of this call; deeper ones count from there.
    static func run(_ function: ScalarFunction, evaluator: Evaluator, bind: (ScalarFrame) -> Bool) throws -> UInt64? {
        try withUnsafeTemporaryAllocation(of: UInt64.self, capacity: stackWordsOnThreadStack) { words in
            var stack = FrameStack(words.baseAddress!, capacity: words.count)
            defer { stack.release() }
            guard bind(stack.base) else { return nil }
            try evaluator.tick(at: function.start)
            let depthLimit = Evaluator.maximumCallDepth - evaluator.callDepth
            return try withUnsafeTemporaryAllocation(of: Return.self, capacity: max(depthLimit, 0) + 1) { returns in
                try execute(
                    function.routine, on: &stack, returns: returns.baseAddress!, depthLimit: depthLimit, evaluator: evaluator,
                    context: evaluator.context)
            }
        }
    }

    /// The memory of runs made one after another from one place (ScalarClosure, once per
    /// element of a built-in's loop): the frame stack and the returns, allocated once and
    /// not at each run. Runs must not overlap (scalar code never calls back into its
    /// caller). A struct of pointers, so that a run retains nothing; its owner calls `release`.
    struct Workspace {
        fileprivate var stack: FrameStack
        fileprivate let returns: UnsafeMutablePointer<Return>
        fileprivate let depthLimit: Int

        /// For runs whose calls may nest `depthLimit` deeper (at least 0).
        init(depthLimit: Int) {
            stack = FrameStack(.allocate(capacity: stackWordsOnThreadStack), capacity: stackWordsOnThreadStack, onHeap: true)
            returns = .allocate(capacity: depthLimit + 1)
            self.depthLimit = depthLimit
        }

        func release() {
            stack.release()
            returns.deallocate()
        }
    }

    /// Runs `routine` (whose stop check reports at `start`) in `workspace`, once `bind` has
    /// written its arguments; the caller has counted the depth of this call and made the
    /// workspace for the depth left. `context` is the evaluator's (passed in, so that a run
    /// does not retain it).
    @inline(__always)
    static func run(
        _ routine: UnsafeMutablePointer<ScalarRoutine>, start: SourcePosition, in workspace: inout Workspace, evaluator: Evaluator,
        context: CellContext, bind: (ScalarFrame) -> Void
    ) throws -> UInt64 {
        bind(workspace.stack.base)
        do {
            try context.tick()
        } catch {
            throw RuntimeError(stopped: error, at: start)
        }
        return try execute(
            routine, on: &workspace.stack, returns: workspace.returns, depthLimit: workspace.depthLimit, evaluator: evaluator, context: context)
    }

    private static func execute(
        _ entry: UnsafeMutablePointer<ScalarRoutine>, on stack: inout FrameStack, returns: UnsafeMutablePointer<Return>,
        depthLimit: Int, evaluator: Evaluator, context: CellContext
    ) throws -> UInt64 {
        var routine = entry
        var code = routine.pointee.code
        var frameStart = 0
        var frame = stack.base
        var pc = 0
        var depth = 0
        copyConstants(of: routine, into: frame)
        do {
            while true {
                let instruction = code[pc]
                let (a, b, c) = (Int(instruction.a), Int(instruction.b), Int(instruction.c))
                switch instruction.opcode {
                case .addInt: try ints(InlineAdd.self, .add, frame, a, b, c, routine, pc, evaluator)
                case .subtractInt: try ints(InlineSubtract.self, .subtract, frame, a, b, c, routine, pc, evaluator)
                case .multiplyInt: try ints(InlineMultiply.self, .multiply, frame, a, b, c, routine, pc, evaluator)
                case .divideInt: try ints(InlineDivide.self, .divide, frame, a, b, c, routine, pc, evaluator)
                case .remainderInt: try ints(InlineRemainder.self, .remainder, frame, a, b, c, routine, pc, evaluator)
                case .lessInt: try ints(InlineLess.self, .less, frame, a, b, c, routine, pc, evaluator)
                case .lessOrEqualInt: try ints(InlineLessOrEqual.self, .lessOrEqual, frame, a, b, c, routine, pc, evaluator)
                case .greaterInt: try ints(InlineGreater.self, .greater, frame, a, b, c, routine, pc, evaluator)
                case .greaterOrEqualInt: try ints(InlineGreaterOrEqual.self, .greaterOrEqual, frame, a, b, c, routine, pc, evaluator)
                case .equalInt: try ints(InlineEqual.self, .equal, frame, a, b, c, routine, pc, evaluator)
                case .notEqualInt: try ints(InlineNotEqual.self, .notEqual, frame, a, b, c, routine, pc, evaluator)
                case .addDouble: doubles(InlineAdd.self, frame, a, b, c)
                case .subtractDouble: doubles(InlineSubtract.self, frame, a, b, c)
                case .multiplyDouble: doubles(InlineMultiply.self, frame, a, b, c)
                case .divideDouble: doubles(InlineDivide.self, frame, a, b, c)
                case .remainderDouble: doubles(InlineRemainder.self, frame, a, b, c)
                case .lessDouble: doubles(InlineLess.self, frame, a, b, c)
                case .lessOrEqualDouble: doubles(InlineLessOrEqual.self, frame, a, b, c)
                case .greaterDouble: doubles(InlineGreater.self, frame, a, b, c)
                case .greaterOrEqualDouble: doubles(InlineGreaterOrEqual.self, frame, a, b, c)
                case .equalDouble: doubles(InlineEqual.self, frame, a, b, c)
                case .notEqualDouble: doubles(InlineNotEqual.self, frame, a, b, c)
                case .move:
                    frame[a] = frame[b]
                case .not:
                    frame[a] = frame[b] == 0 ? 1 : 0
                case .negateInt:
                    let int = Int(truncatingIfNeeded: frame[b])
                    let (negated, overflow) = Int(0).subtractingReportingOverflow(int)
                    if overflow {
                        let position = routine.pointee.body.takeUnretainedValue().positions[pc]
                        frame[a] = try ScalarType.int.bits(try evaluator.prefix(.negate, .int(int), at: position), at: position)
                    } else {
                        frame[a] = UInt64(truncatingIfNeeded: negated)
                    }
                case .negateDouble:
                    frame[a] = (-Double(bitPattern: frame[b])).bitPattern
                case .intToDouble:
                    frame[a] = Double(Int(truncatingIfNeeded: frame[b])).bitPattern
                case .jump:
                    pc = Int(instruction.d)
                    continue
                case .jumpIfFalse:
                    if frame[a] == 0 {
                        pc = Int(instruction.d)
                        continue
                    }
                case .jumpIfTrue:
                    if frame[a] != 0 {
                        pc = Int(instruction.d)
                        continue
                    }
                case .tick:
                    try tick(context, routine, pc)
                case .range:
                    let position = routine.pointee.body.takeUnretainedValue().positions[pc]
                    let op: BinaryOperator = instruction.d == 0 ? .halfOpenRange : .closedRange
                    let bounds = try evaluator.binary(op, .int(Int(truncatingIfNeeded: frame[b])), .int(Int(truncatingIfNeeded: frame[c])), at: position)
                    // Not a range: the loop runs no iteration (`rangeNext` finds it done).
                    let (first, end) = if case .range(let first, let end) = bounds { (first, end) } else { (0, 0) }
                    frame[a] = UInt64(truncatingIfNeeded: first)
                    frame[a + 1] = UInt64(truncatingIfNeeded: end)
                case .rangeNext:
                    guard Int(truncatingIfNeeded: frame[a]) < Int(truncatingIfNeeded: frame[a + 1]) else {
                        pc = Int(instruction.d)
                        continue
                    }
                    try tick(context, routine, pc)
                case .rangeStep:
                    frame[a] &+= 1
                    pc = Int(instruction.d)
                    continue
                case .call, .callSpread:
                    let callee = routine.pointee.callees[Int(instruction.d)]
                    guard depth < depthLimit else { throw nestedTooDeep(routine, pc) }
                    // The stop check of the callee's start, made here so that a stop moves to
                    // a loop around this call, as the evaluator's would.
                    do {
                        try context.tick()
                    } catch {
                        throw RuntimeError(stopped: error, at: callee.pointee.body.takeUnretainedValue().start)
                    }
                    let calleeStart = frameStart + routine.pointee.frameSize
                    let calleeEnd = calleeStart + callee.pointee.frameSize
                    if calleeEnd > stack.capacity {
                        stack.grow(toHold: calleeEnd)
                        frame = stack.base + frameStart
                    }
                    let calleeFrame = stack.base + calleeStart
                    let parameterCount = callee.pointee.parameterCount
                    if instruction.opcode == .call {
                        if parameterCount > 0 { calleeFrame[0] = frame[b] }
                        if parameterCount > 1 { calleeFrame[1] = frame[c] }
                    } else {
                        for index in 0..<parameterCount { calleeFrame[index] = frame[b + index] }
                    }
                    copyConstants(of: callee, into: calleeFrame)
                    returns[depth] = Return(routine: routine, pc: pc, frame: frameStart)
                    depth += 1
                    (routine, code, frame, frameStart, pc) = (callee, callee.pointee.code, calleeFrame, calleeStart, 0)
                    continue
                case .builtin:
                    let body = routine.pointee.body.takeUnretainedValue()
                    frame[a] = try body.builtins[Int(instruction.d)].call(arguments: frame + b, evaluator: evaluator)
                case .returnValue:
                    let result = frame[a]
                    if depth == 0 { return result }
                    depth -= 1
                    let back = returns[depth]
                    (routine, code, frameStart, pc) = (back.routine, back.routine.pointee.code, back.frame, back.pc)
                    frame = stack.base + frameStart
                    frame[Int(code[pc].a)] = result
                case .internalError:
                    throw RuntimeError(
                        message: "internal error: scalar code ran past its end or into a function not compiled", position: SourcePosition(line: 0, column: 0),
                        hint: nil)
                }
                pc += 1
            }
        } catch var error as RuntimeError where error.pendingLoopPosition {
            // A stop moves to the innermost loop around the instruction that was running, in
            // this call or in the calls it interrupted (the evaluator's `stoppingAtLoop`).
            var chain = [(routine, pc)]
            for index in stride(from: depth - 1, through: 0, by: -1) { chain.append((returns[index].routine, returns[index].pc)) }
            for (routine, pc) in chain {
                if let loop = routine.pointee.body.takeUnretainedValue().loops[pc] {
                    error.moveToLoop(at: loop)
                    break
                }
            }
            throw error
        }
    }

    @inline(__always)
    private static func copyConstants(of routine: UnsafeMutablePointer<ScalarRoutine>, into frame: ScalarFrame) {
        let base = routine.pointee.constantBase, constants = routine.pointee.constants
        for index in 0..<routine.pointee.constantCount { frame[base + index] = constants[index] }
    }

    /// `a = b op c` on two Ints; an overflow or a division by zero goes to `Evaluator.binary`.
    @inline(__always)
    private static func ints<Operator: InlineOperator>(
        _: Operator.Type, _ op: BinaryOperator, _ frame: ScalarFrame, _ a: Int, _ b: Int, _ c: Int,
        _ routine: UnsafeMutablePointer<ScalarRoutine>, _ pc: Int, _ evaluator: Evaluator
    ) throws {
        let x = Int(truncatingIfNeeded: frame[b]), y = Int(truncatingIfNeeded: frame[c])
        switch Operator.ints(x, y) {
        case .int(let result)?: frame[a] = UInt64(truncatingIfNeeded: result)
        case .bool(let holds)?: frame[a] = holds ? 1 : 0
        default:
            let position = routine.pointee.body.takeUnretainedValue().positions[pc]
            frame[a] = try ScalarType.int.bits(try evaluator.binary(op, .int(x), .int(y), at: position), at: position)
        }
    }

    /// `a = b op c` on two Doubles.
    @inline(__always)
    private static func doubles<Operator: InlineOperator>(_: Operator.Type, _ frame: ScalarFrame, _ a: Int, _ b: Int, _ c: Int) {
        switch Operator.doubles(Double(bitPattern: frame[b]), Double(bitPattern: frame[c])) {
        case .double(let result): frame[a] = result.bitPattern
        case .bool(let holds): frame[a] = holds ? 1 : 0
        default: preconditionFailure("an inline operator on Doubles gives a Double or a Bool")
        }
    }

    @inline(__always)
    private static func tick(_ context: CellContext, _ routine: UnsafeMutablePointer<ScalarRoutine>, _ pc: Int) throws {
        do {
            try context.tick()
        } catch {
            throw RuntimeError(stopped: error, at: routine.pointee.body.takeUnretainedValue().positions[pc])
        }
    }

    private static func nestedTooDeep(_ routine: UnsafeMutablePointer<ScalarRoutine>, _ pc: Int) -> RuntimeError {
        RuntimeError(nestedTooDeepAt: routine.pointee.body.takeUnretainedValue().positions[pc])
    }
}

/// The frames of the calls under way, one after the other: on the thread's stack at first,
/// moved to the heap (and grown there) when a run goes deeper.
fileprivate struct FrameStack {
    private(set) var base: ScalarFrame
    private(set) var capacity: Int
    private var onHeap = false

    init(_ base: ScalarFrame, capacity: Int, onHeap: Bool = false) {
        self.base = base
        self.capacity = capacity
        self.onHeap = onHeap
    }

    /// Makes room for `words` words, keeping the frames in use.
    mutating func grow(toHold words: Int) {
        let grown = max(words, capacity * 2)
        let moved = ScalarFrame.allocate(capacity: grown)
        moved.update(from: base, count: capacity)
        release()
        (base, capacity, onHeap) = (moved, grown, true)
    }

    func release() {
        if onHeap { base.deallocate() }
    }
}
