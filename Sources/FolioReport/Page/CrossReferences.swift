import FolioNotebook

/// Numbers for `fig-` and `tbl-` labels in document order, and the links that `@label`
/// becomes in prose ("Figure 3", "Table 1").
struct CrossReferences: Sendable {
    private(set) var numbers: [String: Int] = [:]

    init(cells: [Cell]) {
        var figures = 0, tables = 0
        for label in cells.compactMap(\.options.label) where numbers[label] == nil {
            if label.hasPrefix("fig-") {
                figures += 1
                numbers[label] = figures
            } else if label.hasPrefix("tbl-") {
                tables += 1
                numbers[label] = tables
            }
        }
    }

    /// "Figure 3" / "Table 1", or nil for an unnumbered label.
    func name(of label: String) -> String? {
        guard let number = numbers[label] else { return nil }
        return (label.hasPrefix("fig-") ? "Figure " : "Table ") + String(number)
    }

    /// The HTML link for `@label`; a label without a number (which `folio lint` reports as
    /// dangling before anything runs) is shown as written, marked as broken.
    func link(to label: String) -> String {
        guard let name = name(of: label) else {
            return "<span class=\"xref broken\">@\(label.htmlEscaped)</span>"
        }
        return "<a class=\"xref\" href=\"#\(label.htmlEscaped)\">\(name)</a>"
    }
}
