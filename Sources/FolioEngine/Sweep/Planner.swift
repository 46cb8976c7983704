import Foundation
import FolioNotebook

/// Builds a `WorkPlan` without running anything: walks the cells in document order (cells
/// read only cells above them), computing each unit's key the way the scheduler does
/// (`WorkUnitKeys`) and looking it up in the cache. A unit whose upstream is still to
/// compute has no key yet; its stage follows its dependencies.
struct Planner {
    let notebook: Notebook
    let analyses: [CellAnalysis]
    let cache: CellCache
    /// Unit id → entry key, from the notebook's last render (for measured seconds).
    let previousEntries: [String: String]

    func plan() -> WorkPlan {
        var effectiveKeys: [Int: String] = [:]
        var pendingUnits: [Int: [String]] = [:]
        var stages: [Int: Int] = [:]
        var units: [WorkPlan.Unit] = []
        var cachedUnits = 0
        for (index, cell) in notebook.cells.enumerated() {
            let upstream = analyses[index].upstream
            let dependsOn = upstream.flatMap { pendingUnits[$0] ?? [] }
            let stage = upstream.compactMap { pendingUnits[$0] == nil ? nil : stages[$0] }.max().map { $0 + 1 } ?? 0
            let keysKnown = upstream.allSatisfy { effectiveKeys[$0] != nil }
            let points: [String?] = cell.options.sweep.map { $0.points.map { Optional($0.id) } } ?? [nil]
            var pending: [WorkPlan.Unit] = []
            var pointKeys: [String] = []
            for point in points {
                let id = WorkUnitKeys.unitID(cell: cell.id, point: point)
                var components: KeyComponents?
                if keysKnown {
                    components = cache.components(
                        analyses[index], code: cell.normalizedCode, options: WorkUnitKeys.options(cell, point: point),
                        upstreamKeys: { effectiveKeys[$0] })
                }
                if let found = components.flatMap({ cached($0, cell: cell) }) {
                    cachedUnits += 1
                    pointKeys.append(found.key)
                    continue
                }
                pending.append(
                    WorkPlan.Unit(
                        id: id, cell: cell.id, point: point, key: components?.key, dependsOn: dependsOn, stage: stage,
                        measuredSeconds: previousEntries[id].flatMap(seconds)))
            }
            if pending.isEmpty {
                effectiveKeys[index] = cell.options.sweep == nil ? pointKeys.first : WorkUnitKeys.sweepKey(pointKeys: pointKeys)
            } else {
                pendingUnits[index] = pending.map(\.id)
                stages[index] = stage
                units += fillingUnknownSeconds(pending, cell: cell)
            }
        }
        return WorkPlan(notebook: notebook.path, units: units, cachedUnits: cachedUnits)
    }

    /// The effective key (with the recorded file hashes) of a unit the cache holds with
    /// unchanged input files, or nil.
    private func cached(_ components: KeyComponents, cell: Cell) -> KeyComponents? {
        guard cell.options.cache, case .found(let found) = cache.lookupCell(key: components.key),
            cache.filesUnchanged(found.entry.components.files)
        else { return nil }
        var effective = components
        effective.files = found.entry.components.files
        return effective
    }

    private func seconds(_ entryKey: String) -> Double? {
        if case .found(let found) = cache.lookupCell(key: entryKey) { return found.entry.seconds }
        return nil
    }

    /// Points without a measurement (new grid values) get the mean measured seconds of
    /// their cell's points in the last render.
    private func fillingUnknownSeconds(_ units: [WorkPlan.Unit], cell: Cell) -> [WorkPlan.Unit] {
        guard let grid = cell.options.sweep, units.contains(where: { $0.measuredSeconds == nil }) else { return units }
        let measured = grid.points.compactMap { previousEntries[WorkUnitKeys.unitID(cell: cell.id, point: $0.id)].flatMap(seconds) }
        guard !measured.isEmpty else { return units }
        let mean = measured.reduce(0, +) / Double(measured.count)
        return units.map { unit in
            var unit = unit
            if unit.measuredSeconds == nil { unit.measuredSeconds = mean }
            return unit
        }
    }
}
