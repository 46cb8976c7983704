import FolioNotebook

extension SweepGrid {
    /// The grid with its named lists filled in: `params.NAME` from the notebook's params (as
    /// overridden by `--param`), any other source from `value` (what the cell above that
    /// defines it computed; nil while unknown). The one rule the scheduler, `folio plan` and
    /// `folio run-unit` resolve grids by.
    func resolving(params: FrontMatter, value: (String) -> Value?) throws(Problem) -> SweepGrid {
        try resolving { (source: String) throws(Problem) -> ParamValue? in
            if let name = SweepGrid.parameter(ofSource: source) { return params.param(name)?.value }
            guard let found = value(source) else { return nil }
            guard let list = found.sweepValues else {
                throw Problem(
                    message: "'\(source)' is a \(found.typeName), not a list of Int, Double, Bool or String values",
                    hint: "a sweep variable takes its values from a list, e.g. 'let kappas = [2, 4, 6]'")
            }
            return list
        }
    }
}

extension Value {
    /// This value as a sweep's list (`.array` of scalars; a range counts as its Ints) or,
    /// for a trial count, a scalar; nil for anything else.
    var sweepValues: ParamValue? {
        func scalar(_ value: Value) -> ParamValue? {
            switch value {
            case .int(let v): .int(v)
            case .double(let v): .double(v)
            case .bool(let v): .bool(v)
            case .string(let v): .string(v)
            default: nil
            }
        }
        if let value = scalar(self) { return value }
        switch self {
        case .array(let elements):
            let scalars = elements.compactMap(scalar)
            return scalars.count == elements.count ? .array(scalars) : nil
        case .range(let lower, let upper): return .array(stride(from: lower, to: upper, by: 1).map(ParamValue.int))
        default: return nil
        }
    }
}
