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
            variables.append(variable(name, valueNode, at: offset, example: example))
        }
        return variables
    }

    /// The variable written `name: [values…]`, or `name: source` (a name of a cell above, or
    /// `params.NAME`), with its problems reported at `offset` (its name).
    private mutating func variable(_ name: String, _ node: Node, at offset: Int, example: String) -> SweepGrid.Variable {
        if case .scalar(let scalar) = node, Self.isSource(scalar.string) {
            return SweepGrid.Variable(name: name, values: [], source: scalar.string)
        }
        guard case .sequence(let sequence) = node else {
            problems.append(("sweep variable '\(name)' needs a list of values or the name of one", example + " or '{ kappa: kappas }'", offset))
            return SweepGrid.Variable(name: name, values: [])
        }
        var values: [ParamValue] = []
        for element in sequence {
            guard case .scalar(let scalar) = element, let value = FrontMatterParser.scalarValue(scalar) else {
                problems.append(("sweep variable '\(name)' holds Int, Double, Bool or String values", example, offset))
                return SweepGrid.Variable(name: name, values: values)
            }
            values.append(value)
        }
        do {
            return SweepGrid.Variable(name: name, values: try SweepGrid.validated(values, of: name))
        } catch {
            problems.append((error.message, error.hint, offset))
            return SweepGrid.Variable(name: name, values: values)
        }
    }

    /// The trial variable of `//| trials: N`, or nil after a problem: a count written out
    /// (`//| trials: 10`) or named (`//| trials: trialCount`, a name a cell above defines, or
    /// `params.trials`).
    mutating func trials(_ text: String) -> SweepGrid.Variable? {
        if Self.isSource(text) { return SweepGrid.Variable(name: SweepGrid.trialVariable, values: [], source: text) }
        guard let count = Int(text), count >= 1, count <= SweepGrid.maximumValues else {
            return fail(
                "option 'trials' expects a whole number from 1 to \(SweepGrid.maximumValues) or the name of one, got '\(text)'",
                "e.g. '//| trials: 10'")
        }
        return SweepGrid.Variable(name: SweepGrid.trialVariable, values: SweepGrid.trials(count))
    }

    private mutating func fail<T>(_ message: String, _ hint: String) -> T? {
        problems.append((message, hint, 0))
        return nil
    }

    /// `e1Kappas` or `params.kappas`: a list named rather than written out.
    private static func isSource(_ text: String) -> Bool {
        let name = SweepGrid.parameter(ofSource: text) ?? text
        return isIdentifier(name) && !["true", "false", "null"].contains(name)
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
    }
}
