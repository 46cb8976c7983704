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

    /// The cells this one reads from, in document order.
    var upstream: [Int] { Set(reads.values).sorted() }
}

/// What the static check learned about a notebook: one analysis per cell and one per
/// inline value (its single expression statement, the names and params it reads).
struct NotebookAnalysis: Sendable {
    var cells: [CellAnalysis]
    var inlineValues: [CellAnalysis]
}
