/// What the static check learned about one cell: its code, the names it defines and the
/// names it reads from other cells. The plan builds the DAG and cache keys from it.
struct CellAnalysis: Sendable {
    var statements: [Stmt]
    /// Top-level names the cell defines, in order.
    var defines: [String]
    /// Names read from other cells → index of the defining cell.
    var reads: [String: Int]
    /// `params.x` names read.
    var paramsRead: Set<String>
    /// The cell uses `params` as a whole, so it depends on every param.
    var readsAllParams: Bool

    /// Names a sweep's grid takes its lists from (`kappa: e1Kappas`) → index of the defining
    /// cell. (A list parameter, `kappa: params.kappas`, is read from the front matter when
    /// the grid is resolved; like these names, it decides which points exist, not their keys.)
    var gridReads: [String: Int] = [:]

    /// Sweep cells this sweep cell reads point by point (`SweepGrid.readsPointwise`): each of
    /// its points sees their values at the same coordinates, hashes that point's key, and
    /// loads that point only.
    var pointwiseUpstream: Set<Int> = []

    /// The cell's work estimate (`//| work:`), checked and lowered.
    var work: WorkEstimate?
    /// Names the work estimate reads from (plain) cells above → index of the defining cell.
    /// They order the cell after those cells and are bound when it runs, but are not in its
    /// key: an estimate changes no result.
    var workReads: [String: Int] = [:]

    /// The cells whose values this one's code reads, in document order: the cells its key
    /// (and each of its points' keys) hashes.
    var codeUpstream: [Int] { Set(reads.values).sorted() }

    /// Every cell this one needs first: those its code reads, those its grid's lists come
    /// from and those its work estimate reads, in document order.
    var upstream: [Int] { Set(reads.values).union(gridReads.values).union(workReads.values).sorted() }
}

/// What the static check learned about a notebook: one analysis per cell and one per
/// inline value (its single expression statement, the names and params it reads).
struct NotebookAnalysis: Sendable {
    var cells: [CellAnalysis]
    var inlineValues: [CellAnalysis]
}
