/// Why a computation was told to stop.
public struct StopReason: Error, Sendable, Equatable {
    /// One line for the error message (`cell timed out after 2 seconds`).
    public var message: String
    /// What the user can do about it.
    public var hint: String

    public init(message: String, hint: String) {
        self.message = message
        self.hint = hint
    }
}

/// A cooperative stop check for long computations (PCP iterations, training steps,
/// drawing, large matrix work): they call it between steps, and it throws the
/// `StopReason` when the caller must stop (a timeout, Ctrl-C). Libraries that know nothing
/// of cells or renders take one of these as a parameter.
public struct StopCheck: Sendable {
    private let body: @Sendable () throws(StopReason) -> Void

    public init(_ body: @escaping @Sendable () throws(StopReason) -> Void) {
        self.body = body
    }

    /// Never stops.
    public static let never = StopCheck {}

    /// Throws the reason to stop, if there is one.
    @inline(__always)
    public func callAsFunction() throws(StopReason) { try body() }
}
