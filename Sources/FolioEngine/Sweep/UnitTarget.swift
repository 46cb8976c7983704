import FolioNotebook

/// The work unit a `folio run-unit` computes: its cell, its point (for a sweep cell), and
/// every cell it needs (itself and the cells it reads, transitively).
struct UnitTarget: Sendable {
    let unit: String
    let cell: Int
    let point: String?
    let needed: Set<Int>

    /// nil when `unit` names no cell of the notebook.
    init?(_ unit: String, cells: [Cell], analyses: [CellAnalysis]) {
        let (cellID, point) = WorkUnitKeys.parse(unit)
        guard let cell = cells.firstIndex(where: { $0.id == cellID }) else { return nil }
        var needed: Set<Int> = [cell]
        var pending = [cell]
        while let next = pending.popLast() {
            for upstream in analyses[next].upstream where needed.insert(upstream).inserted { pending.append(upstream) }
        }
        self.unit = unit
        self.cell = cell
        self.point = point
        self.needed = needed
    }
}
