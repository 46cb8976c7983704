import FolioNotebook

/// The values of one finished sweep cell, point by point, for the sweeps that read it
/// pointwise (`SweepGrid.readsPointwise`): a read loads one point (from this run's outcome
/// or its cache entry) and keeps nothing, so a sweep over a hundred 1.6 GB problems never
/// holds them all. Built by the scheduler under its lock, then immutable, so the points of
/// the reading sweep may read it from any thread.
final class SweepPoints: @unchecked Sendable {
    /// Where one point's values are.
    enum Stored {
        case computed([(name: String, value: Value)])
        case cached(CellCache.CachedCell)
    }

    let cell: Cell
    let defines: [String]
    let sweep: SweepState
    /// Each point's values, by position in `sweep.points` (nil: the point has none).
    let stored: [Stored?]
    /// The cell's inputs from cells it reads whole, and `params`: the scope its restored
    /// functions are bound to, with `upstream`'s values at the same point.
    let inputs: [String: Value]
    let params: Value
    /// The sweeps this cell itself reads point by point.
    let upstream: [SweepPoints]
    let cache: CellCache
    let registry: BuiltinRegistry

    init(
        cell: Cell, defines: [String], sweep: SweepState, inputs: [String: Value], params: Value, upstream: [SweepPoints],
        cache: CellCache, registry: BuiltinRegistry
    ) {
        self.cell = cell
        self.defines = defines
        self.sweep = sweep
        self.stored = sweep.points.indices.map { position in
            if let outcome = sweep.outcomes[position], outcome.error == nil { return .computed(outcome.exports) }
            return sweep.cached[position].map(Stored.cached)
        }
        self.inputs = inputs
        self.params = params
        self.upstream = upstream
        self.cache = cache
        self.registry = registry
    }

    /// Why a point's values cannot be read.
    struct Failure: Error {
        var message: String
        var hint: String
    }

    /// The values of the point at `coordinates` (a reader's coordinates: names this grid
    /// lacks are ignored).
    func values(at coordinates: [String: ParamValue]) throws(Failure) -> [(name: String, value: Value)] {
        guard let position = sweep.position(at: coordinates) else {
            let wanted = sweep.grid.variables.map { "\($0.name)=\(coordinates[$0.name]?.description ?? "?")" }.joined(separator: ",")
            throw Failure(
                message: "sweep cell '\(cell.id)' has no point \(wanted)",
                hint: "its grid is \(sweep.grid.summary): " + SweepGrid.pointwiseRule)
        }
        return try values(atPosition: position)
    }

    /// The values of the point at `position` in `sweep.points`.
    func values(atPosition position: Int) throws(Failure) -> [(name: String, value: Value)] {
        let coordinates = sweep.grid.coordinates(of: sweep.points[position])
        switch stored[position] {
        case .computed(let values): return values
        case .cached(let cached):
            let scope = Scope(parent: nil)
            scope.define("params", params, isVar: false)
            for (name, value) in inputs { scope.define(name, value, isVar: false) }
            // The points read pointwise are loaded only for functions that may look them up.
            let bindUpstream = { [upstream] in
                for source in upstream {
                    for (name, value) in try source.values(at: coordinates) { scope.define(name, value, isVar: false) }
                }
            }
            do {
                let values = try cache.restore(cached, defines: defines, scope: scope, registry: registry, whenScopeCaptured: bindUpstream)
                scope.freeze()
                return values
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure(
                    message: "the values of cache entry \(cached.entry.key) (\(sweep.unitID(cell, position))) are unreadable (\(error))",
                    hint: "render with --refresh \(cell.id) to recompute that sweep")
            }
        case nil:
            throw Failure(message: "point \(sweep.unitID(cell, position)) has no values", hint: "it failed or did not run")
        }
    }
}
