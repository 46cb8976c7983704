extension SweepGrid {
    /// True when a cell with this grid reads `upstream`'s names point by point: every
    /// variable of `upstream` is also one of this grid's (`{ kappa, nu, weight }` reads a sweep
    /// over `{ kappa, nu }` at its own κ and ν). The one rule for pointwise reads, used by
    /// lint (the name's type is the value at one point), keys (a point hashes the upstream
    /// point it reads, not the whole sweep) and the run (a point loads only that point).
    public func readsPointwise(_ upstream: SweepGrid) -> Bool {
        let own = Set(variables.map(\.name))
        return upstream.variables.allSatisfy { own.contains($0.name) }
    }

    /// The rule `readsPointwise` follows, as hints state it when a reading sweep's grid has
    /// a value the sweep it reads lacks.
    public static let pointwiseRule =
        "a sweep that has all of another's variables reads it at its own point, so each of its values must be among the other's"

    /// The coordinates of `point` by variable name.
    public func coordinates(of point: Point) -> [String: ParamValue] {
        Dictionary(zip(variables.map(\.name), point.coordinates), uniquingKeysWith: { first, _ in first })
    }

    /// The point with these coordinates and its position in `points` (extra names are
    /// ignored; an Int and a Double of equal value match, and the point holds this grid's
    /// own values), or nil when a variable is missing from `coordinates` or has no such
    /// value. Found without listing the points.
    public func point(at coordinates: [String: ParamValue]) -> (index: Int, point: Point)? {
        var index = 0
        var values: [ParamValue] = []
        for variable in variables {
            guard let wanted = coordinates[variable.name],
                let position = variable.values.firstIndex(where: { Self.sameValue($0, wanted) })
            else { return nil }
            index = index * variable.values.count + position
            values.append(variable.values[position])
        }
        return (index, Point(coordinates: values, id: id(of: values)))
    }

    private static func sameValue(_ a: ParamValue, _ b: ParamValue) -> Bool {
        switch (a, b) {
        case (.int(let x), .double(let y)), (.double(let y), .int(let x)): Double(x) == y
        default: a == b
        }
    }
}
