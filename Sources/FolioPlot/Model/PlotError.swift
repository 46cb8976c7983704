/// Why a figure could not be built or drawn. Every message names the offending part.
public enum PlotError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A mark's data cannot be drawn (NaN, empty, mismatched lengths, non-positive on a log axis…).
    case invalidData(mark: String, message: String)
    /// The figure description itself is inconsistent (no panels, too small…).
    case invalidFigure(String)
    /// The font file could not be loaded.
    case fontUnavailable(path: String, message: String)
    /// Cairo reported an error while drawing or encoding.
    case renderFailed(String)
    /// The output file could not be written.
    case writeFailed(path: String, message: String)

    /// The message, naming the panel and mark at fault.
    public var description: String {
        switch self {
        case let .invalidData(mark, message): return "\(mark): \(message)"
        case let .invalidFigure(message): return "figure: \(message)"
        case let .fontUnavailable(path, message): return "font \(path): \(message)"
        case let .renderFailed(message): return "render failed: \(message)"
        case let .writeFailed(path, message): return "cannot write \(path): \(message)"
        }
    }
}
