/// The `//| key: value` options at the top of a cell.
public struct CellOptions: Sendable, Equatable, Codable {
    /// `fig-…` and `tbl-…` labels are referable from prose with `@label`.
    public var label: String?
    public var caption: String?
    /// Show the code in the report.
    public var echo: Bool = true
    /// Fold the code (shown collapsed).
    public var fold: Bool = false
    /// Use and fill the cache for this cell.
    public var cache: Bool = true
    /// Wall-clock limit for the cell.
    public var timeoutSeconds: Double?
    /// Memory budget for the cell: the most one built-in call or operator may ask to
    /// allocate (`//| memory: 8GB`); nil uses the render's.
    public var memoryBytes: Int?
    /// The cell must fail; not failing is an error.
    public var expectError: Bool = false
    /// Figure size in points.
    public var widthPoints: Double?
    public var heightPoints: Double?
    /// Alternative text for the cell's figures.
    public var alt: String?
    /// Relative tolerance for `folio check`.
    public var tolerance: Double?
    /// The grid of a sweep cell (`sweep` and `trials`): the code runs once per point. Not
    /// part of `resultAffecting`: each point's key holds its own coordinates, so adding a
    /// value to the grid leaves the other points' keys alone.
    public var sweep: SweepGrid?
    /// A work estimate (`//| work: Double(samples * epochs) * weights`): an expression over
    /// params, the sweep's variables and names of plain cells above, evaluated before the code
    /// runs and recorded with the unit's seconds. `folio plan` divides measured seconds by it
    /// to project what the unit costs at other sizes. Not part of `resultAffecting`: it
    /// changes no result.
    public var work: String?

    public init() {}

    /// Every option key, in the order the documentation lists them.
    public static let keys = [
        "label", "caption", "echo", "fold", "cache", "timeout", "memory", "expect-error", "width", "height", "alt",
        "tolerance", "sweep", "trials", "work",
    ]

    /// The options that change what a cell computes (its random stream, figure sizes, the
    /// expected failure); they enter the cache key. Captions, alt text, echo and fold only
    /// change how results are shown, so editing them reuses the cache.
    public var resultAffecting: [String: String] {
        var affecting: [String: String] = ["expect-error": String(expectError)]
        if let label { affecting["label"] = label }
        if let widthPoints { affecting["width"] = String(widthPoints) }
        if let heightPoints { affecting["height"] = String(heightPoints) }
        return affecting
    }
}
