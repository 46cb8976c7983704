/// Where a figure's PNG lives in a render's folder, and its anchor in the page: the first
/// figure of a cell is `figures/<cell id>.png` (anchor `<cell id>`), further ones
/// `<cell id>.2.png`, … (anchor `<cell id>.2`). Labels cannot hold a `.`, so no label's
/// name meets another cell's further figures (`a.2` against a label `a-2`). The manifest and
/// the report both name files through this one rule.
public enum FigureFileNaming {
    /// The anchor (HTML id) of the `ordinal`-th (1-based) figure of a cell.
    public static func anchor(cellID: String, ordinal: Int) -> String {
        ordinal > 1 ? "\(cellID).\(ordinal)" : cellID
    }

    /// The path relative to `output/<name>/` of the `ordinal`-th (1-based) figure of a cell.
    public static func relativePath(cellID: String, ordinal: Int) -> String {
        "figures/\(anchor(cellID: cellID, ordinal: ordinal)).png"
    }
}
