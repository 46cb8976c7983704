import Foundation
import FolioNotebook

/// `folio plan`'s projection of what a unit still to compute will cost: its cell's work
/// estimate (`//| work:`) evaluated for the unit, times the CPU seconds per unit of work its
/// cell's units cost in the notebook's last render (any params: that is the point, a
/// standard-size render projects the paper sizes).
///
/// The rate is Σ CPU seconds / Σ work over the cell's measured units whose recorded estimate
/// is the expression as written now. CPU seconds, not wall seconds: a unit that shared its
/// cores with others took longer than it cost, and the projection must not depend on `--jobs`.
///
/// The estimate reads params, the unit's sweep coordinates and names of plain cells above,
/// restored from the cache; while such a cell is still to compute there is no projection
/// (`folio plan --resolve` computes those cells first). One planner uses it, on one thread.
final class WorkProjector: @unchecked Sendable {
    /// A unit's work and projected seconds, or why there is none.
    enum Projection {
        case projected(work: Double, seconds: Double)
        /// `needs`: the cell still to compute that the estimate reads, if that is why.
        case none(reason: String, needs: Int? = nil)
    }

    private let notebook: Notebook
    private let analyses: [CellAnalysis]
    private let cache: CellCache
    private let runner: CellRunner
    /// Unit id → entry key, from the notebook's last render.
    private let previousEntries: [String: String]
    /// The plain cells cached with this plan's params, whose values estimates read.
    private let cachedValues: CachedCellValues
    private var rates: [Int: Double?] = [:]

    init(
        notebook: Notebook, analyses: [CellAnalysis], cache: CellCache, runner: CellRunner, previousEntries: [String: String],
        cachedValues: CachedCellValues
    ) {
        self.notebook = notebook
        self.analyses = analyses
        self.cache = cache
        self.runner = runner
        self.previousEntries = previousEntries
        self.cachedValues = cachedValues
    }

    /// The projection of cell `index`'s unit at `point` of `grid` (nil for a plain cell).
    func projection(_ index: Int, point: SweepGrid.Point?, of grid: SweepGrid?) -> Projection {
        guard let estimate = analyses[index].work else { return .none(reason: "no work estimate") }
        guard let rate = rate(index) else {
            return .none(reason: "its work estimate was not measured yet (render the notebook once, at any size)")
        }
        var inputs: [String: Value] = [:]
        for (name, upstream) in analyses[index].workReads.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
            guard let value = cachedValues.values(of: upstream)?[name] else {
                return .none(reason: "its work estimate reads \(notebook.cells[upstream].id), still to compute", needs: upstream)
            }
            inputs[name] = value
        }
        if let point, let grid {
            for (variable, value) in zip(grid.variables, point.coordinates) { inputs[variable.name] = Value(value) }
        }
        switch runner.work(estimate, inputs: inputs) {
        case .success(let work): return .projected(work: work, seconds: work * rate)
        case .failure(let error): return .none(reason: "its work estimate fails: \(error.message)")
        }
    }

    /// CPU seconds per unit of work of cell `index` in the last render, or nil when none of its
    /// units recorded the estimate as written now (or all recorded no work).
    private func rate(_ index: Int) -> Double? {
        if let known = rates[index] { return known }
        let cell = notebook.cells[index]
        var seconds = 0.0, work = 0.0
        for (unit, key) in previousEntries where WorkUnitKeys.parse(unit).cell == cell.id {
            guard case .found(let found) = cache.lookupCell(key: key), let measured = found.entry.work,
                measured.expression == cell.options.work
            else { continue }
            seconds += found.entry.costSeconds
            work += measured.value
        }
        let rate = work > 0 ? seconds / work : nil
        rates[index] = rate
        return rate
    }
}
