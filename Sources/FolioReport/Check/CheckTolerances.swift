import Foundation
import FolioNotebook

/// How far a fresh run may move from the committed report before `folio check` calls it
/// drift. A cell's `//| tolerance: x` option replaces both defaults for that cell: its
/// numbers may move by `x` relative and its figures may have a fraction `x` of their pixels
/// differ; an inline value takes the tolerance of the nearest cell above it (the cell its
/// prose discusses). docs/check.md says how the defaults were measured.
public struct CheckTolerances: Sendable, Equatable {
    /// Default relative tolerance for numbers (tables, inline values, printed values).
    public static let defaultRelative = 1e-6
    /// Default fraction of a figure's pixels that may differ perceptibly.
    public static let defaultFigureFraction = 0.0
    /// Differences below this are round-off of values that are zero in exact arithmetic,
    /// whatever their relative size (a residual of 3×10⁻¹⁷ against 1×10⁻¹⁶).
    public static let absoluteFloor = 1e-14
    /// A pixel differs perceptibly when a channel (0…255) moves by more than this: smaller
    /// moves are antialiasing of a line that moved a fraction of a pixel.
    public static let channelTolerance = 24

    /// Relative tolerance for numbers of cells without a `tolerance` option.
    public var relative: Double
    /// Fraction of pixels that may differ in figures of cells without a `tolerance` option.
    public var figureFraction: Double
    /// Cell id → the cell's `tolerance` option.
    public var perCell: [String: Double]
    /// Inline value index (1-based) → the `tolerance` option of the nearest cell above it.
    public var perInlineValue: [Int: Double]

    public init(
        relative: Double = defaultRelative, figureFraction: Double = defaultFigureFraction, perCell: [String: Double] = [:],
        perInlineValue: [Int: Double] = [:]
    ) {
        self.relative = relative
        self.figureFraction = figureFraction
        self.perCell = perCell
        self.perInlineValue = perInlineValue
    }

    /// The defaults, with the `tolerance` options of `notebook`'s cells.
    public init(notebook: Notebook) {
        let cells = notebook.cells
        var perInlineValue: [Int: Double] = [:]
        for expression in notebook.inlineExpressions where expression.cellsAbove > 0 {
            perInlineValue[expression.index] = cells[safe: expression.cellsAbove - 1]?.options.tolerance
        }
        self.init(
            perCell: cells.reduce(into: [:]) { tolerances, cell in tolerances[cell.id] = cell.options.tolerance },
            perInlineValue: perInlineValue)
    }

    /// The relative tolerance for numbers of cell `id`.
    func relative(forCell id: String) -> Double { perCell[id] ?? relative }

    /// The relative tolerance for inline value `index`.
    func relative(forInlineValue index: Int) -> Double { perInlineValue[index] ?? relative }

    /// The fraction of pixels that may differ in figures of cell `id`.
    func figureFraction(forCell id: String) -> Double { perCell[id] ?? figureFraction }

    /// Whether `a` and `b` agree within `tolerance` (relative), NaN agreeing with NaN.
    static func agree(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
        if a == b || (a.isNaN && b.isNaN) { return true }
        let difference = abs(a - b)
        return difference <= absoluteFloor || difference <= tolerance * max(abs(a), abs(b))
    }

    /// |a − b| / max(|a|, |b|): 0 when equal, infinite when one is not finite.
    static func relativeDifference(_ a: Double, _ b: Double) -> Double {
        if a == b || (a.isNaN && b.isNaN) { return 0 }
        guard a.isFinite, b.isFinite else { return .infinity }
        return abs(a - b) / max(abs(a), abs(b))
    }
}
