/// A failure while a cell runs, located at the failing expression.
struct RuntimeError: Error, Sendable {
    var message: String
    var position: SourcePosition
    var hint: String?
}
