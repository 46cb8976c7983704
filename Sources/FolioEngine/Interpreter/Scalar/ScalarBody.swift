/// What ScalarCompiler makes of a function's body: the instructions, with what each needs
/// only when it fails (its position, the innermost loop around it), the constants, and the
/// functions and built-ins it calls. Slots are final (constants after the other slots).
struct ScalarProgram {
    var instructions: [ScalarInstruction] = []
    var positions: [SourcePosition] = []
    /// The position of the innermost loop around each instruction, where a stop moves to.
    var loops: [SourcePosition?] = []
    var constants: [UInt64] = []
    /// Slots before the constants: the parameters, locals and temporaries.
    var slotCount = 0
    var callees: [ScalarFunction] = []
    var builtins: [ScalarBuiltinCall] = []
    /// Where a call's stop check reports (ScalarFunction's `start`).
    var start = SourcePosition(line: 0, column: 0)
}

/// A compiled body in memory that stays put while the body lives (ScalarRoutine points
/// into it): immutable once made, freed with it.
final class ScalarBody: @unchecked Sendable {
    private let instructions: UnsafeMutableBufferPointer<ScalarInstruction>
    private let constants: UnsafeMutableBufferPointer<UInt64>
    private let calleeRoutines: UnsafeMutableBufferPointer<UnsafeMutablePointer<ScalarRoutine>>
    /// Held, so that the routines called outlive this code.
    private let callees: [ScalarFunction]
    private let slotCount: Int
    let positions: [SourcePosition]
    let loops: [SourcePosition?]
    let builtins: [ScalarBuiltinCall]
    let start: SourcePosition

    init(_ program: ScalarProgram) {
        instructions = .allocate(capacity: program.instructions.count)
        _ = instructions.initialize(from: program.instructions)
        constants = .allocate(capacity: max(program.constants.count, 1))
        _ = constants.initialize(from: program.constants)
        calleeRoutines = .allocate(capacity: max(program.callees.count, 1))
        _ = calleeRoutines.initialize(from: program.callees.map(\.routine))
        callees = program.callees
        slotCount = program.slotCount
        positions = program.positions
        loops = program.loops
        builtins = program.builtins
        start = program.start
    }

    deinit {
        instructions.deallocate()
        constants.deallocate()
        calleeRoutines.deallocate()
    }

    /// The routine that runs this body, for a function of `parameterCount` parameters.
    func routine(parameterCount: Int) -> ScalarRoutine {
        ScalarRoutine(
            code: UnsafePointer(instructions.baseAddress!), frameSize: max(slotCount + constants.count, parameterCount),
            parameterCount: parameterCount, constants: UnsafePointer(constants.baseAddress!), constantBase: slotCount,
            constantCount: constants.count, callees: UnsafePointer(calleeRoutines.baseAddress!), body: .passUnretained(self))
    }

    /// The body of a function not compiled (yet, or any more): no call reaches it, since
    /// code that calls a function is dropped with it.
    static let notCompiled: ScalarBody = {
        var program = ScalarProgram()
        program.instructions = [ScalarInstruction(opcode: .internalError)]
        program.positions = [SourcePosition(line: 0, column: 0)]
        program.loops = [nil]
        program.slotCount = 1
        return ScalarBody(program)
    }()
}
