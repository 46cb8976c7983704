/// A failure while a cell runs, located at the failing expression.
struct RuntimeError: Error, Sendable {
    var message: String
    var position: SourcePosition
    var hint: String?
    /// Raised by the step check (timeout, Ctrl-C) while running plain statements: the
    /// innermost loop around it moves it to its own line (`Evaluator+Stop.swift`).
    var pendingLoopPosition = false
}
