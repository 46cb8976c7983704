/// One progress report from a long-running built-in (training, sweeps).
///
/// `done`/`total` count steps (epochs); nested progress (a training inside a grid point of
/// a `progressMap`) carries its counts in `label` ("grid point 3/25 · trainVAE 40/200"),
/// has `total` 0, and a `fraction` of the whole.
public struct ProgressUpdate: Sendable, Equatable {
    /// The reporting cell's id (label or `cell-N`).
    public var cell: String
    public var done: Int
    public var total: Int
    public var label: String
    /// Fraction done in [0, 1].
    public var fraction: Double

    /// The label with its counts: "epochs 12/100", or the nested label as it is.
    public var text: String { total > 0 ? "\(label) \(done)/\(total)" : label }

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
