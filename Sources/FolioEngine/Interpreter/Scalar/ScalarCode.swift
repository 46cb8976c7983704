/// The pieces of a scalar function's compiled code (ScalarFunction). Every value is an Int,
/// a Double or a Bool whose type the compiler knows, so a value is kept as its 64 bits
/// (an Int's or a Double's bit pattern, a Bool as 0 or 1) in a frame of such words, with
/// no `Value` to build, retain or take apart. One closure type serves all three: a closure
/// whose type mentioned a generic scalar would be called through reabstraction thunks.
typealias ScalarFrame = UnsafeMutablePointer<UInt64>
typealias ScalarCode = (ScalarFrame) throws -> UInt64
typealias ScalarBlock = (ScalarFrame) throws -> ScalarFlow

/// How a statement ended; `returned` left the result in the frame's slot 0.
enum ScalarFlow {
    case normal, breakLoop, continueLoop, returned
}

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

/// An operand of scalar code: a frame slot or a constant is read in place, without calling
/// a closure (the `n - 1` and `x < 2.0` of inner code).
enum ScalarOperand {
    case slot(Int)
    case constant(UInt64)
    case code(ScalarCode)

    @inline(__always)
    func bits(_ frame: ScalarFrame) throws -> UInt64 {
        switch self {
        case .slot(let index): frame[index]
        case .constant(let bits): bits
        case .code(let code): try code(frame)
        }
    }

    /// The operand as code of its own.
    var code: ScalarCode {
        switch self {
        case .slot(let index): { $0[index] }
        case .constant(let bits): { _ in bits }
        case .code(let code): code
        }
    }
}

/// A compiled scalar expression and its type.
struct TypedOperand {
    var type: ScalarType
    var operand: ScalarOperand
}
