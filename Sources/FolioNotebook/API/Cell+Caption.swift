extension Cell {
    /// The `caption` option with each inline value's span replaced by `replacement(expression)`
    /// (its formatted value, when the report is written); nil when the cell has no caption.
    public func caption(replacingInlineExpressions replacement: (InlineExpression) -> String) -> String? {
        guard let caption = options.caption else { return nil }
        guard let source = captionSource else { return caption }
        let line = source.text(replacingInlineExpressions: replacement)
        guard let key = line.range(of: "caption:") else { return caption }
        return String(line[key.upperBound...].trimmingLeadingWhitespace()).trimmingTrailingWhitespace()
    }
}
