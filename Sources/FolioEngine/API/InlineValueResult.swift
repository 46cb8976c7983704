import FolioNotebook

/// A value as the report shows it, with the number(s) behind the text.
public struct FormattedValue: Sendable, Codable, Equatable {
    /// The display text (rules: `ValueFormatter`).
    public var text: String
    /// The number shown, for an Int or a finite Double.
    public var value: Double?
    /// The numbers shown, for a numeric array listed in full.
    public var values: [Double]?

    public init(text: String, value: Double? = nil, values: [Double]? = nil) {
        self.text = text
        self.value = value
        self.values = values
    }
}

/// How an inline value ended in a run.
public enum InlineValueStatus: String, Sendable, Codable {
    /// Computed in this run.
    case evaluated
    /// Restored from the cache: its expression and inputs are unchanged.
    case cached
    /// Its expression failed, or a cell it reads failed or was skipped.
    case failed
}

/// One inline value's result: where it is, what it shows, or why it failed.
public struct InlineValueResult: Sendable, Codable, Equatable {
    /// 1-based position among the notebook's inline values.
    public var index: Int
    /// File line and column of the span's opening backtick.
    public var line: Int
    public var column: Int
    public var expression: String
    public var status: InlineValueStatus
    /// The cache key (SHA-256 hex); nil when a cell it reads did not succeed.
    public var key: String?
    /// What it shows; nil when it failed.
    public var value: FormattedValue?
    public var error: Diagnostic?

    public init(
        _ inline: InlineExpression, status: InlineValueStatus, key: String?, value: FormattedValue?, error: Diagnostic?
    ) {
        self.index = inline.index
        self.line = inline.line
        self.column = inline.column
        self.expression = inline.expression
        self.status = status
        self.key = key
        self.value = value
        self.error = error
    }
}
