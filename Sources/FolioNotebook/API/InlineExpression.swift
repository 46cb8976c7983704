/// An inline value in prose: a code span `` `{swift} expr` `` whose expression is evaluated
/// over the names of the cells above it and shown as formatted text (knitr's `` `r x` ``,
/// Quarto's `` `{python} x` ``).
///
/// It remembers where it sits in the file, so its diagnostics point into the prose.
public struct InlineExpression: Sendable, Equatable, Codable {
    /// What opens an inline value's code span.
    public static let marker = "{swift}"

    /// 1-based position among the notebook's inline expressions, in document order.
    public var index: Int
    /// File line of the span.
    public var line: Int
    /// Column of the span's opening backtick.
    public var column: Int
    /// Characters from the opening backtick through the closing one.
    public var length: Int
    /// Column of the expression's first character.
    public var expressionColumn: Int
    /// The Swift expression after `{swift} `.
    public var expression: String
    /// How many cells come before it: it sees the names those cells define.
    public var cellsAbove: Int

    /// The code span's content, normalised: `{swift} expr`.
    public var spanContent: String { "\(Self.marker) \(expression)" }
}

extension Prose {
    /// The prose with every inline value's span (backticks included) replaced by
    /// `replacement(expression)`; the rest is unchanged.
    public func text(replacingInlineExpressions replacement: (InlineExpression) -> String) -> String {
        guard !inlineExpressions.isEmpty else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        for expression in inlineExpressions.reversed() {
            let offset = expression.line - startLine
            guard lines.indices.contains(offset) else { continue }
            let start = expression.column - 1, end = start + expression.length
            guard start >= 0, end <= lines[offset].count else { continue }
            lines[offset].replaceSubrange(start..<end, with: Array(replacement(expression)))
        }
        return lines.map { String($0) }.joined(separator: "\n")
    }
}
