/// Where a figure's PNG lives in a render's folder: `figures/<cell id>.png`, then
/// `<cell id>-2.png`, … for further figures of the same cell. The manifest and the report
/// both name files through this one rule.
public enum FigureFileNaming {
    /// The path relative to `output/<name>/` of the `ordinal`-th (1-based) figure of a cell.
    public static func relativePath(cellID: String, ordinal: Int) -> String {
        "figures/\(cellID)\(ordinal > 1 ? "-\(ordinal)" : "").png"
    }
}
