import FolioNotebook

/// The values of plain cells the cache holds with a plan's params, restored on first use
/// (with the values their functions capture) and kept: `folio plan` reads the lists grids
/// take their values from and the sizes work estimates read, without running anything.
/// One planner uses it, on one thread.
final class CachedCellValues: @unchecked Sendable {
    private let notebook: Notebook
    private let analyses: [CellAnalysis]
    private let cache: CellCache
    private let registry: BuiltinRegistry
    private var entries: [Int: CellCache.CachedCell] = [:]
    private var restored: [Int: [String: Value]?] = [:]

    init(notebook: Notebook, analyses: [CellAnalysis], cache: CellCache, registry: BuiltinRegistry) {
        self.notebook = notebook
        self.analyses = analyses
        self.cache = cache
        self.registry = registry
    }

    /// Records that plain cell `index` is cached with these params.
    func cached(_ index: Int, _ entry: CellCache.CachedCell) {
        entries[index] = entry
    }

    /// The values plain cell `index` exports, or nil when it is not cached with these params
    /// or its entry cannot be read.
    func values(of index: Int) -> [String: Value]? {
        if let known = restored[index] { return known }
        var values: [String: Value]?
        if let entry = entries[index] {
            let scope = Scope(parent: nil)
            scope.define("params", notebook.paramsValue, isVar: false)
            for (name, upstream) in analyses[index].reads where notebook.cells[upstream].options.sweep == nil {
                if let value = self.values(of: upstream)?[name] { scope.define(name, value, isVar: false) }
            }
            if let restoredValues = try? cache.restore(entry, defines: analyses[index].defines, scope: scope, registry: registry) {
                values = Dictionary(restoredValues, uniquingKeysWith: { first, _ in first })
            }
            scope.freeze()
        }
        restored[index] = values
        return values
    }
}
