/// One progress report from a long-running built-in (training, sweeps).
///
/// `done`/`total` count the outermost steps (grid points of a `progressMap`, or epochs when
/// nothing encloses the training); `fraction` also counts the part of the current step
/// that nested work (the epochs of a training inside a grid point) has finished.
public struct ProgressUpdate: Sendable, Equatable {
    /// The reporting cell's id (label or `cell-N`).
    public var cell: String
    public var done: Int
    public var total: Int
    public var label: String
    /// Fraction done in [0, 1].
    public var fraction: Double

    /// A report; `fraction` defaults to `done / total`.
    public init(cell: String, done: Int, total: Int, label: String, fraction: Double? = nil) {
        self.cell = cell
        self.done = done
        self.total = total
        self.label = label
        let counted = total > 0 ? Double(done) / Double(total) : 0
        self.fraction = min(1, max(0, fraction ?? counted))
    }
}
