/// One progress report from a long-running built-in (training, sweeps).
public struct ProgressUpdate: Sendable, Equatable {
    /// The reporting cell's id (label or `cell-N`).
    public var cell: String
    public var done: Int
    public var total: Int
    public var label: String

    public init(cell: String, done: Int, total: Int, label: String) {
        self.cell = cell
        self.done = done
        self.total = total
        self.label = label
    }

    /// Fraction done in [0, 1].
    public var fraction: Double { total > 0 ? min(1, max(0, Double(done) / Double(total))) : 0 }
}
