import FolioEngine
import FolioNotebook

/// The captions the report shows (through `Presentation`): the cell's `caption` option
/// (with its inline values filled in from the run) wins over the built-in's.
struct DisplayedCaptions {
    private let inlineValues: [Int: InlineValueResult]

    init(_ result: RunResult) {
        inlineValues = Dictionary(result.inlineValues.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The caption of an output of `cell` whose built-in caption is `builtIn`.
    func caption(of cell: Cell, builtIn: String?) -> String? {
        cell.caption(replacingInlineExpressions: text(of:)) ?? builtIn
    }

    /// An inline value as caption text: its value, a ⚠ with the message when it failed, or
    /// the span as written when the run did not reach it.
    private func text(of expression: InlineExpression) -> String {
        guard let result = inlineValues[expression.index] else { return "`\(expression.spanContent)`" }
        if let value = result.value { return value.text }
        return "⚠ \(expression.expression): \(result.error?.message ?? "failed")"
    }
}
