import Foundation
import FolioNotebook

/// The one rule for naming work units and computing their keys, shared by the scheduler,
/// `folio plan` and `folio run-unit`: a plain cell is one unit, a sweep cell one unit per
/// point of its grid.
enum WorkUnitKeys {
    /// `e1-vae` for a plain cell, `e1-vae[kappa=2,nu=0.1]` for a point of a sweep cell.
    static func unitID(cell: String, point: String?) -> String {
        point.map { "\(cell)[\($0)]" } ?? cell
    }

    /// Splits a unit id into its cell id and point id.
    static func parse(_ unit: String) -> (cell: String, point: String?) {
        guard unit.hasSuffix("]"), let open = unit.firstIndex(of: "[") else { return (unit, nil) }
        return (String(unit[..<open]), String(unit[unit.index(after: open)..<unit.index(before: unit.endIndex)]))
    }

    /// The random stream of a cell (`cell:<id>`) or of one of its points
    /// (`cell:<id>[<point>]`): a point's numbers depend on the cell and the point only.
    static func stream(cell: String, point: String?) -> String {
        "cell:" + unitID(cell: cell, point: point)
    }

    /// The result-affecting options of a unit: the cell's, its random stream's name, and
    /// for a point its coordinates (never the rest of the grid).
    static func options(_ cell: Cell, point: String?) -> [String: String] {
        var options = cell.options.resultAffecting
        options["random-stream"] = cell.id
        if let point { options["sweep-point"] = point }
        return options
    }

    /// The key dependents of a sweep cell hash: over its points' effective keys, in grid order.
    static func sweepKey(pointKeys: [String]) -> String {
        ContentHash.sha256(pointKeys.joined(separator: "\n"))
    }
}
