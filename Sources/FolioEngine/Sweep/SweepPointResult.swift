/// How one point of a sweep cell ended in a run, with its timing: the report's manifest
/// lists them under the cell (`points`), and `folio plan` reads the seconds back.
public struct SweepPointResult: Sendable, Codable, Equatable {
    /// The point's id, `kappa=2,nu=0.1`.
    public var id: String
    /// `ran`, `cached` or `failed`.
    public var status: CellStatus
    /// Wall-clock seconds spent on the point in this run (0 when reused).
    public var seconds: Double
    /// Seconds the run that computed the point took.
    public var computedSeconds: Double
    /// The key of the point's cache entry.
    public var key: String
    /// The message of the point's error, for a failed point.
    public var error: String?

    public init(id: String, status: CellStatus, seconds: Double, computedSeconds: Double, key: String, error: String? = nil) {
        self.id = id
        self.status = status
        self.seconds = seconds
        self.computedSeconds = computedSeconds
        self.key = key
        self.error = error
    }
}
