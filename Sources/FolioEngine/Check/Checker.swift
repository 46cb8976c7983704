import FolioNotebook

/// `folio lint`: every static check over a notebook, before anything runs.
///
/// Lowers each cell (unsupported constructs), then walks it with the scopes of the cells
/// above: unknown names, functions and params (with did-you-mean), wrong labels and
/// argument counts, literal type mismatches, use before definition, a name defined by two
/// cells, assignments to constants or to other cells' names, and dangling `@fig-`/`@tbl-`
/// references in prose. Inline values (`` `{swift} expr` `` in prose) are checked the same
/// way, as one expression over the names of the cells above them. All problems are collected.
struct Checker {
    let notebook: Notebook
    let registry: BuiltinRegistry
    private(set) var diagnostics: [Diagnostic] = []
    private var analyses: [CellAnalysis] = []
    private var inlineAnalyses: [CellAnalysis] = []
    /// Top-level definitions of every cell: name → (cell index, position), first wins.
    private var topLevel: [String: (cell: Int, position: SourcePosition)] = [:]
    /// The types the checker knows of top-level names (a struct value, a built-in's record,
    /// a scalar), so later cells follow them: name → type, first definition wins.
    private var topLevelTypes: [String: ValueType] = [:]
    /// The types of the names sweep cells define, at one point: what a cell that reads them
    /// point by point sees.
    private var sweepPointTypes: [String: ValueType] = [:]

    init(notebook: Notebook, registry: BuiltinRegistry) {
        self.notebook = notebook
        self.registry = registry
    }

    /// Checks the whole notebook.
    static func check(_ notebook: Notebook, registry: BuiltinRegistry) -> (NotebookAnalysis, [Diagnostic]) {
        BigStack.run {
            var checker = Checker(notebook: notebook, registry: registry)
            checker.run()
            return (NotebookAnalysis(cells: checker.analyses, inlineValues: checker.inlineAnalyses), checker.diagnostics)
        }
    }

    private mutating func run() {
        let cells = notebook.cells
        var lowered: [[Stmt]] = []
        var unlowered: Set<Int> = []
        for (index, cell) in cells.enumerated() {
            let (statements, problems) = Lowering.lower(cell: cell, notebook: notebook)
            lowered.append(statements)
            diagnostics += problems
            if problems.containsErrors { unlowered.insert(index) }
        }
        collectTopLevel(cells, lowered)
        for (index, statements) in lowered.enumerated() {
            var walker = CellWalker(checker: self, cellIndex: index)
            let sweep = cells[index].options.sweep
            if let sweep { walker.declareSweepVariables(sweep.variables.map(\.name)) }
            walker.walkTopLevel(statements)
            // A sweep cell's names are seen below as sweeps of its values, not as the values,
            // except by sweeps that read them point by point.
            if sweep == nil {
                topLevelTypes.merge(walker.definedTypes) { first, _ in first }
            } else {
                sweepPointTypes.merge(walker.definedTypes) { first, _ in first }
            }
            diagnostics += walker.diagnostics
            var analysis = CellAnalysis(
                statements: statements, defines: walker.defines, reads: walker.reads,
                paramsRead: walker.paramsRead, readsAllParams: walker.readsAllParams)
            if let sweep {
                analysis.pointwiseUpstream = Set(walker.reads.values.filter { pointwise(index, reads: $0) })
                // A variable of a sweep read pointwise is used: it picks the point read.
                let picking = analysis.pointwiseUpstream.flatMap { cells[$0].options.sweep?.variables.map(\.name) ?? [] }
                if !unlowered.contains(index) {
                    diagnostics += sweepProblems(sweep, cell: cells[index], index: index, read: walker.sweepVariablesRead.union(picking))
                    diagnostics += pointwiseProblems(
                        sweep, cell: cells[index], index: index, upstream: analysis.pointwiseUpstream, reads: walker.reads)
                }
                let sources = sweepSources(sweep, cell: cells[index], index: index)
                analysis.gridReads = sources.reads
                diagnostics += sources.problems
            }
            if let (estimate, reads, problems) = workEstimate(of: cells[index], index: index) {
                analysis.work = estimate
                analysis.workReads = reads
                diagnostics += problems
            }
            analyses.append(analysis)
        }
        for inline in notebook.inlineExpressions { inlineAnalyses.append(checkInline(inline)) }
        diagnostics += danglingReferences()
    }

    /// Lowers and walks one inline value; it must be a single expression.
    private mutating func checkInline(_ inline: InlineExpression) -> CellAnalysis {
        let (statements, problems) = Lowering.lower(
            code: inline.expression, firstLine: inline.line, indent: inline.expressionColumn - 1, notebook: notebook)
        diagnostics += problems
        guard statements.count == 1, let statement = statements.first, case .expression(let expr) = statement.kind else {
            if problems.isEmpty {
                diagnostics.append(
                    diagnostic(
                        SourcePosition(line: inline.line, column: inline.expressionColumn), "an inline value must be a single expression",
                        hint: "define names in a cell above; an inline value only computes the value it shows"))
            }
            return CellAnalysis(statements: [], defines: [], reads: [:], paramsRead: [], readsAllParams: false)
        }
        var walker = CellWalker(checker: self, inlineAfter: inline.cellsAbove)
        walker.walkInline(expr)
        diagnostics += walker.diagnostics
        return CellAnalysis(
            statements: statements, defines: [], reads: walker.reads, paramsRead: walker.paramsRead,
            readsAllParams: walker.readsAllParams)
    }

    private mutating func collectTopLevel(_ cells: [Cell], _ lowered: [[Stmt]]) {
        for (index, statements) in lowered.enumerated() {
            var names: [(String, SourcePosition)] = statements.flatMap(\.definedNames)
            if names.isEmpty { names = Self.declaredNamesByText(cells[index]) }
            for (name, position) in names where topLevel[name] == nil {
                topLevel[name] = (index, position)
            }
        }
    }

    /// For a cell that does not parse: names after `let`/`var`/`func`/`struct`, so other cells do not
    /// report them as unknown.
    private static func declaredNamesByText(_ cell: Cell) -> [(String, SourcePosition)] {
        var names: [(String, SourcePosition)] = []
        for (offset, line) in cell.code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = line.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" })
            for (word, next) in zip(words, words.dropFirst()) where ["let", "var", "func", "struct"].contains(word) {
                names.append((String(next), SourcePosition(line: cell.codeStartLine + offset, column: 1)))
            }
        }
        return names
    }

    // MARK: Queries for the walker

    func definition(of name: String) -> (cell: Int, position: SourcePosition)? { topLevel[name] }

    /// The known type of top-level name `name` (defined by a cell already walked) as cell
    /// `reader` sees it (nil for an inline value): a sweep cell's name only when `reader`
    /// reads it point by point.
    func type(ofTopLevel name: String, readBy reader: Int?) -> ValueType? {
        guard let definition = topLevel[name], notebook.cells[definition.cell].options.sweep != nil else { return topLevelTypes[name] }
        return reader.map { pointwise($0, reads: definition.cell) } == true ? sweepPointTypes[name] : nil
    }

    /// True when cell `reader` reads the names of cell `upstream` point by point: both are
    /// sweeps and `reader`'s grid has all of `upstream`'s variables.
    func pointwise(_ reader: Int, reads upstream: Int) -> Bool {
        guard let own = notebook.cells[reader].options.sweep, let other = notebook.cells[upstream].options.sweep else { return false }
        return own.readsPointwise(other)
    }

    var allTopLevelNames: Dictionary<String, (cell: Int, position: SourcePosition)>.Keys { topLevel.keys }

    func function(definedBy cell: Int, named name: String) -> FunctionLiteral? {
        analyses.indices.contains(cell) ? analyses[cell].statements.functionLiteral(named: name) : nil
    }

    func structDeclaration(definedBy cell: Int, named name: String) -> StructDeclaration? {
        analyses.indices.contains(cell) ? analyses[cell].statements.structDeclaration(named: name) : nil
    }

    /// The structs the cells before `cell` declare.
    func structDeclarations(before cell: Int) -> [StructDeclaration] {
        analyses.prefix(cell).flatMap { $0.statements.compactMap(\.structDeclaration) }
    }

    func diagnostic(_ position: SourcePosition, _ message: String, hint: String? = nil) -> Diagnostic {
        notebook.diagnostic(line: position.line, column: position.column, message, hint: hint)
    }

    // MARK: Prose references

    private func danglingReferences() -> [Diagnostic] {
        let labels = Set(notebook.cells.compactMap(\.options.label))
        return notebook.blocks.flatMap { block -> [Diagnostic] in
            guard case .prose(let prose) = block else { return [] }
            return prose.references.filter { !labels.contains($0.label) }.map { reference in
                notebook.diagnostic(
                    line: reference.line, column: reference.column, "reference to unknown label '@\(reference.label)'",
                    hint: DidYouMean.suggestions(for: reference.label, among: labels).first.map { "did you mean '@\($0)'?" }
                        ?? "label a cell with '//| label: \(reference.label)'")
            }
        }
    }
}

extension Stmt {
    /// Names this top-level statement defines.
    var definedNames: [(String, SourcePosition)] {
        switch kind {
        case .binding(_, let pattern, _, _): pattern.names
        case .function(let literal): [(literal.name ?? "", position)]
        case .structDeclaration(let declaration): [(declaration.name, position)]
        default: []
        }
    }
}

extension Stmt {
    var structDeclaration: StructDeclaration? {
        if case .structDeclaration(let declaration) = kind { return declaration }
        return nil
    }
}

extension [Stmt] {
    func functionLiteral(named name: String) -> FunctionLiteral? {
        for statement in self {
            if case .function(let literal) = statement.kind, literal.name == name { return literal }
        }
        return nil
    }

    func structDeclaration(named name: String) -> StructDeclaration? {
        lazy.compactMap(\.structDeclaration).first { $0.name == name }
    }
}
