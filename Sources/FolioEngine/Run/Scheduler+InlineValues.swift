import FolioNotebook

extension Scheduler {
    /// Evaluates the inline values in document order, once every cell has finished.
    ///
    /// An inline value's key hashes its expression, the keys of the cells it reads, the
    /// params it reads, the seed and the Folio version. With an entry under that key it is
    /// restored from the cache, reading no cell's values; otherwise it is evaluated over the
    /// values of the cells it reads (cached cells are restored on demand) and stored. It
    /// fails in place when a cell it reads failed or was skipped, or when it throws.
    func runInlineValues() -> [InlineValueResult] {
        zip(notebook.inlineExpressions, inlineAnalyses).map { inline, analysis in resolve(inline, analysis) }
    }

    private func resolve(_ inline: InlineExpression, _ analysis: CellAnalysis) -> InlineValueResult {
        let position = SourcePosition(line: inline.line, column: inline.expressionColumn)
        let blocked = analysis.reads.sorted { $0.key < $1.key }.first { _, cell in !succeeded(cell) }
        if let (name, cell) = blocked {
            let why = states[cell].result?.status == .failed ? "failed" : "was skipped"
            return failed(
                inline, key: nil, at: position, "'\(name)' comes from \(cells[cell].id), which \(why)",
                hint: "the inline value is shown once that cell succeeds")
        }
        let key = keyComponents(analysis, code: inline.expression, options: ["inline": "true"]).key
        if options.useCache {
            switch cache.lookupInline(key: key) {
            case .found(let entry): return InlineValueResult(inline, status: .cached, key: key, value: entry.value, error: nil)
            case .corrupt(let message): warn(message)
            case .missing: break
            }
        }
        switch runner.evaluate(analysis, inline: inline, inputs: inputs(analysis)) {
        case .failure(let error):
            return failed(inline, key: key, at: error.position, error.message, hint: error.hint)
        case .success(let value):
            let formatted = ValueFormatter().formatted(value)
            if options.useCache {
                do {
                    try cache.storeInline(InlineEntry(key: key, expression: inline.expression, value: formatted))
                } catch {
                    warn("cannot write the cache entry of inline value \(inline.index): \(error.localizedDescription)")
                }
            }
            return InlineValueResult(inline, status: .evaluated, key: key, value: formatted, error: nil)
        }
    }

    private func failed(
        _ inline: InlineExpression, key: String?, at position: SourcePosition, _ message: String, hint: String?
    ) -> InlineValueResult {
        let error = notebook.diagnostic(line: position.line, column: position.column, message, hint: hint)
        return InlineValueResult(inline, status: .failed, key: key, value: nil, error: error)
    }
}
