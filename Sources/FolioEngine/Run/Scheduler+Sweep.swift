import Foundation
import FolioNotebook

/// Sweep cells: each point of the grid is a work unit with its own cache entry (key: the
/// cell's key components plus the point's coordinates) and random stream. A sweep cell is
/// reused when every point is cached; otherwise only the missing points run, up to `jobs`
/// at once. Dependents see each name the cell defines as one `Sweep` value over the points.
extension Scheduler {
    /// Looks every point up; finishes the cell and returns nil when all are cached, otherwise
    /// returns why it must run.
    func resolveSweep(_ index: Int, grid written: SweepGrid) -> [String]? {
        let cell = cells[index]
        let grid: SweepGrid
        do {
            grid = try resolvedGrid(index, written)
        } catch {
            failBeforeRunning(index, at: cell.location(ofOption: "sweep"), message: error.message, hint: error.hint)
            return nil
        }
        var points = grid.points
        if let target, target.cell == index, let point = target.point {
            points = points.filter { $0.id == point }
            if points.isEmpty {
                failBeforeRunning(
                    index, at: cell.location(ofOption: "sweep"), message: "sweep cell '\(cell.id)' has no point '\(point)'",
                    hint: "its grid is \(grid.summary); `folio plan` lists the units")
                return nil
            }
        }
        if let missing = missingPointwisePoints(index, grid: grid, points: points) {
            failBeforeRunning(index, at: cell.location(ofOption: "sweep"), message: missing.message, hint: missing.hint)
            return nil
        }
        let components = points.map { staticComponents(index, point: $0, of: grid) }
        var sweep = SweepState(grid: grid, points: points, components: components, entryKeys: components.map(\.key))
        var cellComponents = staticComponents(index)
        cellComponents.options["sweep"] = grid.summary
        states[index].components = cellComponents
        var reasons: [String] = []
        if !options.useCache {
            reasons = ["--no-cache"]
        } else if !cell.options.cache {
            reasons = ["cache: false"]
        } else if options.refresh.contains(cell.id) {
            reasons = ["--refresh \(cell.id)"]
        }
        for position in points.indices {
            guard reasons.isEmpty else { break }
            switch cache.lookupCell(key: sweep.entryKeys[position]) {
            case .found(let cached) where cache.filesUnchanged(cached.entry.components.files):
                sweep.components[position].files = cached.entry.components.files
                sweep.cached[position] = cached
            case .corrupt(let message): warn(message)
            default: break
            }
        }
        sweep.toRun = points.indices.filter { sweep.cached[$0] == nil }
        states[index].sweep = sweep
        guard let first = sweep.toRun.first else {
            finishSweep(index, seconds: 0, reasons: [])
            return nil
        }
        if reasons.isEmpty { reasons = cache.reasonsToRun(sweep.unitID(cell, first), sweep.components[first]) }
        let counted = "\(sweep.toRun.count) of \(points.count) point\(points.count == 1 ? "" : "s") to compute"
        return [counted] + reasons
    }

    /// The grid of sweep cell `index`, its named lists read from the cells above (which
    /// have finished) and the params.
    private func resolvedGrid(_ index: Int, _ grid: SweepGrid) throws(SweepGrid.Problem) -> SweepGrid {
        guard !grid.sources.isEmpty else { return grid }
        let reads = analyses[index].gridReads
        return try grid.resolving(params: notebook.frontMatter) { name in reads[name].flatMap { exports(of: $0)[name] } }
    }

    /// The problem when a sweep this one reads pointwise lacks some of its points: which
    /// points (the first few), and the grids. Nil when every point has its upstream points.
    private func missingPointwisePoints(
        _ index: Int, grid: SweepGrid, points: [SweepGrid.Point]
    ) -> (message: String, hint: String)? {
        for upstream in analyses[index].pointwiseUpstream.sorted() {
            guard let other = states[upstream].sweep else { continue }
            let missing = points.filter { other.position(at: grid.coordinates(of: $0)) == nil }
            guard let first = missing.first else { continue }
            let names = analyses[index].reads.filter { $0.value == upstream }.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
            let more = missing.count > 1 ? " (and \(missing.count - 1) more point\(missing.count == 2 ? "" : "s"))" : ""
            return (
                "sweep cell '\(cells[index].id)' reads \(names) point by point, but sweep cell '\(cells[upstream].id)' has no point for \(first.id)\(more)",
                "its grid is \(other.grid.summary), this one's \(grid.summary): " + SweepGrid.pointwiseRule
            )
        }
        return nil
    }

    /// The points of finished sweep cell `index`, for the cells that read it pointwise and
    /// for its exports.
    func sweepPoints(_ index: Int) -> SweepPoints? {
        guard let sweep = states[index].sweep else { return nil }
        return SweepPoints(
            cell: cells[index], defines: analyses[index].defines, sweep: sweep, inputs: inputs(analyses[index]),
            params: runner.params, upstream: pointwiseSources(index), cache: cache, registry: runner.registry)
    }

    /// The sweeps cell `index` reads pointwise.
    private func pointwiseSources(_ index: Int) -> [SweepPoints] {
        analyses[index].pointwiseUpstream.sorted().compactMap(sweepPoints)
    }

    /// Fails a sweep cell before any point runs (its grid cannot be resolved, or `folio
    /// run-unit` asked for a point it does not have): one error card at its `sweep` option.
    private func failBeforeRunning(_ index: Int, at location: (line: Int, column: Int)?, message: String, hint: String) {
        let cell = cells[index]
        let (line, column) = location ?? (cell.fenceLine, 1)
        record(
            index,
            CellResult(
                id: cell.id, label: cell.options.label, index: cell.index, line: cell.fenceLine, status: .failed, seconds: 0,
                key: nil, outputs: [], error: notebook.diagnostic(line: line, column: column, message, hint: hint), skipReason: nil,
                reasons: []))
    }

    /// Runs the missing points on a thread of their own (which takes one of the `jobs`
    /// slots; the points share out `jobs` threads among themselves), storing each point's
    /// entry as soon as it succeeds, so an interrupted sweep keeps its finished points.
    func launchSweep(_ index: Int, reasons: [String]) {
        guard let sweep = states[index].sweep else { return }
        options.events(.started(cell: cells[index].id))
        let sweepRunner = SweepRunner(
            runner: runner, cell: cells[index], analysis: analyses[index], inputs: inputs(analyses[index]), grid: sweep.grid,
            pointwise: pointwiseSources(index), jobs: options.jobs)
        let points = sweep.toRun.map { sweep.points[$0] }
        let start = options.now()
        do {
            try BigStack.start { [self] in
                runSweep(index, sweep, sweepRunner, points, start: start, reasons: reasons)
            }
            running += 1
        } catch {
            let failure = CellRunner.Outcome.notStarted(error, cell: cells[index])
            for position in sweep.toRun { states[index].sweep?.outcomes[position] = failure }
            finishSweep(index, seconds: 0, reasons: reasons)
        }
    }

    /// The body of a sweep's thread: runs the points, then records the cell.
    private func runSweep(
        _ index: Int, _ sweep: SweepState, _ sweepRunner: SweepRunner, _ points: [SweepGrid.Point], start: Double,
        reasons: [String]
    ) {
        let outcomes = sweepRunner.run(points) { [self] finished, outcome in
            let position = sweep.toRun[finished]
            var components = sweep.components[position]
            components.files = outcome.filesRead
            guard outcome.error == nil, let problem = storePoint(index, sweep, position, outcome, components) else { return }
            condition.withLock { warn(problem) }
        }
        condition.lock()
        for (position, outcome) in zip(sweep.toRun, outcomes) { states[index].sweep?.outcomes[position] = outcome }
        finishSweep(index, seconds: max(0, options.now() - start), reasons: reasons)
        running -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Records the cell from its points (those that ran were stored as each finished): failed
    /// when any point failed (its error lists them), ran when any point ran, else cached.
    func finishSweep(_ index: Int, seconds: Double, reasons: [String]) {
        guard var sweep = states[index].sweep else { return }
        let cell = cells[index]
        var points: [SweepPointResult] = []
        var outputs: [CellOutput] = []
        var files: [String: String] = [:]
        var failures: [(point: String, error: RuntimeError)] = []
        for position in sweep.points.indices {
            let pointID = sweep.points[position].id
            let key = sweep.entryKeys[position]
            var pointOutputs: [CellOutput] = []
            if let cached = sweep.cached[position] {
                pointOutputs = cached.entry.outputs
                points.append(SweepPointResult(id: pointID, status: .cached, seconds: 0, computedSeconds: cached.entry.seconds, key: key))
            } else if let outcome = sweep.outcomes[position] {
                pointOutputs = outcome.outputs
                sweep.components[position].files = outcome.filesRead
                if let error = outcome.error {
                    failures.append((pointID, error))
                    points.append(
                        SweepPointResult(
                            id: pointID, status: .failed, seconds: outcome.seconds, computedSeconds: outcome.seconds, key: key,
                            error: error.message))
                } else {
                    points.append(
                        SweepPointResult(id: pointID, status: .ran, seconds: outcome.seconds, computedSeconds: outcome.seconds, key: key))
                }
            }
            files.merge(sweep.components[position].files) { first, _ in first }
            outputs.appendPointOutputs(pointOutputs, of: pointID)
        }
        states[index].sweep = sweep
        var cellComponents = states[index].components ?? staticComponents(index)
        cellComponents.files = files
        states[index].components = cellComponents
        let effectiveKey = WorkUnitKeys.sweepKey(pointKeys: sweep.components.map(\.key))
        let status: CellStatus = !failures.isEmpty ? .failed : points.contains { $0.status == .ran } ? .ran : .cached
        if status != .failed {
            states[index].entryKey = effectiveKey
            states[index].effectiveKey = effectiveKey
            states[index].exports = .sweep
        }
        record(
            index,
            CellResult(
                id: cell.id, label: cell.options.label, index: cell.index, line: cell.fenceLine, status: status, seconds: seconds,
                computedSeconds: points.reduce(0) { $0 + $1.computedSeconds }, key: effectiveKey, outputs: outputs,
                error: sweepError(failures, of: points.count), skipReason: nil, reasons: status == .cached ? [] : reasons,
                inputFiles: files, points: points))
    }

    /// One error card for every failing point, at the first failure's location.
    private func sweepError(_ failures: [(point: String, error: RuntimeError)], of total: Int) -> Diagnostic? {
        guard let first = failures.first else { return nil }
        let list = failures.map { "  \($0.point): \($0.error.message)" }.joined(separator: "\n")
        let message = "\(failures.count) of \(total) sweep point\(total == 1 ? "" : "s") failed:\n" + list
        return notebook.diagnostic(
            line: first.error.position.line, column: first.error.position.column, message,
            hint: first.error.hint ?? "the other points keep their results and cache entries; once fixed, only the failed points run")
    }

    /// Writes a point's entry (with `components`, file hashes included); returns the problem,
    /// if any, for the caller to report. Safe on any thread: entries are written atomically.
    private func storePoint(
        _ index: Int, _ sweep: SweepState, _ position: Int, _ outcome: CellRunner.Outcome, _ components: KeyComponents
    ) -> String? {
        guard options.useCache, cells[index].options.cache else { return nil }
        let unit = sweep.unitID(cells[index], position)
        do {
            try cache.storeCell(key: sweep.entryKeys[position], cellID: unit, components: components, outcome: outcome, error: nil)
            return nil
        } catch {
            return "cannot write the cache entry of \(unit): \(error.localizedDescription)"
        }
    }

    /// The values dependents see: each name the cell defines as a `Sweep` over its points.
    /// Cached points are read now; a point whose values are unreadable is recomputed.
    func sweepExports(_ index: Int) -> [String: Value] {
        guard let sweep = states[index].sweep, let points = sweepPoints(index) else { return [:] }
        let perPoint = sweep.points.indices.map { position -> [String: Value] in
            do throws(SweepPoints.Failure) {
                return Dictionary(try points.values(atPosition: position), uniquingKeysWith: { first, _ in first })
            } catch {
                warn("\(error.message); recomputing")
                return recomputePoint(index, sweep, position)
            }
        }
        var exports: [String: Value] = [:]
        for name in analyses[index].defines {
            exports[name] = SweepValue(grid: sweep.grid, values: perPoint.map { $0[name] ?? .void }).value
        }
        return exports
    }

    /// Runs a reused point whose values turned out to be unreadable, and rewrites its entry.
    private func recomputePoint(_ index: Int, _ sweep: SweepState, _ position: Int) -> [String: Value] {
        let sweepRunner = SweepRunner(
            runner: runner, cell: cells[index], analysis: analyses[index], inputs: inputs(analyses[index]), grid: sweep.grid,
            pointwise: pointwiseSources(index), jobs: 1)
        let point = sweep.points[position]
        let outcome = BigStack.run { sweepRunner.runPoint(point) }
        var components = sweep.components[position]
        components.files = outcome.filesRead
        if outcome.error == nil, let problem = storePoint(index, sweep, position, outcome, components) { warn(problem) }
        states[index].sweep?.outcomes[position] = outcome
        return Dictionary(outcome.exports, uniquingKeysWith: { first, _ in first })
    }

    /// The index records of a sweep cell: the cell (when it succeeded) and every point
    /// whose entry exists, so `folio clean` keeps them and `--explain` compares them.
    func sweepIndexRecords(_ index: Int) -> [CacheIndex.CellRecord] {
        guard let sweep = states[index].sweep else { return [] }
        var records: [CacheIndex.CellRecord] = []
        if succeeded(index), let components = states[index].components, let key = states[index].entryKey {
            records.append(CacheIndex.CellRecord(id: cells[index].id, components: components, entryKey: key))
        }
        for position in sweep.points.indices {
            let hasEntry = sweep.cached[position] != nil || sweep.outcomes[position].map { $0.error == nil } ?? false
            guard hasEntry else { continue }
            records.append(
                CacheIndex.CellRecord(
                    id: sweep.unitID(cells[index], position), components: sweep.components[position], entryKey: sweep.entryKeys[position]))
        }
        return records
    }

    /// `folio run-unit`: a cell the target does not need is skipped without running.
    func finishUnneeded(_ index: Int, for target: UnitTarget) {
        let cell = cells[index]
        record(
            index,
            CellResult(
                id: cell.id, label: cell.options.label, index: cell.index, line: cell.fenceLine, status: .skipped, seconds: 0,
                key: nil, outputs: [], error: nil, skipReason: "not needed for unit \(target.unit)", reasons: []))
    }
}

extension [CellOutput] {
    /// Appends one sweep point's outputs, its printed text headed by the point
    /// (`[kappa=2,nu=0.1] …`) and run together with the text before it, so a sweep's prints
    /// read as one block with a line per point, not a block per line.
    mutating func appendPointOutputs(_ pointOutputs: [CellOutput], of pointID: String) {
        guard let first = pointOutputs.first else { return }
        var headed = pointOutputs
        if case .text(let text) = first {
            headed[0] = .text("[\(pointID)] " + text)
        } else {
            headed.insert(.text("[\(pointID)]\n"), at: 0)
        }
        for output in headed {
            if case .text(let text) = output { appendText(text) } else { append(output) }
        }
    }
}
