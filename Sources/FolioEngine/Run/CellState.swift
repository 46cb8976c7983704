/// Everything the scheduler knows about one cell during a run.
struct CellState {
    /// Where the cell's exported values come from.
    enum Exports {
        /// Not finished, skipped, or failed.
        case none
        /// It ran in this render.
        case computed(CellRunner.Outcome)
        /// Reused from the cache; its values are read on first use.
        case cached(CellCache.CachedCell)
        /// Reused, and its values were read.
        case restored([String: Value])
        /// A sweep cell whose values are assembled from its points on first use (`sweep`).
        case sweep
    }

    /// Resolved: run, reused, or skipped.
    var started = false
    /// Why it must run, while it waits for a free job slot.
    var waitingReasons: [String]?
    var result: CellResult?
    /// Its key components: static ones until it ran or was found, then with file hashes.
    var components: KeyComponents?
    /// The key of its entry (without file hashes).
    var entryKey: String?
    /// The key with file hashes, of a finished successful cell: what dependents hash.
    var effectiveKey: String?
    var exports = Exports.none
    /// The points of a sweep cell (`Scheduler+Sweep.swift`).
    var sweep: SweepState?
}
