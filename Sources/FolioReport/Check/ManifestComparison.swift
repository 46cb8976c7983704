import FolioEngine
import Foundation

/// Compares two manifests output by output: cells by id, each cell's outputs kind by kind
/// in order, inline values by position. Timings, cache keys and reasons, provenance and
/// the Folio version are not outputs and are ignored; a cell that ran and one restored
/// from the cache are the same. Figures are only paired here (their pixels are compared
/// by `FigureComparison`); a figure or table added or missing is drift.
struct ManifestComparison {
    /// A figure present in both reports, to compare by pixels.
    struct FigurePair: Equatable {
        var cell: String
        var committedPath: String
        var newPath: String
    }

    let tolerances: CheckTolerances
    private(set) var drifts: [Drift] = []
    private(set) var figurePairs: [FigurePair] = []
    /// Figures only one side has: (cell, committed path, new path).
    private(set) var unpairedFigures: [(cell: String, committedPath: String?, newPath: String?)] = []

    init(committed: Manifest, new: Manifest, tolerances: CheckTolerances) {
        self.tolerances = tolerances
        if committed.params != new.params {
            let describe = { (params: [String: String]) in params.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }
            record(.params, cell: "notebook", what: "params", committed: describe(committed.params), new: describe(new.params), amount: "changed")
        }
        let newCells = Dictionary(new.cells.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let committedIDs = Set(committed.cells.map(\.id))
        for cell in committed.cells {
            if let newCell = newCells[cell.id] { compare(cell, newCell) } else {
                record(.cell, cell: cell.id, what: "cell", committed: "\(cell.outputs.count) outputs", new: "missing", amount: "missing")
            }
        }
        for cell in new.cells where !committedIDs.contains(cell.id) {
            record(.cell, cell: cell.id, what: "cell", committed: "missing", new: "\(cell.outputs.count) outputs", amount: "added")
        }
        compareInlineValues(committed.inlineValues, new.inlineValues)
    }

    private mutating func record(_ kind: Drift.Kind, cell: String, what: String, committed: String, new: String, amount: String) {
        drifts.append(Drift(kind: kind, cell: cell, what: what, committed: committed, new: new, amount: amount))
    }

    private mutating func compare(_ committed: Manifest.Cell, _ new: Manifest.Cell) {
        let outcome = { (cell: Manifest.Cell) in cell.status == .cached ? CellStatus.ran.rawValue : cell.status.rawValue }
        if outcome(committed) != outcome(new) {
            record(.cell, cell: committed.id, what: "status", committed: outcome(committed), new: outcome(new), amount: "changed")
        }
        if committed.error?.message != new.error?.message {
            record(.error, cell: committed.id, what: "error", committed: committed.error?.message ?? "none", new: new.error?.message ?? "none", amount: "changed")
        }
        let tolerance = tolerances.relative(forCell: committed.id)
        for kind in ["text", "value", "figure", "table"] {
            let old = committed.outputs.filter { $0.kind == kind }, fresh = new.outputs.filter { $0.kind == kind }
            for ordinal in 0..<max(old.count, fresh.count) {
                let name = ordinal == 0 && max(old.count, fresh.count) == 1 ? kindName(kind) : "\(kindName(kind)) \(ordinal + 1)"
                switch (old[safe: ordinal], fresh[safe: ordinal]) {
                case let (a?, b?): compareOutput(a, b, cell: committed.id, name: name, tolerance: tolerance)
                case let (a?, nil): missingOrAdded(a, cell: committed.id, name: name, committedSide: true)
                case let (nil, b?): missingOrAdded(b, cell: committed.id, name: name, committedSide: false)
                case (nil, nil): break
                }
            }
        }
    }

    private func kindName(_ kind: String) -> String { kind == "text" ? "printed text" : kind }

    /// An output only one side has; figures are reported by `FigureComparison`, with their image.
    private mutating func missingOrAdded(_ output: Manifest.Output, cell: String, name: String, committedSide: Bool) {
        if output.kind == "figure" {
            unpairedFigures.append((cell, committedSide ? output.path : nil, committedSide ? nil : output.path))
            return
        }
        let description = output.caption ?? output.text.map(Self.firstLine) ?? name
        let kind = Drift.Kind(rawValue: output.kind) ?? .text
        record(kind, cell: cell, what: name, committed: committedSide ? description : "missing",
               new: committedSide ? "missing" : description, amount: committedSide ? "missing" : "added")
    }

    private mutating func compareOutput(_ committed: Manifest.Output, _ new: Manifest.Output, cell: String, name: String, tolerance: Double) {
        switch committed.kind {
        case "figure":
            if let a = committed.path, let b = new.path { figurePairs.append(FigurePair(cell: cell, committedPath: a, newPath: b)) }
            compareText(committed.caption, new.caption, kind: .figure, cell: cell, what: "\(name) caption", tolerance: tolerance)
            compareText(committed.alt, new.alt, kind: .figure, cell: cell, what: "\(name) alt text", tolerance: tolerance)
            if committed.widthPoints != new.widthPoints || committed.heightPoints != new.heightPoints {
                let size = { (output: Manifest.Output) in "\(output.widthPoints ?? 0)×\(output.heightPoints ?? 0) pt" }
                record(.figure, cell: cell, what: "\(name) size", committed: size(committed), new: size(new), amount: "changed")
            }
        case "table":
            compareTable(committed, new, cell: cell, name: name, tolerance: tolerance)
        default:
            let kind = Drift.Kind(rawValue: committed.kind) ?? .text
            compareLines(committed.text ?? "", new.text ?? "", kind: kind, cell: cell, what: name, tolerance: tolerance)
        }
    }

    private mutating func compareTable(_ committed: Manifest.Output, _ new: Manifest.Output, cell: String, name: String, tolerance: Double) {
        compareText(committed.caption, new.caption, kind: .table, cell: cell, what: "\(name) caption", tolerance: tolerance)
        let columns = (committed.columns ?? [], new.columns ?? [])
        if columns.0 != columns.1 {
            record(.table, cell: cell, what: "\(name) columns", committed: columns.0.joined(separator: " | "),
                   new: columns.1.joined(separator: " | "), amount: "changed")
            return
        }
        let rows = (committed.rows ?? [], new.rows ?? [])
        if rows.0.count != rows.1.count {
            record(.table, cell: cell, what: "\(name) rows", committed: "\(rows.0.count) rows", new: "\(rows.1.count) rows", amount: "changed")
        }
        for (rowIndex, (a, b)) in zip(rows.0, rows.1).enumerated() {
            for columnIndex in 0..<max(a.count, b.count) {
                let header = columns.0[safe: columnIndex] ?? "column \(columnIndex + 1)"
                compareText(a[safe: columnIndex] ?? "", b[safe: columnIndex] ?? "", kind: .table, cell: cell,
                            what: "\(name), row \(rowIndex + 1), \(header)", tolerance: tolerance)
            }
        }
    }

    /// Printed text and values line by line, so the drift names the line that moved.
    private mutating func compareLines(_ committed: String, _ new: String, kind: Drift.Kind, cell: String, what: String, tolerance: Double) {
        let old = committed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let fresh = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if old.count != fresh.count {
            record(kind, cell: cell, what: "\(what) lines", committed: "\(old.count) lines", new: "\(fresh.count) lines", amount: "changed")
        }
        for (index, (a, b)) in zip(old, fresh).enumerated() {
            compareText(a, b, kind: kind, cell: cell, what: old.count > 1 ? "\(what), line \(index + 1)" : what, tolerance: tolerance)
        }
    }

    private mutating func compareText(_ committed: String?, _ new: String?, kind: Drift.Kind, cell: String, what: String, tolerance: Double) {
        guard committed != new else { return }
        let a = committed ?? "", b = new ?? ""
        switch NumericText(a).compared(with: NumericText(b), tolerance: tolerance) {
        case .agree: return
        case .numbersMoved(let relative):
            record(kind, cell: cell, what: what, committed: a, new: b, amount: Self.relativeAmount(relative, tolerance: tolerance))
        case .textChanged:
            record(kind, cell: cell, what: what, committed: a, new: b, amount: "text changed")
        }
    }

    private mutating func compareInlineValues(_ committed: [Manifest.InlineValue], _ new: [Manifest.InlineValue]) {
        for index in 0..<max(committed.count, new.count) {
            let tolerance = tolerances.relative(forInlineValue: index + 1)
            let position = "inline \(index + 1)"
            guard let a = committed[safe: index], let b = new[safe: index] else {
                let present = committed[safe: index] ?? new[safe: index]
                let description = present.map { "{swift} \($0.expression)" } ?? ""
                record(.inlineValue, cell: position, what: "inline value", committed: committed.count > index ? description : "missing",
                       new: new.count > index ? description : "missing", amount: committed.count > index ? "missing" : "added")
                continue
            }
            let what = "{swift} \(a.expression) (line \(b.line))"
            if a.expression != b.expression {
                record(.inlineValue, cell: position, what: "expression", committed: a.expression, new: b.expression, amount: "changed")
                continue
            }
            let numbers = (a.values ?? a.value.map { [$0] }, b.values ?? b.value.map { [$0] })
            if let old = numbers.0, let fresh = numbers.1, old.count == fresh.count {
                let moved = zip(old, fresh).filter { !CheckTolerances.agree($0, $1, tolerance: tolerance) }
                if !moved.isEmpty {
                    let largest = zip(old, fresh).map { CheckTolerances.relativeDifference($0, $1) }.max() ?? 0
                    record(.inlineValue, cell: position, what: what, committed: old.map { "\($0)" }.joined(separator: ", "),
                           new: fresh.map { "\($0)" }.joined(separator: ", "), amount: Self.relativeAmount(largest, tolerance: tolerance))
                }
            } else {
                compareText(a.text ?? a.error?.message, b.text ?? b.error?.message, kind: .inlineValue, cell: position, what: what, tolerance: tolerance)
            }
        }
    }

    static func relativeAmount(_ relative: Double, tolerance: Double) -> String {
        relative.isFinite
            ? String(format: "%.1e relative (tolerance %.0e)", relative, tolerance)
            : "not finite"
    }

    private static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n").first ?? "")
    }
}

extension Array {
    /// The element at `index`, or nil past the end.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
