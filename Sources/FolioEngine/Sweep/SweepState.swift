import FolioNotebook

/// What the scheduler knows about the points of one sweep cell during a run.
struct SweepState {
    var grid: SweepGrid
    /// The points this run resolves, in grid order: all of them, or for `folio run-unit`
    /// the one asked for.
    var points: [SweepGrid.Point]
    /// Each point's key components: static until it ran or was found, then with file hashes.
    var components: [KeyComponents]
    /// Each point's entry key (without file hashes).
    var entryKeys: [String]
    /// Points reused from the cache, by position in `points`.
    var cached: [Int: CellCache.CachedCell] = [:]
    /// Points computed in this run, by position in `points`.
    var outcomes: [Int: CellRunner.Outcome] = [:]
    /// The points to compute, by position in `points`.
    var toRun: [Int] = []

    /// The unit id of the point at `position`.
    func unitID(_ cell: Cell, _ position: Int) -> String {
        WorkUnitKeys.unitID(cell: cell.id, point: points[position].id)
    }
}

extension SweepState {
    /// The position in `points` of the point at `coordinates` (see `SweepGrid.point(at:)`),
    /// or nil when this run resolves no such point.
    func position(at coordinates: [String: ParamValue]) -> Int? {
        guard let (index, point) = grid.point(at: coordinates) else { return nil }
        if points.indices.contains(index), points[index].id == point.id { return index }
        return points.firstIndex { $0.id == point.id }
    }
}
