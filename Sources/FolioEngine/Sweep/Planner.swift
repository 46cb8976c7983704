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
    /// Cell id → the params it read in the notebook's last render (`Int:400`), from its index.
    let previousParams: [String: [String: String]]

    /// The values of the plain cells found cached (grid lists, sizes for work estimates).
    let cachedValues: CachedCellValues
    /// Projects pending units' seconds from their cells' work estimates.
    let projector: WorkProjector

    func plan() -> WorkPlan {
        var effectiveKeys: [Int: String] = [:]
        var pendingUnits: [Int: [String]] = [:]
        /// Each sweep cell's grid and, per point, its effective key (nil while pending).
        var sweeps: [Int: (grid: SweepGrid, keys: [String?])] = [:]
        var unitStages: [String: Int] = [:]
        var units: [WorkPlan.Unit] = []
        var waiting: [WorkPlan.Waiting] = []
        var waitingCells: Set<Int> = []
        var unprojected: [WorkPlan.Unprojected] = []
        /// Plain cells still to compute that grids or work estimates read.
        var inputs: Set<Int> = []
        var cachedUnits = 0
        for (index, cell) in notebook.cells.enumerated() {
            let upstream = analyses[index].upstream
            if let blocker = upstream.first(where: waitingCells.contains) {
                waitingCells.insert(index)
                waiting.append(WorkPlan.Waiting(cell: cell.id, on: notebook.cells[blocker].id, reason: "it reads \(notebook.cells[blocker].id)"))
                continue
            }
            var grid = cell.options.sweep
            if let written = grid, !written.sources.isEmpty {
                let reads = analyses[index].gridReads
                if let (name, pending) = reads.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }).first(where: { pendingUnits[$0.value] != nil }) {
                    waitingCells.insert(index)
                    inputs.insert(pending)
                    waiting.append(
                        WorkPlan.Waiting(cell: cell.id, on: notebook.cells[pending].id, reason: "its grid reads \(name): \(written.summary)"))
                    continue
                }
                do throws(SweepGrid.Problem) {
                    grid = try written.resolving(params: notebook.frontMatter) { name in
                        reads[name].flatMap { cachedValues.values(of: $0)?[name] }
                    }
                } catch {
                    waitingCells.insert(index)
                    let source = reads.values.sorted().first.map { notebook.cells[$0].id } ?? cell.id
                    waiting.append(WorkPlan.Waiting(cell: cell.id, on: source, reason: "its grid cannot be resolved: \(error.message)"))
                    continue
                }
            }
            let pointwise = analyses[index].pointwiseUpstream
            let changedParams = paramsChanged(upTo: index)
            let measuredWith = changedParams.isEmpty ? nil : changedParams
            let wholeUpstream = upstream.filter { !pointwise.contains($0) }
            let points: [SweepGrid.Point?] = grid.map { $0.points.map(Optional.some) } ?? [nil]
            var pending: [WorkPlan.Unit] = []
            var keys: [String?] = []
            for point in points {
                let id = WorkUnitKeys.unitID(cell: cell.id, point: point?.id)
                // What this unit reads: whole cells by their keys, pointwise sweeps by the
                // point at its own coordinates (grid is set whenever point is).
                let coordinates = point.flatMap { point in grid.map { $0.coordinates(of: point) } }
                func upstreamPoint(_ upstream: Int) -> (key: String?, pending: String?) {
                    guard let coordinates, let sweep = sweeps[upstream], let found = sweep.grid.point(at: coordinates) else {
                        return (nil, nil)
                    }
                    let key = sweep.keys[found.index]
                    return (key, key == nil ? WorkUnitKeys.unitID(cell: notebook.cells[upstream].id, point: found.point.id) : nil)
                }
                var dependsOn = wholeUpstream.flatMap { pendingUnits[$0] ?? [] }
                dependsOn += pointwise.sorted().compactMap { upstreamPoint($0).pending }
                let upstreamKey = { (upstream: Int) -> String? in
                    pointwise.contains(upstream) ? upstreamPoint(upstream).key : effectiveKeys[upstream]
                }
                let keysKnown = analyses[index].codeUpstream.allSatisfy { upstreamKey($0) != nil }
                var components: KeyComponents?
                if keysKnown {
                    components = cache.components(
                        analyses[index], code: cell.normalizedCode, options: WorkUnitKeys.options(cell, point: point?.id),
                        upstreamKeys: upstreamKey)
                }
                if let found = components.flatMap({ cached($0, cell: cell) }) {
                    cachedUnits += 1
                    keys.append(found.effective.key)
                    if grid == nil { cachedValues.cached(index, found.entry) }
                    continue
                }
                keys.append(nil)
                let stage = dependsOn.compactMap { unitStages[$0] }.max().map { $0 + 1 } ?? 0
                unitStages[id] = stage
                let measured = seconds(id)
                var unit = WorkPlan.Unit(
                    id: id, cell: cell.id, point: point?.id, key: components?.key, dependsOn: dependsOn, stage: stage,
                    measuredSeconds: measured?.wall, measuredWith: measured == nil ? nil : measuredWith, measuredCPUSeconds: measured?.cpu)
                switch projector.projection(index, point: point, of: grid) {
                case .projected(let work, let seconds):
                    unit.work = work
                    unit.projectedSeconds = seconds
                case .none(let reason, let needs) where unit.expectedSeconds == nil:
                    if let needs { inputs.insert(needs) }
                    if let last = unprojected.last, last.cell == cell.id, last.reason == reason {
                        unprojected[unprojected.count - 1].units += 1
                    } else {
                        unprojected.append(WorkPlan.Unprojected(cell: cell.id, units: 1, reason: reason))
                    }
                case .none: break
                }
                pending.append(unit)
            }
            if let grid { sweeps[index] = (grid, keys) }
            if pending.isEmpty {
                let known = keys.compactMap { $0 }
                effectiveKeys[index] = cell.options.sweep == nil ? known.first : WorkUnitKeys.sweepKey(pointKeys: known)
            } else {
                pendingUnits[index] = pending.map(\.id)
                units += fillingUnknownSeconds(pending, cell: cell, grid: grid, measuredWith: measuredWith)
            }
        }
        let cheapInputs = inputs.sorted().filter { notebook.cells[$0].options.sweep == nil && notebook.cells[$0].options.work == nil }
        return WorkPlan(
            notebook: notebook.path, units: units, cachedUnits: cachedUnits, waiting: waiting, unprojected: unprojected,
            inputsToCompute: cheapInputs.map { notebook.cells[$0].id })
    }

    /// The entry and effective key components (with the recorded file hashes) of a unit the
    /// cache holds with unchanged input files, or nil.
    private func cached(_ components: KeyComponents, cell: Cell) -> (entry: CellCache.CachedCell, effective: KeyComponents)? {
        guard cell.options.cache, case .found(let found) = cache.lookupCell(key: components.key),
            cache.filesUnchanged(found.entry.components.files)
        else { return nil }
        var effective = components
        effective.files = found.entry.components.files
        return (found, effective)
    }

    /// The params whose values differ from the last render's, among those cell `index` and
    /// every cell it needs (transitively) read: name → the last render's value. Sizes flow
    /// through upstream values (`e1-vae` reads `e1Samples`, which `e1-data` sets by
    /// `params.mode`), so a measurement is at other sizes when any of them changed.
    private func paramsChanged(upTo index: Int) -> [String: String] {
        var seen: Set<Int> = []
        var pending = [index]
        var changed: [String: String] = [:]
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            pending += analyses[next].upstream
            let now = cache.params(readBy: analyses[next])
            for (name, value) in previousParams[notebook.cells[next].id] ?? [:] where now[name] != value {
                // Recorded as `Type:value`; the value alone reads as the user wrote it.
                changed[name] = value.firstIndex(of: ":").map { String(value[value.index(after: $0)...]) } ?? value
            }
        }
        return changed
    }

    /// What unit `id` took when it last ran: wall seconds, and what it cost in CPU seconds.
    private func seconds(_ id: String) -> (wall: Double, cpu: Double)? {
        guard let key = previousEntries[id], case .found(let found) = cache.lookupCell(key: key) else { return nil }
        return (found.entry.seconds, found.entry.costSeconds)
    }

    /// Points without a measurement (new grid values) get the mean measured seconds of
    /// their cell's points in the last render (measured with `measuredWith`, like them).
    private func fillingUnknownSeconds(
        _ units: [WorkPlan.Unit], cell: Cell, grid: SweepGrid?, measuredWith: [String: String]?
    ) -> [WorkPlan.Unit] {
        guard let grid, units.contains(where: { $0.measuredSeconds == nil }) else { return units }
        let measured = grid.points.compactMap { seconds(WorkUnitKeys.unitID(cell: cell.id, point: $0.id)) }
        guard !measured.isEmpty else { return units }
        let count = Double(measured.count)
        return units.map { unit in
            var unit = unit
            if unit.measuredSeconds == nil {
                unit.measuredSeconds = measured.map(\.wall).reduce(0, +) / count
                unit.measuredCPUSeconds = measured.map(\.cpu).reduce(0, +) / count
                unit.measuredWith = measuredWith
            }
            return unit
        }
    }
}
