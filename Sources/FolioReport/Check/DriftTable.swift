import Foundation

/// The drift table `folio check` prints: one row per drift (cell, what, committed, new, by
/// how much), long texts shortened, then a one-line summary.
enum DriftTable {
    static let maximumColumnWidth = 44

    static func render(_ report: DriftReport) -> String {
        let compared = "\(report.cellCount) cells, \(report.figureCount) figures, \(report.tableCount) tables, "
            + "\(report.inlineValueCount) inline values"
        guard !report.isClean else { return "check: clean (\(compared) match the committed report)" }
        let header = ["cell", "what", "committed", "new", "by"]
        let rows = report.drifts.map { [$0.cell, $0.what, $0.committed, $0.new, $0.amount].map(shortened) }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let line = { (cells: [String]) in
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
        let drifts = report.drifts.count == 1 ? "1 drift" : "\(report.drifts.count) drifts"
        return ([line(header), line(widths.map { String(repeating: "─", count: $0) })] + rows.map(line)
            + ["check: \(drifts) (compared \(compared))"]).joined(separator: "\n")
    }

    /// One line, at most `maximumColumnWidth` characters (the middle elided).
    static func shortened(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: "⏎")
        guard flat.count > maximumColumnWidth else { return flat }
        let half = (maximumColumnWidth - 1) / 2
        return String(flat.prefix(half)) + "…" + String(flat.suffix(maximumColumnWidth - 1 - half))
    }
}
