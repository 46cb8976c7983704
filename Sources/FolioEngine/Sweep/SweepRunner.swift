import Foundation
import FolioNotebook

/// Runs points of a sweep cell, up to `jobs` at once, each on its own big-stack thread with
/// its sweep variables bound and its own random stream; reports progress per point
/// (points done / total, with the running points' progress folded into the fraction, so
/// the display's ETA covers the whole sweep).
struct SweepRunner {
    let runner: CellRunner
    let cell: Cell
    let analysis: CellAnalysis
    /// The values the cell reads from other cells.
    let inputs: [String: Value]
    let grid: SweepGrid
    /// The sweeps the cell reads point by point: each point binds their values at its own
    /// coordinates.
    let pointwise: [SweepPoints]
    let jobs: Int

    /// The outcomes of `points`, in their order. `onFinish` gets each point's position in
    /// `points` and outcome as soon as it is done (on the worker's thread), so a finished
    /// point is stored even when the sweep is interrupted later.
    func run(
        _ points: [SweepGrid.Point], onFinish: @escaping @Sendable (Int, CellRunner.Outcome) -> Void = { _, _ in }
    ) -> [CellRunner.Outcome] {
        let progress = SweepProgress(cell: cell.id, total: points.count, report: runner.onProgress)
        let work = PointQueue(count: points.count)
        let worker: @Sendable () -> Void = { [self] in
            while let index = work.take() {
                let outcome = runPoint(points[index], progress: progress)
                onFinish(index, outcome)
                work.finish(index, outcome)
                progress.pointFinished(points[index].id)
            }
        }
        var started = 0
        for _ in 0..<min(max(1, jobs), points.count) {
            guard (try? BigStack.start(worker)) != nil else { break }
            started += 1
        }
        // No thread could be started (address space short): the points run here, on the
        // sweep's own big-stack thread.
        if started == 0 { worker() }
        return work.waitForAll()
    }

    /// Runs one point (on the calling thread, which must have a big stack).
    func runPoint(_ point: SweepGrid.Point, progress: SweepProgress? = nil) -> CellRunner.Outcome {
        var pointInputs = inputs
        for (variable, value) in zip(grid.variables, point.coordinates) { pointInputs[variable.name] = Value(value) }
        let coordinates = grid.coordinates(of: point)
        for source in pointwise {
            do {
                for (name, value) in try source.values(at: coordinates) where analysis.reads[name] != nil { pointInputs[name] = value }
            } catch {
                let (line, column) = cell.location(ofOption: "sweep") ?? (cell.fenceLine, 1)
                return .failed(RuntimeError(message: error.message, position: SourcePosition(line: line, column: column), hint: error.hint))
            }
        }
        let pointRunner = CellRunner(
            notebook: runner.notebook, registry: runner.registry, sandbox: runner.sandbox, params: runner.params,
            limits: runner.limits, threads: runner.threads, now: runner.now,
            onProgress: { update in progress?.inner(point: point.id, update) }, onPrint: runner.onPrint)
        return pointRunner.run(analysis, cell: cell, inputs: pointInputs, point: point.id)
    }
}

/// The progress of one sweep: `points 3/10`, with the running points' own progress
/// (training epochs) counted as fractions of a point.
final class SweepProgress: @unchecked Sendable {
    private let cell: String
    private let total: Int
    private let report: @Sendable (ProgressUpdate) -> Void
    private let lock = NSLock()
    private var done = 0
    /// Point id → fraction done, for the points running now.
    private var running: [String: Double] = [:]

    init(cell: String, total: Int, report: @escaping @Sendable (ProgressUpdate) -> Void) {
        self.cell = cell
        self.total = total
        self.report = report
    }

    func inner(point: String, _ update: ProgressUpdate) {
        let (finished, fraction): (Int, Double) = lock.withLock {
            running[point] = update.fraction
            return (done, (Double(done) + running.values.reduce(0, +)) / Double(max(1, total)))
        }
        let label = "points \(finished)/\(total) · \(point): \(update.text)"
        report(ProgressUpdate(cell: cell, done: 0, total: 0, label: label, fraction: fraction))
    }

    func pointFinished(_ point: String) {
        let count: Int = lock.withLock {
            done += 1
            running[point] = nil
            return done
        }
        report(ProgressUpdate(cell: cell, done: count, total: total, label: "points"))
    }
}

/// The points of a sweep handed out to worker threads, and their outcomes.
private final class PointQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var outcomes: [CellRunner.Outcome?]
    private var next = 0
    private var finished = 0

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    /// The next point to run, or nil when all are handed out.
    func take() -> Int? {
        condition.withLock {
            guard next < outcomes.count else { return nil }
            next += 1
            return next - 1
        }
    }

    func finish(_ index: Int, _ outcome: CellRunner.Outcome) {
        condition.withLock {
            outcomes[index] = outcome
            finished += 1
            condition.broadcast()
        }
    }

    /// Blocks until every point has finished; their outcomes in order.
    func waitForAll() -> [CellRunner.Outcome] {
        condition.withLock {
            while finished < outcomes.count { condition.wait() }
            return outcomes.compactMap { $0 }
        }
    }
}
