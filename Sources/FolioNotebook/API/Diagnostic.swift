/// A problem found in a notebook, located at a file, line and column.
///
/// Diagnostics are collected, never thrown one at a time, so a notebook with three mistakes
/// reports all three. `rendered` prints them the way a compiler does:
///
/// ```
/// notebooks/x.md:12:9: error: unknown function 'trainVea'
/// let v = trainVea(X)
///         ^
/// hint: did you mean 'trainVAE'?
/// ```
public struct Diagnostic: Error, Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// How serious a diagnostic is: errors stop a render, warnings do not.
    public enum Severity: String, Sendable, Codable {
        case error, warning, note
    }

    public var severity: Severity
    /// The notebook path as given on the command line.
    public var file: String
    /// 1-based line in `file`.
    public var line: Int
    /// 1-based column in characters.
    public var column: Int
    public var message: String
    /// A suggestion (`did you mean 'x'?`), or nil.
    public var hint: String?
    /// The text of line `line`, shown with a caret under `column`; nil when unknown.
    public var sourceLine: String?

    public init(
        _ severity: Severity = .error, file: String, line: Int, column: Int, message: String,
        hint: String? = nil, sourceLine: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
        self.sourceLine = sourceLine
    }

    /// `path:line:col: severity: message`: the first line of `rendered`.
    public var headline: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }

    /// The compiler-style text: headline, source line, caret line, hint. A long source line
    /// is cut to `SourceExcerpt.width` characters around the caret, and a long message or
    /// hint to `SourceExcerpt.messageLimit`, so a megabyte line is never echoed.
    public var rendered: String {
        var lines = [SourceExcerpt.shortened(headline)]
        if let sourceLine {
            let excerpt = SourceExcerpt(line: sourceLine, column: column)
            lines.append(excerpt.text)
            // Keep tabs so the caret lines up under the same character.
            let padding = excerpt.text.prefix(max(0, excerpt.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            lines.append(padding + "^")
        }
        if let hint { lines.append("hint: " + SourceExcerpt.shortened(hint)) }
        return lines.joined(separator: "\n")
    }

    public var description: String { rendered }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
