/// The grid of a sweep cell (`//| sweep: { kappa: [2, 4], nu: [0.1, 0.3] }` and
/// `//| trials: N`): named variables with their values. The cell's code runs once per
/// point of the grid's Cartesian product, each point a work unit of its own.
public struct SweepGrid: Sendable, Equatable, Codable {
    /// One sweep variable and its values, in the order written.
    public struct Variable: Sendable, Equatable, Codable {
        public var name: String
        public var values: [ParamValue]

        public init(name: String, values: [ParamValue]) {
            self.name = name
            self.values = values
        }
    }

    /// One point: a value for each variable, in the variables' order.
    public struct Point: Sendable, Equatable, Hashable {
        public var coordinates: [ParamValue]
        /// `kappa=2,nu=0.1`: names the point in unit ids, cache keys and its random stream.
        public var id: String
    }

    /// The name of the variable `//| trials: N` adds (values 0 ..< N).
    public static let trialVariable = "trial"

    /// The variables, outermost first (the trial index, if any, last).
    public var variables: [Variable]

    public init(variables: [Variable]) {
        self.variables = variables
    }

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

    /// `kappa ∈ {2, 4} × nu ∈ {0.1, 0.3}`.
    public var summary: String {
        variables.map { variable in
            "\(variable.name) ∈ {" + variable.values.map(\.description).joined(separator: ", ") + "}"
        }.joined(separator: " × ")
    }
}
