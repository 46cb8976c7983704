import FolioMath

/// A failure while a cell runs, located at the failing expression.
struct RuntimeError: Error, Sendable {
    var message: String
    var position: SourcePosition
    var hint: String?
    /// Raised by the step check (timeout, Ctrl-C) while running plain statements: the
    /// innermost loop around it moves it to its own line (`Evaluator+Limits.swift`).
    var pendingLoopPosition = false
}

extension RuntimeError {
    /// A stop (timeout, Ctrl-C) at `position`, to be moved to the loop around it.
    init(stopped reason: StopReason, at position: SourcePosition) {
        self.init(message: reason.message, position: position, hint: reason.hint, pendingLoopPosition: true)
    }

    /// Moves a stop to the loop at `position`, the innermost around where it happened.
    mutating func moveToLoop(at position: SourcePosition) {
        self.position = position
        pendingLoopPosition = false
    }

    /// A call at `position` one deeper than `Evaluator.maximumCallDepth`.
    init(nestedTooDeepAt position: SourcePosition) {
        self.init(
            message: "calls nested more than \(Evaluator.maximumCallDepth) deep", position: position,
            hint: "is a function calling itself without end?")
    }
}
