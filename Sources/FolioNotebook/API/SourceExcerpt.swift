/// The part of a source line a diagnostic shows: the whole line when it is short, else a
/// window of `width` characters around the caret, with `…` where it was cut.
public struct SourceExcerpt: Sendable, Equatable {
    /// Characters shown of a long line.
    public static let width = 120
    /// Characters shown of a long message or hint.
    public static let messageLimit = 500

    /// The text to print.
    public let text: String
    /// The caret's 1-based column in `text`.
    public let column: Int

    public init(line: String, column: Int) {
        let characters = Array(line)
        guard characters.count > Self.width else {
            text = line
            self.column = column
            return
        }
        let caret = min(max(column - 1, 0), characters.count)
        let start = max(0, min(caret - Self.width / 2, characters.count - Self.width))
        let end = min(characters.count, start + Self.width)
        let head = start > 0 ? "…" : "", tail = end < characters.count ? "…" : ""
        text = head + String(characters[start..<end]) + tail
        self.column = caret - start + 1 + head.count
    }

    /// `text`, cut to `messageLimit` characters with a note of how much was left out.
    public static func shortened(_ text: String) -> String {
        guard text.count > messageLimit else { return text }
        return String(text.prefix(messageLimit)) + "… (\(text.count - messageLimit) more characters)"
    }
}
