import Foundation

extension BuiltinModule {
    /// `print`, `stride`, conversions and `zip`.
    static let core = BuiltinModule(
        name: "core",
        functions: [
            Builtin(
                "print", [.variadic("items", .any), .labeled("separator", .string, default: .string(" "))],
                returns: .void, doc: "Writes the items, separated by `separator`, to the cell's text output."
            ) { call in
                let text = try call.array(0).map(\.description).joined(separator: try call.string(1))
                call.context.print(text + "\n")
                return .void
            },
            Builtin(
                "stride",
                [
                    .labeled("from", .number), .labeled("to", .number, default: .void),
                    .labeled("through", .number, default: .void), .labeled("by", .number),
                ],
                returns: .array(.double),
                doc: """
                    The numbers from `from` in steps of `by`, up to but excluding `to`, or up to and \
                    including `through` (give exactly one). Int bounds and step give Ints.
                    """
            ) { call in try stride(call) },
            conversion("Int", .int, doc: "Converts a Double (truncating toward zero), Bool or String to Int.") { value in
                switch value {
                case .int: return value
                case .double(let double):
                    guard double.isFinite, double > -9.2e18, double < 9.2e18 else {
                        throw BuiltinError("\(double) cannot be converted to Int")
                    }
                    return .int(Int(double))
                case .string(let text):
                    guard let int = Int(text) else { throw BuiltinError("'\(text)' is not an integer") }
                    return .int(int)
                case .bool(let flag): return .int(flag ? 1 : 0)
                default: throw BuiltinError("cannot convert \(value.typeName) to Int")
                }
            },
            conversion("Double", .double, doc: "Converts an Int or String to Double.") { value in
                switch value {
                case .double: return value
                case .int(let int): return .double(Double(int))
                case .string(let text):
                    guard let double = Double(text) else { throw BuiltinError("'\(text)' is not a number") }
                    return .double(double)
                default: throw BuiltinError("cannot convert \(value.typeName) to Double")
                }
            },
            Builtin(
                "String",
                [.positional("value", .any, default: .void), .labeled("format", .string, default: .void), .variadic("arguments", .any)],
                returns: .string,
                doc: """
                    `String(x)`: the value as `print` shows it. `String(format: "%.3f s, %d runs", t, n)`: \
                    C-style directives %d %i %f %e %g %s %% with flags, width and precision (`%8.2f`, `%-6s`).
                    """
            ) { call in
                guard case .string(let format) = call[1] else { return .string(call[0].description) }
                guard case .void = call[0] else { throw BuiltinError("give either a value or 'format:', not both") }
                return .string(try PrintfFormat.format(format, try call.array(2)))
            },
            Builtin(
                "Array",
                [.positional("value", .any, default: .void), .labeled("repeating", .any, default: .void), .labeled("count", .int, default: .void)],
                returns: .array(.any),
                doc: """
                    `Array(x)`: the elements of a range, array or matrix (column-major) as an array. \
                    `Array(repeating: v, count: n)`: `n` copies of `v`.
                    """
            ) { call in
                if case .int = call[2] {
                    return .array(Array(repeating: call[1], count: try call.count(2, maximum: Evaluator.maximumMaterializedCount)))
                }
                let value = call[0]
                if case .matrix(let matrix) = value { return .array(matrix.elements.map(Value.double)) }
                guard case .void = call[1], let array = ValueType.array(.any).convert(value) else {
                    throw BuiltinError(
                        "cannot make an array from \(value.typeName)", hint: "write Array(x) or Array(repeating: value, count: n)")
                }
                return array
            },
            Builtin(
                "measureSeconds", [.positional("body", .function)], returns: .double,
                doc: """
                    Runs `body` and returns the wall-clock seconds it took. A measurement, not a result: it \
                    differs from run to run and machine to machine, so use it for cost projections (the \
                    flagship's paper-mode estimate), never for numbers a claim rests on.
                    """
            ) { call in
                let start = call.context.clock()
                _ = try call.apply(call[0], [])
                return .double(call.context.clock() - start)
            },
            Builtin(
                "zip", [.positional("first", .array(.any)), .positional("second", .array(.any))], returns: .array(.any),
                doc: "Pairs of elements `(first[i], second[i])`, as long as the shorter array."
            ) { call in
                .array(zip(try call.array(0), try call.array(1)).map { .tuple([TupleField(value: $0), TupleField(value: $1)]) })
            },
        ])

    private static func conversion(
        _ name: String, _ type: ValueType, doc: String, _ convert: @escaping @Sendable (Value) throws -> Value
    ) -> Builtin {
        Builtin(name, [.positional("value", .any)], returns: type, doc: doc) { call in try convert(call[0]) }
    }

    private static func stride(_ call: BuiltinCall) throws -> Value {
        let hasTo = !isVoid(call[1]), hasThrough = !isVoid(call[2])
        guard hasTo != hasThrough else { throw BuiltinError("give exactly one of 'to:' and 'through:'") }
        let end = hasTo ? call[1] : call[2]
        if case .int(let start) = call[0], case .int(let limit) = end, case .int(let step) = call[3] {
            return .array(try integerStride(start, limit, step, inclusive: hasThrough).map(Value.int))
        }
        let start = try call.double(0), step = try call.double(3)
        let limit = try hasTo ? call.double(1) : call.double(2)
        guard step != 0, step.isFinite, start.isFinite, limit.isFinite else {
            throw BuiltinError("stride needs finite bounds and a finite, nonzero 'by:'")
        }
        let count = ((limit - start) / step).rounded(.down) + 1
        guard count <= Double(Evaluator.maximumMaterializedCount) else {
            throw BuiltinError("stride would make \(count) values; the limit is \(Evaluator.maximumMaterializedCount)")
        }
        var values: [Value] = []
        var index = 0.0
        while true {
            let value = start + index * step
            let inside = step > 0 ? (hasTo ? value < limit : value <= limit) : (hasTo ? value > limit : value >= limit)
            if !inside { break }
            values.append(.double(value))
            index += 1
        }
        return .array(values)
    }

    /// Integer strides in Int arithmetic, with overflow reported rather than trapped.
    private static func integerStride(_ start: Int, _ limit: Int, _ step: Int, inclusive: Bool) throws -> [Int] {
        guard step != 0 else { throw BuiltinError("stride needs a nonzero 'by:'") }
        let (span, overflow) = limit.subtractingReportingOverflow(start)
        guard !overflow else { throw BuiltinError("stride bounds are too far apart") }
        guard span == 0 || (span > 0) == (step > 0) else { return inclusive && span == 0 ? [start] : [] }
        var count = span / step + 1
        if !inclusive, span % step == 0 { count -= 1 }
        guard count <= Evaluator.maximumMaterializedCount else {
            throw BuiltinError("stride would make \(count) values; the limit is \(Evaluator.maximumMaterializedCount)")
        }
        // start + i * step stays between start and limit, so it cannot overflow.
        return (0..<max(0, count)).map { start + $0 * step }
    }

    private static func isVoid(_ value: Value) -> Bool {
        if case .void = value { return true }
        return false
    }
}

extension TupleField {
    init(value: Value) {
        self.init(label: nil, value: value)
    }
}
