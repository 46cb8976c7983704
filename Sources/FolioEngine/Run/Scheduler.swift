import Foundation
import FolioNotebook

/// Walks the cell DAG: resolves each cell when its upstream cells are done (skip, reuse
/// from the cache, or run), running up to `jobs` cells at once on their own threads; then
/// the inline values (`Scheduler+InlineValues.swift`).
///
/// Results do not depend on `jobs`: a cell sees only the values of the cells it reads,
/// and draws from its own random stream.
final class Scheduler: @unchecked Sendable {
    let notebook: Notebook
    let cells: [Cell]
    private let analyses: [CellAnalysis]
    let inlineAnalyses: [CellAnalysis]
    let runner: CellRunner
    let options: RunOptions
    let store: CacheStore
    private let previous: CacheIndex?

    private let condition = NSCondition()
    private(set) var results: [CellResult?]
    /// Effective key (with file hashes) of every finished, successful cell.
    private(set) var effectiveKeys: [String?]
    private var components: [KeyComponents?]
    private var staticKeys: [String?]
    /// Values and scopes of cells that ran; cached cells are restored on demand.
    private var outcomes: [CellRunner.Outcome?]
    private var cachedEntries: [CacheEntry?]
    private var restored: [(scope: Scope, exports: [String: Value])?]
    private var running = 0
    /// Cells resolved to run but waiting for a free job slot.
    private var waitingReasons: [Int: [String]] = [:]
    private(set) var warnings: [String] = []

    init(notebook: Notebook, analysis: NotebookAnalysis, runner: CellRunner, options: RunOptions) {
        self.notebook = notebook
        self.cells = notebook.cells
        self.analyses = analysis.cells
        self.inlineAnalyses = analysis.inlineValues
        self.runner = runner
        self.options = options
        self.store = CacheStore(directory: options.cacheDirectory)
        self.previous = options.useCache ? store.loadIndex(notebookName: notebook.name) : nil
        let count = cells.count
        results = Array(repeating: nil, count: count)
        effectiveKeys = Array(repeating: nil, count: count)
        components = Array(repeating: nil, count: count)
        staticKeys = Array(repeating: nil, count: count)
        outcomes = Array(repeating: nil, count: count)
        cachedEntries = Array(repeating: nil, count: count)
        restored = Array(repeating: nil, count: count)
    }

    /// Runs every cell, then evaluates the inline values; returns both in document order
    /// and records the keys in use in the cache index.
    func run() -> (cells: [CellResult], inlineValues: [InlineValueResult]) {
        let cellResults = runCells()
        let inlineResults = BigStack.run { self.runInlineValues() }
        writeIndex(inlineKeys: inlineResults.filter { $0.status != .failed }.compactMap(\.key))
        return (cellResults, inlineResults)
    }

    private func runCells() -> [CellResult] {
        condition.lock()
        var started = Array(repeating: false, count: cells.count)
        while results.contains(where: { $0 == nil }) {
            var progressed = false
            for index in cells.indices where !started[index] {
                let upstream = analyses[index].upstream
                guard upstream.allSatisfy({ results[$0] != nil }) else { continue }
                if let blocker = upstream.first(where: { results[$0]?.status == .failed || results[$0]?.status == .skipped }) {
                    started[index] = true
                    progressed = true
                    finish(index, skipped: blocker)
                    continue
                }
                let reasons = waitingReasons[index] ?? resolveFromCache(index)
                guard let reasons else {
                    started[index] = true
                    progressed = true
                    continue
                }
                guard running < max(1, options.jobs) else {
                    waitingReasons[index] = reasons
                    continue
                }
                started[index] = true
                progressed = true
                launch(index, reasons: reasons)
            }
            if !progressed {
                guard running > 0 else { break }
                condition.wait()
            }
        }
        condition.unlock()
        return results.compactMap { $0 }
    }

    // MARK: Resolution

    private func staticComponents(_ index: Int) -> KeyComponents {
        // The random stream is named by the cell's id (label or cell-<index>), so it is part
        // of what the cell computes: two identical unlabelled cells draw different numbers.
        var options = cells[index].options.resultAffecting
        options["random-stream"] = cells[index].id
        return keyComponents(analyses[index], code: cells[index].normalizedCode, options: options)
    }

    /// The key components of code that reads what `analysis` says: the keys of the cells it
    /// reads, the values of the params it reads, the seed and the Folio version.
    func keyComponents(_ analysis: CellAnalysis, code: String, options: [String: String]) -> KeyComponents {
        var upstream: [String: String] = [:]
        for cell in analysis.upstream { upstream[cells[cell].id] = effectiveKeys[cell] ?? "" }
        var params: [String: String] = [:]
        let read = analysis.readsAllParams ? Set(notebook.frontMatter.params.map(\.name)) : analysis.paramsRead
        for name in read {
            if let param = notebook.frontMatter.param(name) { params[name] = "\(param.value.typeName):\(param.value)" }
        }
        return KeyComponents(
            code: ContentHash.sha256(code), options: options,
            upstream: upstream, params: params, files: [:], seed: notebook.frontMatter.seed, version: FolioVersion.current)
    }

    /// Reuses the cell from the cache if possible (finishing it) and returns nil; otherwise
    /// returns why it must run.
    private func resolveFromCache(_ index: Int) -> [String]? {
        let cell = cells[index]
        var keyParts = staticComponents(index)
        let key = keyParts.key
        staticKeys[index] = key
        components[index] = keyParts
        guard options.useCache else { return ["--no-cache"] }
        guard cell.options.cache else { return ["cache: false"] }
        if options.refresh.contains(cell.id) { return ["--refresh \(cell.id)"] }
        switch store.load(CacheEntry.self, key: key) {
        case .found(let entry):
            guard filesUnchanged(entry.components.files) else { return ["input file changed"] }
            keyParts.files = entry.components.files
            components[index] = keyParts
            effectiveKeys[index] = keyParts.key
            cachedEntries[index] = entry
            record(
                index,
                CellResult(
                    id: cell.id, label: cell.options.label, index: cell.index, line: cell.fenceLine, status: .cached,
                    seconds: 0, key: keyParts.key, outputs: entry.outputs, error: entry.error, skipReason: nil, reasons: [],
                    inputFiles: keyParts.files))
            return nil
        case .corrupt(let message):
            warn(message)
            return ["cache entry corrupt"]
        case .missing:
            var before = previous?.cells[cell.id]
            before?.files = [:]
            let reasons = keyParts.changes(since: before)
            return reasons.isEmpty ? ["no cache entry"] : reasons
        }
    }

    private func filesUnchanged(_ files: [String: String]) -> Bool {
        files.allSatisfy { path, hash in
            guard let url = try? runner.sandbox.resolve(path), let data = FileManager.default.contents(atPath: url.path) else {
                return false
            }
            return ContentHash.sha256(data) == hash
        }
    }

    private func finish(_ index: Int, skipped blocker: Int) {
        let cell = cells[index]
        let why = results[blocker]?.status == .failed ? "failed" : "was skipped"
        record(
            index,
            CellResult(
                id: cell.id, label: cell.options.label, index: cell.index, line: cell.fenceLine, status: .skipped, seconds: 0,
                key: nil, outputs: [], error: nil, skipReason: "depends on \(cells[blocker].id), which \(why)", reasons: [],
                blockedBy: cells[blocker].id))
    }

    private func record(_ index: Int, _ result: CellResult) {
        results[index] = result
        options.events(.finished(result))
    }

    // MARK: Running

    private func launch(_ index: Int, reasons: [String]) {
        var inputs: [String: Value] = [:]
        for (name, upstream) in analyses[index].reads {
            if let value = exports(of: upstream)[name] { inputs[name] = value }
        }
        running += 1
        let cell = cells[index], analysis = analyses[index], cellInputs = inputs
        options.events(.started(cell: cell.id))
        let thread = Thread { [self] in
            let outcome = runner.run(analysis, cell: cell, inputs: cellInputs)
            condition.lock()
            complete(index, outcome, reasons: reasons)
            running -= 1
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = BigStack.stackSizeBytes
        thread.start()
    }

    private func complete(_ index: Int, _ outcome: CellRunner.Outcome, reasons: [String]) {
        let cell = cells[index]
        outcomes[index] = outcome
        var keyParts = components[index] ?? staticComponents(index)
        keyParts.files = outcome.filesRead
        components[index] = keyParts
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
        if status == .ran {
            effectiveKeys[index] = keyParts.key
            store(index, outcome, keyParts, error: error)
        }
        record(
            index,
            CellResult(
                id: cell.id, label: cell.options.label, index: cell.index, line: cell.fenceLine, status: status,
                seconds: outcome.seconds, key: keyParts.key, outputs: outcome.outputs, error: error, skipReason: nil,
                reasons: reasons, inputFiles: outcome.filesRead))
    }

    private func diagnostic(for error: RuntimeError) -> Diagnostic {
        notebook.diagnostic(line: error.position.line, column: error.position.column, error.message, hint: error.hint)
    }

    private func store(_ index: Int, _ outcome: CellRunner.Outcome, _ keyParts: KeyComponents, error: Diagnostic?) {
        guard options.useCache, cells[index].options.cache, let staticKey = staticKeys[index] else { return }
        guard let values = try? outcome.exports.map({ try EncodedValue($0.value, cellScope: outcome.scope) }) else { return }
        let entry = CacheEntry(
            key: staticKey, cellID: cells[index].id, components: keyParts, exportNames: outcome.exports.map(\.name),
            exportValues: values, outputs: outcome.outputs, error: error, seconds: outcome.seconds)
        do {
            try store.store(entry)
        } catch {
            warn("cannot write the cache entry of \(cells[index].id): \(error.localizedDescription)")
        }
    }

    /// Records a non-fatal problem and reports it.
    func warn(_ message: String) {
        warnings.append(message)
        options.events(.warning(message))
    }

    /// The exported values of a finished cell, restoring a cached one (and, for its
    /// functions, the cells it reads) on first use.
    func exports(of index: Int) -> [String: Value] {
        if let outcome = outcomes[index] { return Dictionary(outcome.exports, uniquingKeysWith: { first, _ in first }) }
        if let done = restored[index] { return done.exports }
        let scope = Scope(parent: nil)
        scope.define("params", runner.params, isVar: false)
        for (name, upstream) in analyses[index].reads {
            if let value = exports(of: upstream)[name] { scope.define(name, value, isVar: false) }
        }
        var values: [String: Value] = [:]
        if let entry = cachedEntries[index] {
            for (name, encoded) in zip(entry.exportNames, entry.exportValues) {
                guard let value = try? encoded.value(scope: scope, registry: runner.registry, notebook: notebook) else { continue }
                values[name] = value
                scope.define(name, value, isVar: false)
            }
        }
        scope.freeze()
        restored[index] = (scope, values)
        return values
    }

    private func writeIndex(inlineKeys: [String]) {
        guard options.useCache else { return }
        var index = previous ?? CacheIndex(cells: [:], entryKeys: [])
        index.entryKeys = inlineKeys
        for (position, cell) in cells.enumerated() {
            if let result = results[position], result.status == .ran || result.status == .cached, let parts = components[position],
                let key = staticKeys[position]
            {
                index.cells[cell.id] = parts
                index.entryKeys.append(key)
            } else {
                index.cells[cell.id] = nil
            }
        }
        index.cells = index.cells.filter { id, _ in cells.contains { $0.id == id } }
        do {
            try store.storeIndex(index, notebookName: notebook.name)
        } catch {
            warnings.append("cannot write the cache index: \(error.localizedDescription)")
        }
    }
}
