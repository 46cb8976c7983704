import FolioNotebook

extension Checker {
    /// A sweep cell's variables must be read by its code (the trial index may go unread:
    /// its point still draws its own random stream) and must not hide another cell's name.
    func sweepProblems(_ grid: SweepGrid, cell: Cell, index: Int, read: Set<String>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for variable in grid.variables where variable.name != SweepGrid.trialVariable {
            let (line, column) = cell.location(ofOption: "sweep", word: variable.name) ?? (cell.fenceLine, 1)
            let position = SourcePosition(line: line, column: column)
            if let other = definition(of: variable.name), other.cell != index {
                let otherLine = notebook.cells[other.cell].fenceLine
                problems.append(
                    diagnostic(
                        position, "sweep variable '\(variable.name)' hides '\(variable.name)' defined by the cell at line \(otherLine)",
                        hint: "rename the sweep variable"))
            } else if !read.contains(variable.name) {
                problems.append(
                    diagnostic(
                        position, "sweep variable '\(variable.name)' is not used in the cell",
                        hint: "use it in the cell's code, or remove it from the sweep (each value multiplies the work)"))
            }
        }
        return problems
    }

    /// Where a sweep's named lists come from: each `kappa: e1Kappas` must name a value a cell
    /// above defines, each `kappa: params.kappas` a list parameter (checked now, since its
    /// value is known). Returns the grid's reads (name → defining cell), which order the cell
    /// after them but are not part of its points' keys: the list decides which points exist,
    /// not what a point computes.
    func sweepSources(_ grid: SweepGrid, cell: Cell, index: Int) -> (reads: [String: Int], problems: [Diagnostic]) {
        var reads: [String: Int] = [:]
        var problems: [Diagnostic] = []
        for (variable, source) in grid.sources {
            let (line, column) = cell.location(ofOption: "sweep", word: source) ?? (cell.fenceLine, 1)
            let position = SourcePosition(line: line, column: column)
            if let name = SweepGrid.parameter(ofSource: source) {
                guard let param = notebook.frontMatter.param(name) else {
                    let names = notebook.frontMatter.params.map(\.name)
                    problems.append(
                        diagnostic(
                            position, "sweep variable '\(variable)' takes its values from unknown parameter '\(name)'",
                            hint: DidYouMean.hint(for: name, among: names, fallback: "declare it under 'params:' in the front matter")))
                    continue
                }
                do {
                    // This variable alone: the others' sources are checked on their own.
                    let variable = grid.variables.filter { $0.name == variable }
                    _ = try SweepGrid(variables: variable).resolving { _ in param.value }
                } catch {
                    problems.append(diagnostic(position, error.message, hint: error.hint))
                }
            } else if let definition = definition(of: source), definition.cell < index {
                reads[source] = definition.cell
            } else if let definition = definition(of: source) {
                let where_ = definition.cell == index ? "this cell" : "the cell at line \(notebook.cells[definition.cell].fenceLine)"
                problems.append(
                    diagnostic(
                        position, "sweep variable '\(variable)' takes its values from '\(source)', defined by \(where_)",
                        hint: "a sweep's lists must come from a cell above it"))
            } else {
                let names = allTopLevelNames.filter { (definition(of: $0)?.cell ?? index) < index }
                problems.append(
                    diagnostic(
                        position, "sweep variable '\(variable)' takes its values from unknown name '\(source)'",
                        hint: DidYouMean.hint(for: source, among: names, fallback: "define '\(source)' in a cell above, or write the list out")))
            }
        }
        return (reads, problems)
    }

    /// A sweep read pointwise must have every value this cell's grid gives its variables;
    /// checked here when both grids are written out (else when they are resolved, at run).
    func pointwiseProblems(_ grid: SweepGrid, cell: Cell, index: Int, upstream: Set<Int>, reads: [String: Int]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for source in upstream.sorted() {
            guard grid.sources.isEmpty, let other = notebook.cells[source].options.sweep, other.sources.isEmpty else { continue }
            for variable in other.variables {
                // The grid is a product: each value must be among that variable's values.
                let values = SweepGrid(variables: [variable])
                guard let own = grid.variables.first(where: { $0.name == variable.name }),
                    let missing = own.values.first(where: { values.point(at: [variable.name: $0]) == nil })
                else { continue }
                let names = reads.filter { $0.value == source }.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
                let (line, column) = cell.location(ofOption: "sweep", word: variable.name) ?? (cell.fenceLine, 1)
                problems.append(
                    diagnostic(
                        SourcePosition(line: line, column: column),
                        "sweep cell '\(cell.id)' reads \(names) point by point, but sweep cell '\(notebook.cells[source].id)' has no \(variable.name) = \(missing)",
                        hint: "its \(variable.name) values are \(variable.values.map(\.description).joined(separator: ", ")): " + SweepGrid.pointwiseRule))
            }
        }
        return problems
    }
}
