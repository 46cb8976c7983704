/// A cross-reference in prose: `@fig-x` or `@tbl-x`, which the report turns into a
/// numbered link ("Figure 3") and `folio lint` checks against the cells' labels.
public struct CrossReference: Sendable, Equatable, Codable {
    /// The label, without the `@` (`fig-loss`).
    public var label: String
    /// File line of the `@`.
    public var line: Int
    /// Column of the `@`.
    public var column: Int

    public init(label: String, line: Int, column: Int) {
        self.label = label
        self.line = line
        self.column = column
    }

    /// The one rule for what a reference is, used by the notebook scanner (and so by lint)
    /// and by the report: `@fig-` or `@tbl-` and more letters, digits, `-` or `_` (trailing
    /// `-` and `_` are punctuation), not preceded by a letter or digit (so `me@fig-x.org`
    /// stays an address). Returns the label and the index just past it.
    public static func match(in characters: [Character], at start: Int) -> (label: String, end: Int)? {
        guard characters.indices.contains(start), characters[start] == "@" else { return nil }
        if start > 0, characters[start - 1].isLetter || characters[start - 1].isNumber { return nil }
        var end = start + 1
        while end < characters.count, characters[end].isLetter || characters[end].isNumber || "-_".contains(characters[end]) {
            end += 1
        }
        while end > start + 1, "-_".contains(characters[end - 1]) { end -= 1 }
        let label = String(characters[(start + 1)..<end])
        guard label.hasPrefix("fig-") || label.hasPrefix("tbl-"), label.count > 4 else { return nil }
        return (label, end)
    }
}
