/// One difference between a committed report and a fresh run of its notebook.
public struct Drift: Sendable, Equatable {
    /// What kind of output drifted.
    public enum Kind: String, Sendable {
        case figure, table, text, value, inlineValue = "inline value", cell, error, params
    }

    /// What kind of output drifted.
    public var kind: Kind
    /// The cell's id (`fig-e1`, `cell-3`), `inline <n>` for an inline value, or `notebook`.
    public var cell: String
    /// Which output, precisely enough to find it (`figures/fig-e1.png`, `table 1, row 3, NMSE`).
    public var what: String
    /// The committed and the new text (a number, a line, `missing`).
    public var committed: String
    public var new: String
    /// By how much (`2.1×10⁻³ relative`, `0.41% of pixels`, `added`, `changed`).
    public var amount: String
    /// For figures: the images to show side by side on the drift page.
    public var images: FigureImages?
}

/// The committed and the new figure of a drifted figure, and a diff image; each is PNG
/// bytes, nil when that side has no figure.
public struct FigureImages: Sendable, Equatable {
    public var committed: [UInt8]?
    public var new: [UInt8]?
    public var diff: [UInt8]?
}

/// The outcome of `folio check`: every drift, and how much was compared.
public struct DriftReport: Sendable, Equatable {
    /// Every drift, cells in document order, then figures (pixels), then inline values.
    public var drifts: [Drift]
    /// Outputs compared: cells, figures, tables and inline values.
    public var cellCount, figureCount, tableCount, inlineValueCount: Int
    /// The tolerances the comparison used.
    public var tolerances: CheckTolerances

    /// Nothing drifted.
    public var isClean: Bool { drifts.isEmpty }
}
