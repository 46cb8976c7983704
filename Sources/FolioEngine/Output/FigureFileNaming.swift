/// Where a figure's PNG lives in a render's folder: the first figure of a cell is
/// `figures/<cell id>.png`, further ones `<cell id>.2.png`, …. Labels cannot hold a `.`, so
/// no cell's file meets another cell's further figures (`a.2.png` against a label `a-2`).
/// The manifest and the report both name files through this one rule.
public enum FigureFileNaming {
    /// The path relative to `output/<name>/` of the `ordinal`-th (1-based) figure of a cell.
    public static func relativePath(cellID: String, ordinal: Int) -> String {
        "figures/\(cellID)\(ordinal > 1 ? ".\(ordinal)" : "").png"
    }
}
