import Foundation
import FolioMath
import FolioNotebook

/// Everything one cell's execution reads or produces besides its values: its random
/// stream, outputs, files read, clock and progress. One per cell run, used on one thread.
final class CellContext {
    let registry: BuiltinRegistry
    let cellID: String
    /// The cell's options (figure built-ins read `width` and `height`).
    let options: CellOptions
    var generator: SeededGenerator
    private(set) var outputs: [CellOutput] = []
    /// Path (as `FileSandbox.keyPath`) → SHA-256 of every file read, for the cache.
    private(set) var filesRead: [String: String] = [:]
    let sandbox: FileSandbox
    /// Threads the cell's built-ins may use (results do not depend on it).
    let threads: Int
    private let now: @Sendable () -> Double
    /// Throws when the cell must stop (its timeout, the render's `--timeout`, Ctrl-C);
    /// long built-ins get it too.
    let stop: StopCheck
    /// The most one built-in call or operator may ask to allocate, in bytes.
    let memoryBudget: Int
    private let onProgress: @Sendable (ProgressUpdate) -> Void
    private let onPrint: @Sendable (String) -> Void
    private var steps = 0
    /// Open `withProgressStep` scopes, outermost first.
    private var progressScopes: [ProgressScope] = []
    /// The evaluator running this cell; built-ins call closures through it.
    unowned(unsafe) var evaluator: Evaluator?

    init(
        registry: BuiltinRegistry, cellID: String, options: CellOptions = CellOptions(), generator: SeededGenerator,
        sandbox: FileSandbox,
        stop: StopCheck = .never, memoryBudget: Int = .max, threads: Int = 1, now: @escaping @Sendable () -> Double,
        onProgress: @escaping @Sendable (ProgressUpdate) -> Void, onPrint: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.registry = registry
        self.cellID = cellID
        self.options = options
        self.generator = generator
        self.sandbox = sandbox
        self.threads = threads
        self.now = now
        self.stop = stop
        self.memoryBudget = memoryBudget
        self.onProgress = onProgress
        self.onPrint = onPrint
    }

    func emit(_ output: CellOutput) { outputs.append(output) }

    /// Appends printed text, merging consecutive prints into one output, and passes it on
    /// as it is produced (`folio render --echo`).
    func print(_ text: String) {
        onPrint(text)
        outputs.appendText(text)
    }

    /// Counts one step of work and checks whether to stop every 1024 steps (the per-iteration
    /// hook of every loop).
    @inline(__always)
    func tick() throws(StopReason) {
        steps &+= 1
        if steps & 1023 == 0 { try stop() }
    }

    /// The run's clock in seconds (passed in by the engine, so tests can fix it).
    func clock() -> Double { now() }

    /// Throws when the cell must stop (timeout, the render's `--timeout`, Ctrl-C).
    func checkDeadline() throws {
        do {
            try stop()
        } catch {
            throw BuiltinError(error.message, hint: error.hint)
        }
    }

    /// Fails before `call` allocates `bytes` when that is over the cell's memory budget.
    func reserve(_ bytes: Int, for call: String) throws {
        guard bytes > memoryBudget else { return }
        throw BuiltinError(
            "\(call) asks for \(ByteSize.describe(bytes)), over the cell's memory budget of \(ByteSize.describe(memoryBudget))",
            hint: "use smaller sizes, or raise the budget with '//| memory: 16GB' or 'folio render --memory 16GB'")
    }

    /// Reports progress of the innermost work; inside `withProgressStep` scopes it becomes
    /// a fraction of the current step of each enclosing scope, so a grid of trainings shows
    /// one bar (and one ETA) for the whole grid.
    func reportProgress(done: Int, total: Int, label: String) {
        guard !progressScopes.isEmpty else {
            onProgress(ProgressUpdate(cell: cellID, done: done, total: total, label: label))
            return
        }
        var fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        for scope in progressScopes.reversed() { fraction = (Double(scope.step) + fraction) / Double(scope.steps) }
        let inner = label.isEmpty ? [] : ["\(label) \(done)/\(total)"]
        let path = progressScopes.map { "\($0.label) \($0.step + 1)/\($0.steps)" } + inner
        onProgress(ProgressUpdate(cell: cellID, done: 0, total: 0, label: path.joined(separator: " · "), fraction: fraction))
    }

    /// Runs `body` as step `step` (0-based) of `steps` named `label`: progress reported
    /// inside it is scaled into that step.
    func withProgressStep<T>(_ step: Int, of steps: Int, label: String, _ body: () throws -> T) rethrows -> T {
        progressScopes.append(ProgressScope(step: step, steps: steps, label: label))
        defer { progressScopes.removeLast() }
        reportProgress(done: 0, total: 1, label: "")
        return try body()
    }

    func readFile(_ path: String) throws -> Data {
        let url = try sandbox.resolve(path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw BuiltinError("file '\(path)' does not exist", hint: "paths are relative to the notebook's folder")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw BuiltinError("cannot read '\(path)'", hint: "is it a folder, or unreadable?")
        }
        filesRead[sandbox.keyPath(for: url)] = ContentHash.sha256(data)
        return data
    }
}

/// One level of nested progress: step `step` of `steps`.
private struct ProgressScope {
    let step: Int
    let steps: Int
    let label: String
}
