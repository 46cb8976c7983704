import Foundation
import FolioMath
import FolioNotebook

/// Runs one cell: a fresh scope with `params` and the values it reads from other cells,
/// its own seeded random stream, and its timeout.
struct CellRunner {
    struct Outcome {
        var exports: [(name: String, value: Value)]
        var outputs: [CellOutput]
        var filesRead: [String: String]
        var error: RuntimeError?
        var seconds: Double
        /// The scope the cell ran in (frozen), which its exported closures captured.
        var scope: Scope
    }

    let notebook: Notebook
    let registry: BuiltinRegistry
    let sandbox: FileSandbox
    let params: Value
    let defaultTimeoutSeconds: Double?
    /// Threads the cell's built-ins may use.
    let threads: Int
    let now: @Sendable () -> Double
    let onProgress: @Sendable (ProgressUpdate) -> Void

    func run(_ analysis: CellAnalysis, cell: Cell, inputs: [String: Value]) -> Outcome {
        let start = now()
        let generator = SeededGenerator(seed: notebook.frontMatter.seed).split("cell:" + cell.id)
        let context = CellContext(
            registry: registry, cellID: cell.id, options: cell.options, generator: generator, sandbox: sandbox,
            timeoutSeconds: cell.options.timeoutSeconds ?? defaultTimeoutSeconds, threads: threads, now: now,
            onProgress: onProgress)
        let scope = Scope(parent: nil)
        scope.define("params", params, isVar: false)
        for (name, value) in inputs { scope.define(name, value, isVar: false) }
        let evaluator = Evaluator(context: context)
        var failure: RuntimeError?
        do {
            if let last = try evaluator.runCell(analysis.statements, in: scope) {
                switch last {
                case .void, .figure, .table: break
                default: context.emit(.value(last.description))
                }
            }
        } catch let error as RuntimeError {
            failure = error
        } catch let error as BuiltinError {
            failure = RuntimeError(message: error.message, position: SourcePosition(line: cell.fenceLine, column: 1), hint: error.hint)
        } catch {
            failure = RuntimeError(message: "\(error)", position: SourcePosition(line: cell.fenceLine, column: 1), hint: nil)
        }
        scope.freeze()
        let exports = analysis.defines.compactMap { name in scope.lookup(name).map { (name, $0) } }
        return Outcome(
            exports: exports, outputs: context.outputs, filesRead: context.filesRead, error: failure,
            seconds: max(0, now() - start), scope: scope)
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
