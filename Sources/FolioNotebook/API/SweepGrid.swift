/// The grid of a sweep cell (`//| sweep: { kappa: [2, 4], nu: [0.1, 0.3] }` and
/// `//| trials: N`): named variables with their values. The cell's code runs once per
/// point of the grid's Cartesian product, each point a work unit of its own.
///
/// A variable may take its values from a list instead of a literal: a name a cell above
/// defines (`kappa: e1Kappas`) or a parameter (`kappa: params.kappas`). Such a grid is
/// unresolved until the engine knows that list (`resolving(_:)`), so a notebook can size its
/// grids by mode or by data.
public struct SweepGrid: Sendable, Equatable, Codable {
    /// One sweep variable and its values, in the order written.
    public struct Variable: Sendable, Equatable, Codable {
        public var name: String
        /// Empty while `source` is not resolved.
        public var values: [ParamValue]
        /// Where the values come from when they are not written out: `e1Kappas` (a name a
        /// cell above defines) or `params.kappas`; nil for a literal list.
        public var source: String?

        public init(name: String, values: [ParamValue], source: String? = nil) {
            self.name = name
            self.values = values
            self.source = source
        }
    }

    /// Why a list cannot be a sweep variable's values.
    public struct Problem: Error, Sendable, Equatable {
        public var message: String
        public var hint: String

        public init(message: String, hint: String) {
            self.message = message
            self.hint = hint
        }
    }

    /// One point: a value for each variable, in the variables' order.
    public struct Point: Sendable, Equatable, Hashable {
        public var coordinates: [ParamValue]
        /// `kappa=2,nu=0.1`: names the point in unit ids, cache keys and its random stream.
        public var id: String
    }

    /// More values for one variable (or trials) than this is surely a mistake: each is at
    /// least one work unit with a cache entry.
    public static let maximumValues = 100_000

    /// The name of the variable `//| trials: N` adds (values 0 ..< N).
    public static let trialVariable = "trial"

    /// The variables, outermost first (the trial index, if any, last).
    public var variables: [Variable]

    public init(variables: [Variable]) {
        self.variables = variables
    }

    /// The variables whose values come from a name or a parameter (resolved or not).
    public var sources: [(variable: String, source: String)] {
        variables.compactMap { variable in variable.source.map { (variable.name, $0) } }
    }

    /// The parameter a source names (`params.kappas` → `kappas`), or nil for a name a cell
    /// defines (`e1Kappas`): the one rule for telling the two apart.
    public static func parameter(ofSource source: String) -> String? {
        source.hasPrefix("params.") ? String(source.dropFirst("params.".count)) : nil
    }

    /// True when every variable has its values (literal, or its source resolved).
    public var isResolved: Bool {
        variables.allSatisfy { $0.source == nil || !$0.values.isEmpty }
    }

    /// The grid with each source's values filled in from `lookup` (given the source text,
    /// `e1Kappas` or `params.kappas`, the list's value, or nil when unknown; it may throw its
    /// own problem for a value that is no list of scalars). The values obey
    /// the rules of a literal list (`validated(_:of:)`).
    public func resolving(_ lookup: (String) throws(Problem) -> ParamValue?) throws(Problem) -> SweepGrid {
        var grid = self
        for index in grid.variables.indices {
            guard let source = grid.variables[index].source else { continue }
            let name = grid.variables[index].name
            guard let value = try lookup(source) else {
                throw Problem(message: "sweep variable '\(name)' takes its values from '\(source)', which has no value", hint: "define '\(source)' in a cell above")
            }
            if name == Self.trialVariable {
                guard case .int(let count) = value, (1...Self.maximumValues).contains(count) else {
                    throw Problem(
                        message: "option 'trials' takes its count from '\(source)', \(value.typeName) \(value), not a whole number from 1 to \(Self.maximumValues)",
                        hint: "'\(source)' must be an Int, e.g. 'let trials = 10'")
                }
                grid.variables[index].values = Self.trials(count)
                continue
            }
            guard case .array(let elements) = value else {
                throw Problem(
                    message: "sweep variable '\(name)' takes its values from '\(source)', a \(value.typeName), not a list",
                    hint: "'\(source)' must be a non-empty list of Int, Double, Bool or String values")
            }
            grid.variables[index].values = try Self.validated(elements, of: name, source: source)
        }
        return grid
    }

    /// The one rule for a variable's values, literal or from a source: a non-empty list of
    /// scalars of one type (Ints mixed with Doubles become Doubles), each value once.
    public static func validated(_ values: [ParamValue], of name: String, source: String? = nil) throws(Problem) -> [ParamValue] {
        let example = "e.g. '//| sweep: { kappa: [2, 4, 6], nu: [0.1, 0.3] }'"
        let subject = "sweep variable '\(name)'" + (source.map { " (from '\($0)')" } ?? "")
        guard !values.isEmpty else { throw Problem(message: "\(subject) needs a non-empty list of values", hint: example) }
        guard values.count <= maximumValues else {
            throw Problem(message: "\(subject) has \(values.count) values, over \(maximumValues)", hint: "each value multiplies the work units; split the sweep")
        }
        if values.contains(where: { if case .array = $0 { true } else { false } }) {
            throw Problem(message: "\(subject) holds Int, Double, Bool or String values", hint: example)
        }
        let types = Set(values.map(\.typeName))
        var unified = values
        if types == ["Int", "Double"] {
            unified = values.map { if case .int(let value) = $0 { .double(Double(value)) } else { $0 } }
        } else if types.count > 1 {
            throw Problem(message: "\(subject) mixes types \(types.sorted().joined(separator: " and "))", hint: "give all its values one type")
        }
        guard Set(unified).count == unified.count else {
            throw Problem(message: "\(subject) lists a value twice", hint: "each point of a sweep must be distinct")
        }
        return unified
    }

    /// The trial variable's values for `//| trials: count`.
    public static func trials(_ count: Int) -> [ParamValue] { (0..<count).map(ParamValue.int) }

    /// Every point, the last variable varying fastest.
    public var points: [Point] {
        var points: [[ParamValue]] = [[]]
        for variable in variables {
            points = points.flatMap { prefix in variable.values.map { prefix + [$0] } }
        }
        return points.map { Point(coordinates: $0, id: id(of: $0)) }
    }

    /// The id of the point with these coordinates.
    public func id(of coordinates: [ParamValue]) -> String {
        zip(variables, coordinates).map { "\($0.name)=\($1)" }.joined(separator: ",")
    }

    /// `kappa ∈ {2, 4} × nu ∈ {0.1, 0.3}`; an unresolved variable shows its source
    /// (`kappa ∈ e1Kappas`).
    public var summary: String {
        variables.map { variable in
            if let source = variable.source, variable.values.isEmpty { return "\(variable.name) ∈ \(source)" }
            return "\(variable.name) ∈ {" + variable.values.map(\.description).joined(separator: ", ") + "}"
        }.joined(separator: " × ")
    }
}
