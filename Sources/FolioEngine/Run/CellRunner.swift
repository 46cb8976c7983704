import Foundation
import FolioMath
import FolioNotebook

/// Runs one cell: a fresh scope with `params` and the values it reads from other cells,
/// its own seeded random stream, and its timeout.
struct CellRunner {
    struct Outcome: Sendable {
        var exports: [(name: String, value: Value)]
        var outputs: [CellOutput]
        var filesRead: [String: String]
        var error: RuntimeError?
        var seconds: Double
        /// The scope the cell ran in (frozen), which its exported closures captured.
        var scope: Scope
        /// The value of the cell's work estimate, when it has one.
        var work: MeasuredWork? = nil
        /// CPU seconds the run cost (its thread's and those lent by worker threads, `CPUMeter`).
        var cpuSeconds: Double? = nil
    }

    let notebook: Notebook
    let registry: BuiltinRegistry
    let sandbox: FileSandbox
    let params: Value
    let limits: RunLimits
    /// Threads the cell's built-ins may use.
    let threads: Int
    let now: @Sendable () -> Double
    let onProgress: @Sendable (ProgressUpdate) -> Void
    /// Called with the cell's id and the text each time a cell prints.
    let onPrint: @Sendable (String, String) -> Void

    /// Runs `cell` over `inputs`; for one point of a sweep cell, `point` names it (its
    /// random stream), and `inputs` hold the point's sweep variables.
    func run(_ analysis: CellAnalysis, cell: Cell, inputs: [String: Value], point: String? = nil) -> Outcome {
        let start = now()
        // The estimate runs first: if it fails, no computation is spent (or lost) before the error.
        var work: MeasuredWork?
        if let estimate = analysis.work {
            switch self.work(estimate, inputs: inputs) {
            case .success(let value): work = MeasuredWork(expression: estimate.expression, value: value)
            case .failure(let error): return .failed(error)
            }
        }
        let (run, cpuSeconds) = CPUMeter.measure {
            execute(
                analysis.statements, id: cell.id, stream: WorkUnitKeys.stream(cell: cell.id, point: point), options: cell.options,
                inputs: inputs,
                fallback: SourcePosition(line: cell.fenceLine, column: 1))
        }
        if let last = run.last {
            switch last {
            case .void, .figure, .table: break
            default: run.context.emit(.value(last.description))
            }
        }
        let exports = analysis.defines.compactMap { name in run.scope.lookup(name).map { (name, $0) } }
        return Outcome(
            exports: exports, outputs: run.context.outputs, filesRead: run.context.filesRead, error: run.failure,
            seconds: max(0, now() - start), scope: run.scope, work: work, cpuSeconds: cpuSeconds)
    }

    /// The value of work estimate `estimate` over `inputs` (params, sweep variables and the
    /// names it reads): a finite number ≥ 0, else an error at the option.
    func work(_ estimate: WorkEstimate, inputs: [String: Value]) -> Result<Double, RuntimeError> {
        let run = execute(
            estimate.statements, id: "work", stream: "work", options: CellOptions(), inputs: inputs, fallback: estimate.position)
        if let failure = run.failure { return .failure(failure) }
        let value: Double? =
            switch run.last {
            case .int(let int)?: Double(int)
            case .double(let double)?: double
            default: nil
            }
        guard let value, value.isFinite, value >= 0 else {
            return .failure(
                RuntimeError(
                    message: "the work estimate is \(run.last.map(ValueFormatter().text) ?? "nothing"); it must be a finite number ≥ 0",
                    position: estimate.position, hint: Checker.workHint))
        }
        return .success(value)
    }

    /// Evaluates an inline value's expression over the values it reads, with its own random
    /// stream (named by the expression) and the default timeout.
    func evaluate(_ analysis: CellAnalysis, inline: InlineExpression, inputs: [String: Value]) -> Result<Value, RuntimeError> {
        let run = execute(
            analysis.statements, id: "inline-\(inline.index)", stream: "inline:" + inline.expression, options: CellOptions(),
            inputs: inputs, fallback: SourcePosition(line: inline.line, column: inline.expressionColumn))
        if let failure = run.failure { return .failure(failure) }
        return .success(run.last ?? .void)
    }

    /// Runs statements in a fresh scope holding `params` and `inputs`; the scope is frozen
    /// afterwards (closures it exports captured it).
    private func execute(
        _ statements: [Stmt], id: String, stream: String, options: CellOptions, inputs: [String: Value], fallback: SourcePosition
    ) -> (context: CellContext, scope: Scope, last: Value?, failure: RuntimeError?) {
        let generator = SeededGenerator(seed: notebook.frontMatter.seed).split(stream)
        let context = CellContext(
            registry: registry, cellID: id, options: options, generator: generator, sandbox: sandbox,
            stop: limits.stopCheck(for: options), memoryBudget: limits.memoryBudget(for: options), threads: threads, now: now,
            onProgress: onProgress, onPrint: { [onPrint] text in onPrint(id, text) })
        let scope = Scope(parent: nil)
        scope.define("params", params, isVar: false)
        for (name, value) in inputs { scope.define(name, value, isVar: false) }
        let evaluator = Evaluator(context: context)
        var last: Value?
        var failure: RuntimeError?
        do {
            last = try evaluator.runCell(statements, in: scope)
        } catch let error as RuntimeError {
            failure = error
        } catch let error as BuiltinError {
            failure = RuntimeError(message: error.message, position: fallback, hint: error.hint)
        } catch {
            failure = RuntimeError(message: "\(error)", position: fallback, hint: nil)
        }
        scope.freeze()
        return (context, scope, last, failure)
    }
}

extension CellRunner.Outcome {
    /// The outcome of a cell (or sweep point) whose thread could not be started.
    static func notStarted(_ failure: BigStack.StartFailure, cell: Cell) -> Self {
        failed(
            RuntimeError(
                message: failure.description, position: SourcePosition(line: cell.fenceLine, column: 1),
                hint: "memory or the address space is short (ulimit -v?): raise the limit, or render with --jobs 1"))
    }

    /// The outcome of a cell (or sweep point) that failed before its code ran.
    static func failed(_ error: RuntimeError) -> Self {
        Self(exports: [], outputs: [], filesRead: [:], error: error, seconds: 0, scope: Scope(parent: nil))
    }
}

extension Notebook {
    /// `params` as the cells see it: a record of the (overridden) values.
    var paramsValue: Value {
        .record(Record("Params", frontMatter.params.map { ($0.name, Value($0.value)) }))
    }
}

extension Value {
    init(_ param: ParamValue) {
        switch param {
        case .int(let v): self = .int(v)
        case .double(let v): self = .double(v)
        case .bool(let v): self = .bool(v)
        case .string(let v): self = .string(v)
        case .array(let values): self = .array(values.map(Value.init))
        }
    }
}
