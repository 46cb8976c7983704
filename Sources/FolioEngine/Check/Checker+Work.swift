import FolioNotebook

/// A cell's work estimate (`//| work: expr`), lowered: one expression over params, the
/// cell's sweep variables and names of plain cells above. The run evaluates it before the
/// cell's code and records it beside the unit's seconds; `folio plan` evaluates it for units
/// still to compute, so measured seconds per unit of work project their cost at other sizes.
struct WorkEstimate: Sendable {
    /// The expression as written, recorded with each measurement: a rate is only derived
    /// from measurements of the same estimate.
    var expression: String
    var statements: [Stmt]
    /// Where the expression starts (the option's value).
    var position: SourcePosition
}

extension Checker {
    /// Lowers and walks cell `index`'s work estimate; nil when the cell has none. The
    /// expression must be a single number-valued expression and may read sizes only: params,
    /// the sweep's variables and names of plain cells above (a sweep's values are many, and
    /// `folio plan` must be able to evaluate it before the sweep has run). Returns the names
    /// read (name → defining cell) with the problems.
    func workEstimate(of cell: Cell, index: Int) -> (estimate: WorkEstimate, reads: [String: Int], problems: [Diagnostic])? {
        guard let expression = cell.options.work, let (line, column) = cell.location(ofOption: "work") else { return nil }
        let position = SourcePosition(line: line, column: column)
        var (statements, problems) = Lowering.lower(code: expression, firstLine: line, indent: column - 1, notebook: notebook)
        let estimate = WorkEstimate(expression: expression, statements: statements, position: position)
        guard statements.count == 1, case .expression(let expr) = statements[0].kind else {
            if !problems.containsErrors {
                problems.append(
                    diagnostic(position, "a work estimate must be a single expression", hint: Self.workHint))
            }
            return (estimate, [:], problems)
        }
        var walker = CellWalker(checker: self, workEstimateOf: index)
        if let sweep = cell.options.sweep { walker.declareSweepVariables(sweep.variables.map(\.name)) }
        let type = walker.walk(expr)
        problems += walker.diagnostics
        if let type, ![.int, .double, .number].contains(type) {
            problems.append(diagnostic(expr.position, "a work estimate must be a number, not \(type)", hint: Self.workHint))
        }
        for (name, upstream) in walker.reads.sorted(by: { $0.key < $1.key }) where notebook.cells[upstream].options.sweep != nil {
            problems.append(
                diagnostic(
                    position, "the work estimate reads '\(name)' of sweep cell '\(notebook.cells[upstream].id)'",
                    hint: Self.workHint))
        }
        return (estimate, walker.reads, problems)
    }

    /// What a work estimate may read and what it is for.
    static let workHint =
        "a work estimate is a number proportional to the cell's cost (e.g. samples × epochs × weights), over params, the sweep's variables and names of plain cells above"
}
