extension Cell {
    /// The `caption` option with each inline value's span replaced by `replacement(expression)`
    /// (its formatted value, when the report is written); nil when the cell has no caption.
    public func caption(replacingInlineExpressions replacement: (InlineExpression) -> String) -> String? {
        guard let caption = options.caption else { return nil }
        guard let source = captionSource, let option = CellOptionParser.option("caption", in: self) else { return caption }
        // The spans all lie in the value, so the line before it keeps its length.
        let line = source.text(replacingInlineExpressions: replacement)
        return String(line.dropFirst(option.valueColumn - 1)).trimmingTrailingWhitespace()
    }
}
