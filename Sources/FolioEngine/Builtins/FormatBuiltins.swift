import Foundation

extension BuiltinModule {
    /// Number formatting for prose and labels, by the rules of `ValueFormatter` (the ones
    /// inline values and tables use).
    static let formatting = BuiltinModule(
        name: "formatting",
        functions: [
            Builtin(
                "format", [.positional("value", .any), .labeled("digits", .int, default: .int(3))], returns: .string,
                doc: """
                    `value` as inline values show it, with `digits` significant digits for Doubles: \
                    `format(0.09981)` is "0.0998", `format(1.4)` is "1.40", `format(3.6e-7, digits: 2)` is \
                    "3.6×10⁻⁷" (scientific when |x| ≥ 10⁴ or < 10⁻³). Ints keep every digit; arrays are \
                    comma-separated.
                    """
            ) { call in
                .string(ValueFormatter(digits: try digitCount(call, 1)).text(call[0]))
            },
            Builtin(
                "percent", [.positional("x", .double), .labeled("digits", .int, default: .int(1))], returns: .string,
                doc: "`x` as a percentage with `digits` digits after the point: `percent(0.873)` is \"87.3%\"."
            ) { call in
                .string(ValueFormatter.percent(try call.double(0), decimals: try decimalCount(call, 1)))
            },
            Builtin(
                "scientific", [.positional("x", .double), .labeled("digits", .int, default: .int(3))], returns: .string,
                doc: "`x` as m×10ⁿ with `digits` significant digits: `scientific(3.6e-7, digits: 2)` is \"3.6×10⁻⁷\"."
            ) { call in
                .string(ValueFormatter.scientific(try call.double(0), digits: try digitCount(call, 1)))
            },
            Builtin(
                "fixed", [.positional("x", .double), .labeled("decimals", .int, default: .int(2))], returns: .string,
                doc: "`x` with exactly `decimals` digits after the point: `fixed(3.14159)` is \"3.14\"."
            ) { call in
                .string(ValueFormatter.fixed(try call.double(0), decimals: try decimalCount(call, 1)))
            },
        ])

    /// Significant digits: 1 to 17 (a Double holds no more).
    private static func digitCount(_ call: BuiltinCall, _ index: Int) throws -> Int {
        let digits = try call.int(index)
        guard (1...17).contains(digits) else { throw BuiltinError("'digits' must be between 1 and 17, got \(digits)") }
        return digits
    }

    /// Digits after the point: 0 to 20.
    private static func decimalCount(_ call: BuiltinCall, _ index: Int) throws -> Int {
        let decimals = try call.int(index)
        guard (0...20).contains(decimals) else {
            throw BuiltinError("'\(call.builtin.parameters[index].name)' must be between 0 and 20, got \(decimals)")
        }
        return decimals
    }
}
