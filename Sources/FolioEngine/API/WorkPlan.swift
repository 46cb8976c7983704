/// `folio plan`: the work units of a render still to compute, for a cluster or a CI matrix
/// to run with `folio run-unit` (docs/scale-out.md).
public struct WorkPlan: Sendable, Codable, Equatable {
    /// One cell, or one point of a sweep cell, still to compute.
    public struct Unit: Sendable, Codable, Equatable {
        /// `cell` or `cell[point]`: what `folio run-unit --unit` takes.
        public var id: String
        public var cell: String
        /// The point's id (`kappa=2,nu=0.1`), for a point of a sweep cell.
        public var point: String?
        /// The key of its cache entry; nil while a unit it depends on is not computed (the
        /// key hashes the keys of the cells it reads).
        public var key: String?
        /// The units it needs first (those of the cells it reads that are still to compute).
        public var dependsOn: [String]
        /// 0 for units that need nothing still to compute, else one more than the highest
        /// stage among `dependsOn`: every unit of a stage can run at once.
        public var stage: Int
        /// Seconds the unit took when it last ran (from the cache's record of the last render;
        /// for a new point, the mean of its cell's other points), nil when unknown.
        public var measuredSeconds: Double?
        /// The params of the run that measured `measuredSeconds` where they differ from this
        /// plan's (`["mode": "standard"]` when planning `--param mode=paper`): the
        /// measurement was at other sizes and does not project this unit's cost. Nil when
        /// they agree or nothing was measured.
        public var measuredWith: [String: String]?
        /// What that run cost in CPU seconds (its thread's and its worker threads'): what
        /// CPU-hours count. Below `measuredSeconds` when other units shared the cores. For
        /// entries written before CPU time was recorded, the wall seconds.
        public var measuredCPUSeconds: Double?
        /// The value of its cell's work estimate (`//| work:`) for this unit.
        public var work: Double?
        /// `work` times the CPU seconds per unit of work its cell's units cost in the last
        /// render (at any params): what it should cost, also at sizes never run. Nil when the cell
        /// has no estimate, it was never measured, or it reads a cell still to compute
        /// (`unprojected` says which).
        public var projectedSeconds: Double?

        /// CPU seconds measured with this plan's params, if any.
        public var measuredHere: Double? { measuredWith == nil ? measuredCPUSeconds ?? measuredSeconds : nil }

        /// The CPU seconds to expect: measured with this plan's params, else projected.
        public var expectedSeconds: Double? { measuredHere ?? projectedSeconds }

        /// Whether its expected seconds are a projection (nothing measured with these params).
        public var isProjected: Bool { measuredHere == nil && projectedSeconds != nil }
    }

    /// Units of one cell without a projection, and why.
    public struct Unprojected: Sendable, Codable, Equatable {
        public var cell: String
        public var units: Int
        public var reason: String
    }

    /// A cell whose units cannot be listed yet: a sweep whose grid takes its values from a
    /// cell still to compute, or a cell that reads such a sweep. Plan again once the cells
    /// it waits on are computed (`folio slurm` does, stage after stage).
    public struct Waiting: Sendable, Codable, Equatable {
        public var cell: String
        /// The cell it waits on.
        public var on: String
        public var reason: String
    }

    public var notebook: String
    public var units: [Unit]
    /// Units (cells and points) the cache already holds.
    public var cachedUnits: Int
    /// Cells whose units are listed once the cells they wait on are computed.
    public var waiting: [Waiting] = []
    /// The units listed without a projection, by cell, with the reason.
    public var unprojected: [Unprojected] = []
    /// Plain cells still to compute, without a work estimate of their own, that a waiting
    /// grid takes its list from or a work estimate reads: computing them (`folio plan
    /// --resolve`) lists and projects the units that wait on them.
    public var inputsToCompute: [String] = []

    /// What the units are expected to take: the seconds of those measured with this plan's
    /// params, the projected seconds of the others that have a projection, and how many have neither.
    public var expected: (measured: Double, measuredUnits: Int, projected: Double, projectedUnits: Int, unknownUnits: Int) {
        let measured = units.compactMap(\.measuredHere)
        let projected = units.filter(\.isProjected).compactMap(\.projectedSeconds)
        return (
            measured.reduce(0, +), measured.count, projected.reduce(0, +), projected.count,
            units.count - measured.count - projected.count
        )
    }

    /// The params of the runs that measured units with other params, each value once:
    /// `["mode": ["standard"]]`.
    public var otherMeasuredParams: [String: [String]] {
        var params: [String: Set<String>] = [:]
        for unit in units { for (name, value) in unit.measuredWith ?? [:] { params[name, default: []].insert(value) } }
        return params.mapValues { $0.sorted() }
    }

    /// The units grouped by stage, in stage order.
    public var stages: [[Unit]] {
        let count = (units.map(\.stage).max() ?? -1) + 1
        return (0..<count).map { stage in units.filter { $0.stage == stage } }
    }
}
