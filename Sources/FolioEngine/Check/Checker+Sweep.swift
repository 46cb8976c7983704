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
}
