import FolioNotebook

extension CellOptions {
    /// The caption shown for an output: the cell's `caption` option wins over the built-in's.
    /// Read when the report is written, because captions are not part of the cache key.
    func displayedCaption(_ builtIn: String?) -> String? { caption ?? builtIn }

    /// The alt text shown for a figure: the cell's `alt` option wins over the generated one
    /// (also read at write time: alt text is not part of the cache key).
    func displayedAlt(_ builtIn: String) -> String { alt ?? builtIn }
}
