import FolioEngine
import FolioNotebook

/// Inline values in the page: each `` `{swift} expr` `` span is replaced by a placeholder
/// before the Markdown pass (so it may sit in headings, lists, tables and emphasis), and the
/// placeholder by the value's HTML after it. Every piece of text is escaped.
enum InlineValueHTML {
    /// Letters and digits only, so Markdown leaves it alone; the closing `Z` keeps
    /// placeholder 1 from matching inside placeholder 12.
    static func placeholder(_ index: Int) -> String { "FOLIOINLINE\(index)Z" }

    /// Placeholder → HTML for every inline value: its text in a `span.inline-value`; for a
    /// failed one, a red marker with the message (location and hint in its title); without a
    /// result (the run did not get that far), the code span as written.
    static func fragments(for expressions: [InlineExpression], results: [InlineValueResult]) -> [String: String] {
        let resultsByIndex = Dictionary(results.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        var fragments: [String: String] = [:]
        for expression in expressions {
            fragments[placeholder(expression.index)] = html(expression, resultsByIndex[expression.index])
        }
        return fragments
    }

    private static func html(_ expression: InlineExpression, _ result: InlineValueResult?) -> String {
        if let value = result?.value {
            return "<span class=\"inline-value\">\(value.text.htmlEscaped)</span>"
        }
        if let error = result?.error {
            let title = "\(error.file):\(error.line):\(error.column): \(error.message)" + (error.hint.map { " (\($0))" } ?? "")
            return "<span class=\"inline-value error\" role=\"alert\" title=\"\(title.htmlEscaped)\">"
                + "⚠ <code>\(expression.expression.htmlEscaped)</code>: \(error.message.htmlEscaped)</span>"
        }
        return "<code>\(expression.spanContent.htmlEscaped)</code>"
    }
}
