import Yams

/// Reads the value of `//| sweep:` (a YAML flow mapping of variable → list of scalars) and
/// of `//| trials:` into a `SweepGrid`, reporting problems at the option's value.
struct SweepOptionParser {
    /// Problems found, as (message, hint, column offset into the option's value of the
    /// variable it is about; 0 for the whole value).
    private(set) var problems: [(message: String, hint: String, offset: Int)] = []

    /// The variables of `//| sweep: { kappa: [2, 4], nu: [0.1, 0.3] }`, or nil when the value
    /// is not a mapping. A variable with bad values is reported and still returned (the
    /// notebook does not run with the problem), so the cell's uses of it are not reported too.
    mutating func variables(_ text: String) -> [SweepGrid.Variable]? {
        let example = "e.g. '//| sweep: { kappa: [2, 4, 6], nu: [0.1, 0.3] }'"
        guard let node = try? Yams.compose(yaml: text), case .mapping(let mapping) = node, !mapping.isEmpty else {
            return fail("option 'sweep' expects a mapping of variable names to lists of values", example)
        }
        var variables: [SweepGrid.Variable] = []
        for (keyNode, valueNode) in mapping {
            let name = keyNode.string ?? ""
            // Problems with a variable point at its name (Yams columns count from 1).
            let offset = max(0, (keyNode.mark?.column ?? 1) - 1)
            guard Self.isIdentifier(name) else {
                problems.append(("sweep variable '\(name)' is not a name", "a sweep variable is a Swift name, e.g. 'kappa'", offset))
                continue
            }
            if name == SweepGrid.trialVariable {
                problems.append(("sweep variable 'trial' is reserved", "use '//| trials: N' for repeated trials", offset))
            }
            variables.append(SweepGrid.Variable(name: name, values: values(of: name, valueNode, at: offset, example: example)))
        }
        return variables
    }

    /// The values of one variable, with their problems reported at `offset` (its name).
    private mutating func values(of name: String, _ node: Node, at offset: Int, example: String) -> [ParamValue] {
        guard case .sequence(let sequence) = node, !sequence.isEmpty else {
            problems.append(("sweep variable '\(name)' needs a non-empty list of values", example, offset))
            return []
        }
        var values: [ParamValue] = []
        for element in sequence {
            guard case .scalar(let scalar) = element, let value = FrontMatterParser.scalarValue(scalar) else {
                problems.append(("sweep variable '\(name)' holds Int, Double, Bool or String values", example, offset))
                return values
            }
            values.append(value)
        }
        guard let unified = Self.unify(values) else {
            let types = Set(values.map(\.typeName)).sorted().joined(separator: " and ")
            problems.append(("sweep variable '\(name)' mixes types \(types)", "give all its values one type", offset))
            return values
        }
        if Set(unified).count != unified.count {
            problems.append(("sweep variable '\(name)' lists a value twice", "each point of a sweep must be distinct", offset))
        }
        return unified
    }

    /// The trial variable of `//| trials: N`, or nil after a problem.
    mutating func trials(_ text: String) -> SweepGrid.Variable? {
        guard let count = Int(text), count >= 1, count <= Self.maximumTrials else {
            return fail("option 'trials' expects a whole number from 1 to \(Self.maximumTrials), got '\(text)'", "e.g. '//| trials: 10'")
        }
        return SweepGrid.Variable(name: SweepGrid.trialVariable, values: (0..<count).map(ParamValue.int))
    }

    /// More trials than this is surely a typo (each is a work unit with a cache entry).
    static let maximumTrials = 100_000

    private mutating func fail<T>(_ message: String, _ hint: String) -> T? {
        problems.append((message, hint, 0))
        return nil
    }

    /// One element type; Ints mixed with Doubles become Doubles.
    private static func unify(_ values: [ParamValue]) -> [ParamValue]? {
        let types = Set(values.map(\.typeName))
        if types.count <= 1 { return values }
        guard types == ["Int", "Double"] else { return nil }
        return values.map { if case .int(let value) = $0 { .double(Double(value)) } else { $0 } }
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
    }
}
