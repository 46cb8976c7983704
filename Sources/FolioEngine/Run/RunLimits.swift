import FolioMath
import FolioNotebook

/// The limits every cell of a run works under: its timeout and memory budget (the cell's
/// option, else the run's default), the run's own `--timeout` and Ctrl-C. The one place
/// that builds the stop check the interpreter and the long built-ins call.
struct RunLimits: Sendable {
    let defaultCellTimeoutSeconds: Double?
    let runTimeoutSeconds: Double?
    let runDeadline: Double?
    let memoryBudgetBytes: Int
    let interrupt: StopSignal
    let now: @Sendable () -> Double

    /// The limits of a run with `options` that starts now.
    init(_ options: RunOptions) {
        defaultCellTimeoutSeconds = options.defaultTimeoutSeconds
        runTimeoutSeconds = options.timeoutSeconds
        let start = options.now()
        runDeadline = options.timeoutSeconds.map { start + $0 }
        memoryBudgetBytes = options.memoryBudgetBytes
        interrupt = options.interrupt
        now = options.now
    }

    static let interrupted = StopReason(
        message: "interrupted (Ctrl-C)", hint: "the cache and the previous report were kept; render again to go on from the cache")

    /// Why the whole run must stop now (Ctrl-C, or its `--timeout` passed); nil to go on.
    func runStopReason() -> StopReason? {
        if interrupt.isRaised { return Self.interrupted }
        if let runDeadline, let runTimeoutSeconds, now() > runDeadline {
            return StopReason(
                message: "the render ran out of time (--timeout \(Self.seconds(runTimeoutSeconds)))",
                hint: "raise --timeout, or make the slow cells faster")
        }
        return nil
    }

    /// The stop check of a cell with `options` that starts now: the run's reasons, then the
    /// cell's own timeout.
    func stopCheck(for options: CellOptions) -> StopCheck {
        let limits = self
        let timeout = options.timeoutSeconds ?? defaultCellTimeoutSeconds
        let deadline = timeout.map { now() + $0 }
        return StopCheck { () throws(StopReason) in
            if let reason = limits.runStopReason() { throw reason }
            if let deadline, let timeout, limits.now() > deadline {
                throw StopReason(
                    message: "cell timed out after \(Self.seconds(timeout))",
                    hint: "raise it with '//| timeout: SECONDS' or make the cell faster")
            }
        }
    }

    /// The memory budget of a cell with `options`.
    func memoryBudget(for options: CellOptions) -> Int { options.memoryBytes ?? memoryBudgetBytes }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? "\(Int(value)) seconds" : "\(value) seconds"
    }
}
