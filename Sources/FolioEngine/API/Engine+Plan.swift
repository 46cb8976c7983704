import Foundation
import FolioNotebook

extension Engine {
    /// `folio plan`: checks the notebook, then lists the work units (cells, sweep points)
    /// the cache in `cacheDirectory` does not hold yet, without running anything. Returns
    /// the static-check diagnostics instead when there are errors.
    public static func plan(_ notebook: Notebook, cacheDirectory: URL) -> Result<WorkPlan, DiagnosticList> {
        let (analysis, diagnostics) = Checker.check(notebook, registry: .standard)
        guard !diagnostics.containsErrors else { return .failure(DiagnosticList(diagnostics: diagnostics)) }
        let cache = CellCache(directory: cacheDirectory, notebook: notebook, sandbox: sandbox(notebook), readsPrevious: false)
        let index = try? CacheFile.read(CacheIndex.self, kind: .index, from: CellCache.indexURL(cacheDirectory, notebook.name))
        let records = index?.head.cells ?? []
        let previous = Dictionary(records.map { ($0.id, $0.entryKey) }, uniquingKeysWith: { first, _ in first })
        let previousParams = Dictionary(records.map { ($0.id, $0.components.params) }, uniquingKeysWith: { first, _ in first })
        // Work estimates run under a render's default limits, printing nowhere.
        let defaults = RunOptions(cacheDirectory: cacheDirectory)
        let runner = CellRunner(
            notebook: notebook, registry: .standard, sandbox: sandbox(notebook), params: notebook.paramsValue,
            limits: RunLimits(defaults), threads: 1, now: defaults.now, onProgress: { _ in }, onPrint: { _, _ in })
        let cachedValues = CachedCellValues(notebook: notebook, analyses: analysis.cells, cache: cache, registry: .standard)
        let projector = WorkProjector(
            notebook: notebook, analyses: analysis.cells, cache: cache, runner: runner, previousEntries: previous,
            cachedValues: cachedValues)
        let planner = Planner(
            notebook: notebook, analyses: analysis.cells, cache: cache, previousEntries: previous, previousParams: previousParams,
            cachedValues: cachedValues, projector: projector)
        // Work estimates run in the interpreter, which wants a big stack.
        return .success(BigStack.run { planner.plan() })
    }

    /// Every work unit of the notebook known before running, computed or not: each cell's
    /// id, and `cell[point]` for each point of a sweep cell with a written-out grid (what
    /// `folio run-unit --unit` accepts, with `isPointOfResolvedLaterGrid`).
    public static func unitIDs(_ notebook: Notebook) -> [String] {
        notebook.cells.flatMap { cell in
            cell.options.sweep.map { $0.points.map { WorkUnitKeys.unitID(cell: cell.id, point: $0.id) } } ?? [cell.id]
        }
    }

    /// True when `unit` is `cell[point]` of a sweep cell whose grid takes values from a name
    /// or a parameter: its points are known only when the grid is resolved, so the run checks
    /// the point (`unitIDs` cannot list them).
    public static func isPointOfResolvedLaterGrid(_ unit: String, in notebook: Notebook) -> Bool {
        let (cellID, point) = WorkUnitKeys.parse(unit)
        guard point != nil, let cell = notebook.cells.first(where: { $0.id == cellID }) else { return false }
        return !(cell.options.sweep?.sources.isEmpty ?? true)
    }

    /// A unit id's cell id and point id (`e1[kappa=2]` → `e1`, `kappa=2`).
    public static func unitParts(_ unit: String) -> (cell: String, point: String?) {
        WorkUnitKeys.parse(unit)
    }

    /// The files a notebook's cells may read: its folder and its declared data folders.
    static func sandbox(_ notebook: Notebook) -> FileSandbox {
        let folder = URL(fileURLWithPath: notebook.path).deletingLastPathComponent()
        return FileSandbox(notebookFolder: folder, dataFolders: notebook.frontMatter.data.map { ($0.name, $0.path) })
    }
}

/// Diagnostics as an error value.
public struct DiagnosticList: Error, Sendable {
    public var diagnostics: [Diagnostic]
}
