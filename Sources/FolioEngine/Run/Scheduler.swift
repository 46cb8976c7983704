import Foundation
import FolioMath
import FolioNotebook

/// Walks the cell DAG: resolves each cell when its upstream cells are done (skip, reuse
/// from the cache, or run), running up to `jobs` cells at once on their own threads; then
/// the inline values (`Scheduler+InlineValues.swift`). Keys, entries and restoring are the
/// `CellCache`'s; the scheduler keeps one `CellState` per cell.
///
/// Results do not depend on `jobs`: a cell sees only the values of the cells it reads,
/// and draws from its own random stream.
final class Scheduler: @unchecked Sendable {
    let notebook: Notebook
    let cells: [Cell]
    let analyses: [CellAnalysis]
    let inlineAnalyses: [CellAnalysis]
    let runner: CellRunner
    let options: RunOptions
    let cache: CellCache

    let condition = NSCondition()
    var states: [CellState]
    var running = 0
    /// For `folio run-unit`: the unit to compute and the cells it needs (nil: every cell).
    let target: UnitTarget?
    private(set) var warnings: [String] = []

    init(notebook: Notebook, analysis: NotebookAnalysis, runner: CellRunner, options: RunOptions) {
        self.notebook = notebook
        self.cells = notebook.cells
        self.analyses = analysis.cells
        self.inlineAnalyses = analysis.inlineValues
        self.runner = runner
        self.options = options
        self.cache = CellCache(
            directory: options.cacheDirectory, notebook: notebook, sandbox: runner.sandbox, readsPrevious: options.useCache)
        states = Array(repeating: CellState(), count: notebook.cells.count)
        target = options.unit.flatMap { UnitTarget($0, cells: notebook.cells, analyses: analysis.cells) }
    }

    /// Runs every cell, then evaluates the inline values; returns both in document order
    /// and records the keys in use in the cache index.
    func run() -> (cells: [CellResult], inlineValues: [InlineValueResult]) {
        let cellResults = runCells()
        guard target == nil else { return (cellResults, []) }
        // No big-stack thread for a notebook without inline values: starting one (and
        // unmapping its stack) was an eighth of an empty cell's run.
        let inlineResults = notebook.inlineExpressions.isEmpty ? [] : BigStack.run { self.runInlineValues() }
        writeIndex(inlineKeys: inlineResults.filter { $0.status != .failed }.compactMap(\.key))
        return (cellResults, inlineResults)
    }

    private func runCells() -> [CellResult] {
        condition.lock()
        while states.contains(where: { $0.result == nil }) {
            var progressed = false
            for index in cells.indices where !states[index].started {
                if let target, !target.needed.contains(index) {
                    states[index].started = true
                    progressed = true
                    finishUnneeded(index, for: target)
                    continue
                }
                let upstream = analyses[index].upstream
                guard upstream.allSatisfy({ states[$0].result != nil }) else { continue }
                if let blocker = upstream.first(where: { !succeeded($0) }) {
                    states[index].started = true
                    progressed = true
                    finish(index, skipped: blocker)
                    continue
                }
                if let reason = runner.limits.runStopReason() {
                    states[index].started = true
                    progressed = true
                    finish(index, stopped: reason)
                    continue
                }
                let reasons = states[index].waitingReasons ?? resolveFromCache(index)
                guard let reasons else {
                    states[index].started = true
                    progressed = true
                    continue
                }
                guard running < max(1, options.jobs) else {
                    states[index].waitingReasons = reasons
                    continue
                }
                states[index].started = true
                progressed = true
                launch(index, reasons: reasons)
            }
            if !progressed {
                guard running > 0 else { break }
                condition.wait()
            }
        }
        condition.unlock()
        return states.compactMap(\.result)
    }

    /// True when cell `index` ran or was reused (it neither failed nor was skipped).
    func succeeded(_ index: Int) -> Bool {
        states[index].result.map { $0.status == .ran || $0.status == .cached } ?? false
    }

    // MARK: Resolution

    /// The key components of code that reads what `analysis` says, over the effective keys
    /// of the cells it reads.
    func keyComponents(_ analysis: CellAnalysis, code: String, options: [String: String]) -> KeyComponents {
        cache.components(analysis, code: code, options: options) { self.states[$0].effectiveKey }
    }

    /// The static key components of cell `index`, or of one of its sweep points (`point` of
    /// `grid`): a point hashes the points it reads pointwise, not their whole sweeps.
    func staticComponents(_ index: Int, point: SweepGrid.Point? = nil, of grid: SweepGrid? = nil) -> KeyComponents {
        // The random stream is named by the cell's id (label or cell-<index>), so it is part
        // of what the cell computes: two identical unlabelled cells draw different numbers.
        let coordinates = point.flatMap { point in grid.map { $0.coordinates(of: point) } }
        let pointwise = analyses[index].pointwiseUpstream
        return cache.components(
            analyses[index], code: cells[index].normalizedCode, options: WorkUnitKeys.options(cells[index], point: point?.id)
        ) { upstream in
            guard let coordinates, pointwise.contains(upstream) else { return self.states[upstream].effectiveKey }
            return self.states[upstream].sweep.flatMap { sweep in sweep.position(at: coordinates).map { sweep.components[$0].key } }
        }
    }

    /// Reuses the cell from the cache if possible (finishing it) and returns nil; otherwise
    /// returns why it must run.
    private func resolveFromCache(_ index: Int) -> [String]? {
        let cell = cells[index]
        if let grid = cell.options.sweep { return resolveSweep(index, grid: grid) }
        var keyParts = staticComponents(index)
        let entryKey = keyParts.key
        states[index].entryKey = entryKey
        states[index].components = keyParts
        guard options.useCache else { return ["--no-cache"] }
        guard cell.options.cache else { return ["cache: false"] }
        if options.refresh.contains(cell.id) { return ["--refresh \(cell.id)"] }
        switch cache.lookupCell(key: entryKey) {
        case .found(let cached):
            guard cache.filesUnchanged(cached.entry.components.files) else { return ["input file changed"] }
            keyParts.files = cached.entry.components.files
            states[index].components = keyParts
            let key = keyParts.key
            states[index].effectiveKey = key
            states[index].exports = .cached(cached)
            record(
                index,
                CellResult(
                    id: cell.id, label: cell.options.label, index: cell.index, line: cell.fenceLine, status: .cached,
                    seconds: 0, computedSeconds: cached.entry.seconds, key: key, outputs: cached.entry.outputs,
                    error: cached.entry.error, skipReason: nil, reasons: [], inputFiles: keyParts.files))
            return nil
        case .corrupt(let message):
            warn(message)
            return ["cache entry corrupt"]
        case .missing:
            return cache.reasonsToRun(cell.id, keyParts)
        }
    }

    private func finish(_ index: Int, skipped blocker: Int) {
        let cell = cells[index]
        let why = states[blocker].result?.status == .failed ? "failed" : "was skipped"
        record(
            index,
            CellResult(
                id: cell.id, label: cell.options.label, index: cell.index, line: cell.fenceLine, status: .skipped, seconds: 0,
                key: nil, outputs: [], error: nil, skipReason: "depends on \(cells[blocker].id), which \(why)", reasons: [],
                blockedBy: cells[blocker].id))
    }

    /// Skips a cell that had not started when the run was stopped (Ctrl-C, `--timeout`).
    private func finish(_ index: Int, stopped reason: StopReason) {
        let cell = cells[index]
        record(
            index,
            CellResult(
                id: cell.id, label: cell.options.label, index: cell.index, line: cell.fenceLine, status: .skipped, seconds: 0,
                key: nil, outputs: [], error: nil, skipReason: "not started: " + reason.message, reasons: []))
    }

    func record(_ index: Int, _ result: CellResult) {
        states[index].result = result
        options.events(.finished(result))
    }

    // MARK: Running

    /// Runs cell `index` on a thread of its own; when no thread can be started, the cell
    /// fails with that error (called with `condition` locked).
    private func launch(_ index: Int, reasons: [String]) {
        if cells[index].options.sweep != nil { return launchSweep(index, reasons: reasons) }
        let cellInputs = inputs(analyses[index])
        let cell = cells[index], analysis = analyses[index]
        options.events(.started(cell: cell.id))
        do {
            try BigStack.start { [self] in
                let outcome = runner.run(analysis, cell: cell, inputs: cellInputs)
                condition.lock()
                complete(index, outcome, reasons: reasons)
                running -= 1
                condition.broadcast()
                condition.unlock()
            }
            running += 1
        } catch {
            complete(index, .notStarted(error, cell: cell), reasons: reasons)
        }
    }

    private func complete(_ index: Int, _ outcome: CellRunner.Outcome, reasons: [String]) {
        let cell = cells[index]
        states[index].exports = .computed(outcome)
        var keyParts = states[index].components ?? staticComponents(index)
        keyParts.files = outcome.filesRead
        states[index].components = keyParts
        var status = CellStatus.ran
        var error = outcome.error.map { diagnostic(for: $0) }
        if cell.options.expectError, error == nil {
            status = .failed
            error = notebook.diagnostic(
                line: cell.fenceLine, column: 1, "cell '\(cell.id)' was expected to fail but succeeded",
                hint: "remove '//| expect-error: true' or fix the expectation")
        } else if !cell.options.expectError, error != nil {
            status = .failed
        }
        let key = keyParts.key
        if status == .ran {
            states[index].effectiveKey = key
            store(index, outcome, keyParts, error: error)
        }
        record(
            index,
            CellResult(
                id: cell.id, label: cell.options.label, index: cell.index, line: cell.fenceLine, status: status,
                seconds: outcome.seconds, key: key, outputs: outcome.outputs, error: error, skipReason: nil,
                reasons: reasons, inputFiles: outcome.filesRead))
    }

    func diagnostic(for error: RuntimeError) -> Diagnostic {
        notebook.diagnostic(line: error.position.line, column: error.position.column, error.message, hint: error.hint)
    }

    private func store(_ index: Int, _ outcome: CellRunner.Outcome, _ keyParts: KeyComponents, error: Diagnostic?) {
        guard options.useCache, cells[index].options.cache, let entryKey = states[index].entryKey else { return }
        do {
            try cache.storeCell(key: entryKey, cellID: cells[index].id, components: keyParts, outcome: outcome, error: error)
        } catch {
            warn("cannot write the cache entry of \(cells[index].id): \(error.localizedDescription)")
        }
    }

    /// Records a non-fatal problem and reports it.
    func warn(_ message: String) {
        warnings.append(message)
        options.events(.warning(message))
    }

    /// The values code with `analysis` (and its work estimate) reads, from the cells that
    /// export them; not those it reads pointwise (`SweepPoints`), which each point binds itself.
    func inputs(_ analysis: CellAnalysis) -> [String: Value] {
        var inputs: [String: Value] = [:]
        let reads = analysis.reads.merging(analysis.workReads) { code, _ in code }
        for (name, upstream) in reads where !analysis.pointwiseUpstream.contains(upstream) {
            if let value = exports(of: upstream)[name] { inputs[name] = value }
        }
        return inputs
    }

    /// The exported values of a finished cell. A cached cell's are read from the cache on
    /// first use (with, for its functions, the values of the cells it reads); when they are
    /// unreadable, the cell is recomputed now.
    func exports(of index: Int) -> [String: Value] {
        switch states[index].exports {
        case .none: return [:]
        case .computed(let outcome): return Dictionary(outcome.exports, uniquingKeysWith: { first, _ in first })
        case .restored(let values): return values
        case .sweep:
            let values = sweepExports(index)
            states[index].exports = .restored(values)
            return values
        case .cached(let cached):
            let scope = Scope(parent: nil)
            scope.define("params", runner.params, isVar: false)
            for (name, value) in inputs(analyses[index]) { scope.define(name, value, isVar: false) }
            do {
                let values = Dictionary(
                    try cache.restore(cached, defines: analyses[index].defines, scope: scope, registry: runner.registry),
                    uniquingKeysWith: { first, _ in first })
                scope.freeze()
                states[index].exports = .restored(values)
                return values
            } catch {
                warn("the values of cache entry \(cached.entry.key) (\(cells[index].id)) are unreadable (\(error)); recomputing")
                return recompute(index)
            }
        }
    }

    /// Runs a reused cell whose values turned out to be unreadable, on a big stack, and
    /// rewrites its entry; its result becomes `ran`.
    private func recompute(_ index: Int) -> [String: Value] {
        let cellInputs = inputs(analyses[index])
        let cell = cells[index], analysis = analyses[index], runner = runner
        options.events(.started(cell: cell.id))
        let outcome = BigStack.run { runner.run(analysis, cell: cell, inputs: cellInputs) }
        complete(index, outcome, reasons: ["cache entry corrupt"])
        return exports(of: index)
    }

    /// Records the keys in use; not after Ctrl-C, so the index of the last complete run stays.
    private func writeIndex(inlineKeys: [String]) {
        guard options.useCache, !options.interrupt.isRaised else { return }
        let records = cells.indices.flatMap { position -> [CacheIndex.CellRecord] in
            if states[position].sweep != nil { return sweepIndexRecords(position) }
            guard succeeded(position), let components = states[position].components, let key = states[position].entryKey else {
                return []
            }
            return [CacheIndex.CellRecord(id: cells[position].id, components: components, entryKey: key)]
        }
        do {
            try cache.storeIndex(CacheIndex(cells: records, inlineKeys: inlineKeys))
        } catch {
            warnings.append("cannot write the cache index: \(error.localizedDescription)")
        }
    }
}
