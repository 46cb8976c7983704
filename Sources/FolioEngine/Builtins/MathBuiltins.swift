import Foundation

extension BuiltinModule {
    /// Scalar functions and statistics over arrays of numbers.
    static let math = BuiltinModule(
        name: "math",
        functions: [
            unary("sqrt", "The square root.", Foundation.sqrt),
            unary("exp", "e raised to `x`.", Foundation.exp),
            unary("log", "The natural logarithm.", Foundation.log),
            unary("log10", "The base-10 logarithm.", Foundation.log10),
            unary("sin", "The sine (radians).", Foundation.sin),
            unary("cos", "The cosine (radians).", Foundation.cos),
            unary("tanh", "The hyperbolic tangent.", Foundation.tanh),
            unary("floor", "The largest integer value not above `x`, as Double.", Foundation.floor),
            unary("ceil", "The smallest integer value not below `x`, as Double.", Foundation.ceil),
            unary("round", "`x` rounded to the nearest integer value (halves away from zero), as Double.", Foundation.round),
            Builtin(
                "pow", [.positional("base", .double), .positional("exponent", .double)], returns: .double,
                doc: "`base` raised to `exponent`."
            ) { call in .double(Foundation.pow(try call.double(0), try call.double(1))) },
            Builtin("abs", [.positional("x", .number)], returns: .number, doc: "The absolute value (Int stays Int).") { call in
                switch call[0] {
                case .int(let int):
                    guard int != .min else { throw BuiltinError("abs(Int.min) overflows Int") }
                    return .int(Swift.abs(int))
                default: return .double(Swift.abs(try call.double(0)))
                }
            },
            extremum("min", "The smallest of the numbers (several arguments or one array).") { $0 < $1 },
            extremum("max", "The largest of the numbers (several arguments or one array).") { $0 > $1 },
            reduction("sum", "The sum of the numbers (0 for none).") { $0.reduce(0, +) },
            reduction("mean", "The arithmetic mean.") { values in
                guard !values.isEmpty else { throw BuiltinError("mean of an empty array") }
                return values.reduce(0, +) / Double(values.count)
            },
            reduction("variance", "The sample variance (n − 1 in the denominator).") { values in
                guard values.count > 1 else { throw BuiltinError("variance needs at least two values") }
                let mean = values.reduce(0, +) / Double(values.count)
                return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
            },
            reduction("standardDeviation", "The sample standard deviation.") { values in
                guard values.count > 1 else { throw BuiltinError("standardDeviation needs at least two values") }
                let mean = values.reduce(0, +) / Double(values.count)
                return Foundation.sqrt(values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1))
            },
            Builtin(
                "uniformSamples", [.labeled("count", .int)], returns: .array(.double),
                doc: "`count` draws from U[0, 1), from the cell's seeded stream."
            ) { call in
                let count = try call.count(0)
                var generator = call.generator
                defer { call.generator = generator }
                return .array((0..<count).map { _ in .double(generator.uniform()) })
            },
            Builtin(
                "normalSamples", [.labeled("count", .int)], returns: .array(.double),
                doc: "`count` draws from N(0, 1), from the cell's seeded stream."
            ) { call in
                let count = try call.count(0)
                var generator = call.generator
                defer { call.generator = generator }
                return .array((0..<count).map { _ in .double(generator.normal()) })
            },
        ])

    private static func unary(_ name: String, _ doc: String, _ function: @escaping @Sendable (Double) -> Double) -> Builtin {
        Builtin(name, [.positional("x", .double)], returns: .double, doc: doc) { call in .double(function(try call.double(0))) }
    }

    private static func reduction(_ name: String, _ doc: String, _ function: @escaping @Sendable ([Double]) throws -> Double)
        -> Builtin
    {
        Builtin(name, [.positional("values", .vector)], returns: .double, doc: doc) { call in
            .double(try function(try call.doubles(0)))
        }
    }

    /// `min(a, b, …)` or `min(array)`; all-Int input gives an Int.
    private static func extremum(_ name: String, _ doc: String, _ better: @escaping @Sendable (Double, Double) -> Bool)
        -> Builtin
    {
        Builtin(name, [.variadic("values", .any)], returns: .number, doc: doc) { call in
            var values = try call.array(0)
            if values.count == 1, let inner = ValueType.array(.any).convert(values[0]), case .array(let elements) = inner {
                values = elements
            }
            guard var best = values.first else { throw BuiltinError("\(name) of no values") }
            for value in values {
                guard let number = ValueType.double.convert(value), case .double(let x) = number,
                    let current = ValueType.double.convert(best), case .double(let y) = current
                else { throw BuiltinError("\(name) takes numbers, got \(value.typeName)") }
                if better(x, y) { best = value }
            }
            return best
        }
    }
}
