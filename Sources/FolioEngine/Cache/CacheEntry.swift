import FolioNotebook

/// The head of a cached cell's entry: what a render that reuses the cell shows, and how
/// it was computed. Its exported values follow in the entry's values section (in the
/// order of `exportNames`) and are read only when a cell that runs needs them.
struct CellEntry: Codable, Sendable {
    var key: String
    var cellID: String
    /// The components the key was made of, with the files the cell read.
    var components: KeyComponents
    var exportNames: [String]
    /// The kind of each exported value (`ExportKind`), checked when the values are read:
    /// an entry that decodes but holds something else is not trusted.
    var exportKinds: [String]?
    var outputs: [CellOutput]
    /// The expected error of an `expect-error` cell.
    var error: Diagnostic?
    /// Seconds the run that computed the entry took.
    var seconds: Double
    /// Blob name → size of every blob the values refer to (`folio clean`, `folio cache`).
    var blobs: [String: Int]
    /// CPU seconds the run cost (nil in entries written before they were measured).
    var cpuSeconds: Double?
    /// The cell's work estimate for this run, when it has one: with `cpuSeconds`, the rate
    /// `folio plan` projects other sizes by.
    var work: MeasuredWork?

    /// What the run cost, for projections: its CPU seconds where recorded, else its seconds.
    var costSeconds: Double { cpuSeconds ?? seconds }
}

/// A work estimate's value for one run, with the expression that gave it (a rate is only
/// taken from runs of the estimate as it is written now).
struct MeasuredWork: Codable, Sendable, Equatable {
    var expression: String
    var value: Double
}

/// A cached inline value: only what it shows (text and numbers), so restoring it needs
/// none of the values of the cells it reads. Its entry has no values section.
struct InlineEntry: Codable, Sendable {
    var key: String
    var expression: String
    var value: FormattedValue
}

/// The kind of an exported value recorded in its entry: its type name, with arrays only as
/// `Array` (the values section may store `[1, 2.0]` as Doubles).
enum ExportKind {
    static func of(_ value: Value) -> String {
        if case .array = value { return "Array" }
        return value.typeName
    }
}
