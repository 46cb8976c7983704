import FolioNotebook

/// What downstream cells see of a name a sweep cell defines: one value per point, keyed by
/// the sweep variables. In the cell language it is a `Sweep` record (`nmse.values`,
/// `nmse.variables`, `nmse.levels`) with methods (`SweepBuiltins`): `grid(rows:cols:)`
/// for a heat map, `mean(over:)`/`std(over:)` over trials, `at(_:)`, `map`, `table()`.
struct SweepValue: Sendable {
    static let typeName = "Sweep"

    /// The variables, outermost first.
    var variables: [String]
    /// Each variable's values, in grid order.
    var levels: [[Value]]
    /// One value per point, the last variable varying fastest.
    var values: [Value]

    /// The values a sweep cell's points computed for one name.
    init(grid: SweepGrid, values: [Value]) {
        self.variables = grid.variables.map(\.name)
        self.levels = grid.variables.map { $0.values.map(Value.init) }
        self.values = values
    }

    init(variables: [String], levels: [[Value]], values: [Value]) {
        self.variables = variables
        self.levels = levels
        self.values = values
    }

    /// Reads a `Sweep` record back; nil for any other value.
    init?(_ value: Value) {
        guard case .record(let record) = value, record.typeName == Self.typeName,
            case .array(let names)? = record["variables"], case .array(let levels)? = record["levels"],
            case .array(let values)? = record["values"]
        else { return nil }
        self.variables = names.map { if case .string(let name) = $0 { name } else { $0.description } }
        self.levels = levels.map { if case .array(let level) = $0 { level } else { [$0] } }
        self.values = values
    }

    var value: Value {
        .record(
            Record(
                Self.typeName,
                [
                    ("variables", .array(variables.map(Value.string))), ("levels", .array(levels.map(Value.array))),
                    ("values", .array(values)),
                ]))
    }

    /// The position of `variable`, or an error naming the variables there are.
    func axis(_ variable: String) throws -> Int {
        guard let axis = variables.firstIndex(of: variable) else {
            throw BuiltinError(
                "this sweep has no variable '\(variable)'",
                hint: variables.isEmpty ? "it has no variables left" : "its variables are " + variables.joined(separator: ", "))
        }
        return axis
    }

    /// The number of points per step of each variable (row-major strides).
    var strides: [Int] {
        var strides = Array(repeating: 1, count: levels.count)
        for axis in levels.indices.reversed().dropFirst() { strides[axis] = strides[axis + 1] * levels[axis + 1].count }
        return strides
    }

    /// The sweep without `variable`: each group of values along it reduced to one by `reduce`.
    func reducing(over variable: String, _ reduce: ([Value]) throws -> Value) throws -> SweepValue {
        let axis = try axis(variable)
        let stride = strides[axis], count = levels[axis].count
        var reduced: [Value] = []
        for index in values.indices where (index / stride) % count == 0 {
            reduced.append(try reduce((0..<count).map { values[index + $0 * stride] }))
        }
        var variables = variables, levels = levels
        variables.remove(at: axis)
        levels.remove(at: axis)
        return SweepValue(variables: variables, levels: levels, values: reduced)
    }

    /// The value at the point whose coordinates `coordinates` gives, by variable name.
    func value(at coordinates: [String: Value]) throws -> Value {
        var index = 0
        for (axis, variable) in variables.enumerated() {
            guard let wanted = coordinates[variable] else {
                throw BuiltinError("no value given for sweep variable '\(variable)'", hint: "give every variable: " + variables.joined(separator: ", "))
            }
            guard let position = levels[axis].firstIndex(where: { Self.same($0, wanted) }) else {
                let known = levels[axis].map(\.description).joined(separator: ", ")
                throw BuiltinError("sweep variable '\(variable)' has no value \(wanted.description)", hint: "its values are \(known)")
            }
            index += position * strides[axis]
        }
        if let extra = coordinates.keys.sorted().first(where: { !variables.contains($0) }) {
            throw BuiltinError("this sweep has no variable '\(extra)'", hint: "its variables are " + variables.joined(separator: ", "))
        }
        return values[index]
    }

    private static func same(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): x == y
        case (.double(let x), .double(let y)): x == y
        case (.int(let x), .double(let y)), (.double(let y), .int(let x)): Double(x) == y
        case (.bool(let x), .bool(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        default: false
        }
    }
}
