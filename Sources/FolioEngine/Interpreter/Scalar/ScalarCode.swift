/// The pieces of a scalar function's compiled code (ScalarFunction). Every value is an Int,
/// a Double or a Bool whose type the compiler knows, so a value is kept as its 64 bits
/// (an Int's or a Double's bit pattern, a Bool as 0 or 1) in a frame of such words, with
/// no `Value` to build, retain or take apart. The code is a flat array of instructions over
/// frame slots, run by one loop (ScalarMachine): a tree of closures, one per node, cost
/// about 21 ns per call of `fib`, where this costs about 4.
typealias ScalarFrame = UnsafeMutablePointer<UInt64>

/// The static type of a scalar expression.
enum ScalarType: Equatable {
    case int, double, bool

    /// The scalar type of a declared type, nil for any other.
    init?(_ type: ValueType) {
        switch type {
        case .int: self = .int
        case .double: self = .double
        case .bool: self = .bool
        default: return nil
        }
    }

    /// The type of a scalar value, nil for any other.
    init?(of value: Value) {
        switch value {
        case .int: self = .int
        case .double: self = .double
        case .bool: self = .bool
        default: return nil
        }
    }

    var isNumber: Bool { self != .bool }

    /// The bits of `value`, nil when it is not of this type.
    func bits(_ value: Value) -> UInt64? {
        switch (self, value) {
        case (.int, .int(let int)): UInt64(truncatingIfNeeded: int)
        case (.double, .double(let double)): double.bitPattern
        case (.bool, .bool(let flag)): flag ? 1 : 0
        default: nil
        }
    }

    /// The value these bits hold.
    func value(_ bits: UInt64) -> Value {
        switch self {
        case .int: .int(Int(truncatingIfNeeded: bits))
        case .double: .double(Double(bitPattern: bits))
        case .bool: .bool(bits != 0)
        }
    }

    /// The bits of a value the evaluator computed on a slow path (an overflow, a built-in's
    /// result), which must be of this type.
    func bits(_ value: Value, at position: SourcePosition) throws -> UInt64 {
        guard let bits = bits(value) else {
            throw RuntimeError(message: "expected \(ValueType(self)) here, got \(value.typeName)", position: position, hint: nil)
        }
        return bits
    }
}

extension ValueType {
    init(_ type: ScalarType) {
        switch type {
        case .int: self = .int
        case .double: self = .double
        case .bool: self = .bool
        }
    }
}

/// One instruction: `a` is the slot written (or the condition read by a jump), `b` and `c`
/// the slots read, `d` a jump target, a callee's or a built-in's index, or an operator.
struct ScalarInstruction {
    var opcode: ScalarOpcode
    var a: Int32 = 0, b: Int32 = 0, c: Int32 = 0, d: Int32 = 0
}

/// What an instruction does. Arithmetic on Ints reports overflow and division by zero
/// through `Evaluator.binary`, as the evaluator does; comparisons of Bools use the Int ones
/// (their bits are 0 and 1).
enum ScalarOpcode: UInt8 {
    case addInt, subtractInt, multiplyInt, divideInt, remainderInt
    case addDouble, subtractDouble, multiplyDouble, divideDouble, remainderDouble
    case lessInt, lessOrEqualInt, greaterInt, greaterOrEqualInt, equalInt, notEqualInt
    case lessDouble, lessOrEqualDouble, greaterDouble, greaterOrEqualDouble, equalDouble, notEqualDouble
    /// `a = b`.
    case move
    /// `a = !b`, `a = -b`, `a = Double(b)`.
    case not, negateInt, negateDouble, intToDouble
    /// Jump to `d` (when the Bool in `a` is false, or true).
    case jump, jumpIfFalse, jumpIfTrue
    /// A loop's iteration starts: counts a step (timeout, Ctrl-C).
    case tick
    /// `a` and `a + 1` = the first index and the end of the range `b..<c` (`d` 0) or
    /// `b...c` (`d` 1), as `Evaluator.binary` makes it.
    case range
    /// Leaves the loop (jumps to `d`) when the counter `a` has reached the end `a + 1`,
    /// otherwise counts a step.
    case rangeNext
    /// `a += 1`, then jump to `d` (the loop's `rangeNext`).
    case rangeStep
    /// `a` = the callee `d`'s result, its arguments in `b` and `c` (when it takes one or
    /// two), or in the slots from `b` on (`callSpread`).
    case call, callSpread
    /// `a` = the built-in call `d` of the arguments in the slots from `b` on.
    case builtin
    /// Returns the value in `a`.
    case returnValue
    /// Fails with an internal error: the only instruction of a function not compiled (yet,
    /// or any more), and the last of a body (which no path reaches: each ends in a return).
    case internalError
}

/// A compiled function as the machine reads it: raw pointers at a fixed address (a
/// caller refers to a callee not compiled yet, a recursive one to itself), so that a call
/// retains and releases nothing. ScalarBody owns the memory they point into.
struct ScalarRoutine {
    var code: UnsafePointer<ScalarInstruction>
    /// Slots per call: the parameters (from 0), locals and temporaries, then the constants.
    var frameSize: Int
    var parameterCount: Int
    /// The constants, copied into each call's frame from `constantBase` on.
    var constants: UnsafePointer<UInt64>
    var constantBase: Int
    var constantCount: Int
    /// The routines of the functions it calls, by the index in a call's `d`.
    var callees: UnsafePointer<UnsafeMutablePointer<ScalarRoutine>>
    /// The body, for what only slow paths need (positions, built-ins).
    var body: Unmanaged<ScalarBody>
}

/// A compiled scalar expression: its type and the slot it is in (a constant's is negative
/// while compiling, see ScalarCompiler).
struct TypedSlot {
    var type: ScalarType
    var slot: Int32
}
