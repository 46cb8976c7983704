import Foundation
import FolioMath
import FolioNotebook

/// Folio's execution engine: static check, plan, cache and run of a parsed notebook.
public enum Engine {
    /// Every static check (`folio lint`): unsupported constructs, names, labels, argument
    /// counts, literal types, definitions and references. Parse diagnostics are separate
    /// (`Notebook.parse`).
    public static func lint(_ notebook: Notebook) -> [Diagnostic] {
        Checker.check(notebook, registry: .standard).1
    }

    /// Checks, then runs the notebook's cells (reusing cached ones) and evaluates its inline
    /// values (restoring cached ones).
    ///
    /// Threads: OpenBLAS runs single-threaded (its results depend on its thread count; see
    /// `BLASThreads`); each cell may use `max(1, threads / jobs)` threads for Folio's own
    /// parallel work (the VAE trainer). Results are identical for every `jobs` and `threads`.
    public static func run(_ notebook: Notebook, options: RunOptions) -> RunResult {
        let (analysis, diagnostics) = Checker.check(notebook, registry: .standard)
        guard !diagnostics.containsErrors else {
            return RunResult(notebook: notebook, diagnostics: diagnostics, cells: [], warnings: [])
        }
        BLASThreads.set(1)
        let sandbox = sandbox(notebook)
        let events = options.events
        let runner = CellRunner(
            notebook: notebook, registry: .standard, sandbox: sandbox, params: notebook.paramsValue,
            limits: RunLimits(options), threads: max(1, options.threads / max(1, options.jobs)),
            now: options.now,
            onProgress: { events(.progress($0)) }, onPrint: { events(.printed(cell: $0, text: $1)) })
        let scheduler = Scheduler(notebook: notebook, analysis: analysis, runner: runner, options: options)
        let (cells, inlineValues) = scheduler.run()
        return RunResult(
            notebook: notebook, diagnostics: diagnostics, cells: cells, inlineValues: inlineValues, warnings: scheduler.warnings,
            cacheActivity: scheduler.cache.activity)
    }

    /// `folio functions [NAME]`: the built-ins' signatures and documentation; nil when
    /// `name` matches none.
    public static func functionDocumentation(_ name: String?) -> String? {
        BuiltinDocumentation.render(registry: .standard, name: name)
    }

    /// Names close to `name` among the built-ins, for a did-you-mean.
    public static func functionSuggestions(_ name: String) -> [String] {
        let registry = BuiltinRegistry.standard
        return DidYouMean.suggestions(for: name, among: Array(registry.functions.keys) + Array(registry.allMemberNames), limit: 3)
    }

    /// `folio clean`: removes cache entries that no notebook's last run references, the blobs
    /// no remaining entry refers to and leftovers of interrupted writes; with `dryRun`, only
    /// says what that would free.
    public static func cleanCache(at directory: URL, dryRun: Bool = false) throws -> CacheCleanup {
        try CacheMaintenance.clean(directory, dryRun: dryRun)
    }

    /// `folio cache`: the cache's size by notebook and cell, and what is unreferenced.
    public static func cacheUsage(at directory: URL) -> CacheUsage {
        CacheMaintenance.usage(directory)
    }
}
