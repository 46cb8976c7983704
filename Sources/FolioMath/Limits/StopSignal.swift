import Synchronization

/// A flag raised from outside a computation (Ctrl-C) that every `StopCheck` built on it
/// sees at its next check. Raising it is async-signal-safe (one atomic store).
public final class StopSignal: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    /// Asks every computation watching this signal to stop.
    public func raise() { raised.store(true, ordering: .relaxed) }

    /// Whether `raise()` was called.
    public var isRaised: Bool { raised.load(ordering: .relaxed) }
}
