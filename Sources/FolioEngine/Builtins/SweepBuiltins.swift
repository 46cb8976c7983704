import FolioMath

extension BuiltinModule {
    /// Methods of the `Sweep` values a sweep cell exports (`SweepValue`): one value per point
    /// of its grid, keyed by the sweep variables.
    static let sweeps = BuiltinModule(
        name: "sweeps",
        methods: [
            method(
                "grid", [.labeled("rows", .string), .labeled("cols", .string)], returns: .matrix,
                doc: """
                    The sweep's numbers as a matrix, one row per value of `rows` and one column per value of \
                    `cols` (in the grid's order), for a heat map: `nmse.grid(rows: "kappa", cols: "nu")`. The \
                    sweep must have exactly these two variables; reduce others first (`mean(over: "trial")`).
                    """
            ) { call in
                let sweep = try receiver(call)
                let rows = try sweep.axis(try call.string(1)), columns = try sweep.axis(try call.string(2))
                guard sweep.variables.count == 2, rows != columns else {
                    throw BuiltinError(
                        "grid(rows:cols:) needs a sweep over exactly these two variables; this one has "
                            + sweep.variables.joined(separator: ", "),
                        hint: "reduce the others first, e.g. nmse.mean(over: \"trial\")")
                }
                let numbers = try sweep.values.map(number)
                return .matrix(
                    Matrix(rows: sweep.levels[rows].count, columns: sweep.levels[columns].count) { row, column in
                        numbers[row * sweep.strides[rows] + column * sweep.strides[columns]]
                    })
            },
            reduction("mean", function: "mean", doc: "The mean over the values of variable `over` (e.g. the trials): a sweep without it."),
            reduction(
                "standardDeviation", function: "standardDeviation",
                doc: "The sample standard deviation over the values of variable `over` (e.g. the trials): a sweep without it."),
            method(
                "at", [.positional("point", .dictionary)], returns: .any,
                doc: "The value at one point, given by variable name: `nmse.at([\"kappa\": 2, \"nu\": 0.1])`."
            ) { call in
                guard case .dictionary(let point) = call[1] else { throw BuiltinError("at(_:) expects a dictionary") }
                var coordinates: [String: Value] = [:]
                for (key, value) in point.entries {
                    guard case .string(let name) = key.value else { throw BuiltinError("the keys of a sweep point are variable names") }
                    coordinates[name] = value
                }
                return try receiver(call).value(at: coordinates)
            },
            method(
                "map", [.positional("transform", .function)], returns: .record(SweepValue.typeName),
                doc: "The sweep of `transform`'s results on each point's value: `runs.map { $0.nmse }`."
            ) { call in
                var sweep = try receiver(call)
                sweep.values = try sweep.values.map { try call.apply(call[1], [$0]) }
                return sweep.value
            },
            method(
                "table", [.labeled("value", .string, default: .string("value"))], returns: .table,
                doc: """
                    A table with one row per point: a column per sweep variable, then the value (formatted like \
                    inline values) under the heading `value`.
                    """
            ) { call in
                let sweep = try receiver(call)
                let formatter = ValueFormatter()
                let rows = sweep.values.indices.map { index in
                    sweep.levels.indices.map { axis in
                        formatter.text(sweep.levels[axis][(index / sweep.strides[axis]) % sweep.levels[axis].count])
                    } + [formatter.text(sweep.values[index])]
                }
                return .table(TableOutput(columns: sweep.variables + [try call.string(1)], rows: rows))
            },
        ])

    private static func method(
        _ name: String, _ parameters: [Builtin.Parameter], returns: ValueType, doc: String,
        body: @escaping @Sendable (inout BuiltinCall) throws -> Value
    ) -> Builtin {
        Builtin(name, [.positional("self", .record(SweepValue.typeName))] + parameters, returns: returns, doc: doc, body: body)
    }

    /// `name(over:)`: the sweep with variable `over` reduced by the built-in `function`
    /// (so `mean(over:)` averages exactly as `mean` does).
    private static func reduction(_ name: String, function: String, doc: String) -> Builtin {
        method(name, [.labeled("over", .string)], returns: .record(SweepValue.typeName), doc: doc) { call in
            guard let reduce = call.context.registry.function(named: function) else { throw BuiltinError("no built-in '\(function)'") }
            let over = try call.string(1)
            let reduced = try receiver(call).reducing(over: over) { group in
                try call.apply(.function(.builtin(reduce)), [.array(group)])
            }
            return reduced.value
        }
    }

    private static func receiver(_ call: BuiltinCall) throws -> SweepValue {
        guard let sweep = SweepValue(call[0]) else { throw BuiltinError("not a sweep") }
        return sweep
    }

    private static func number(_ value: Value) throws -> Double {
        switch value {
        case .int(let int): return Double(int)
        case .double(let double): return double
        default: throw BuiltinError("grid(rows:cols:) needs numbers, got \(value.typeName)", hint: "map each point to a number first: runs.map { $0.nmse }")
        }
    }
}
