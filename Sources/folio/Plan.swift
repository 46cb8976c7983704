import ArgumentParser
import Foundation
import FolioEngine
import FolioNotebook

/// `folio plan NOTEBOOK`: the work units (cells, sweep points) the cache does not hold yet,
/// with their keys, dependencies, stages and measured seconds; nothing runs.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the work units still to compute (cells, sweep points) without running anything.",
        discussion: "A cluster or CI matrix runs each with `folio run-unit`, stage by stage; see docs/scale-out.md.")

    @OptionGroup var arguments: RunArguments

    @Option(help: "The cache folder (default: OUTPUT/.cache).")
    var cache: String?

    @Flag(help: "Print the plan as JSON.")
    var json = false

    @Flag(help: ArgumentHelp(
        "First compute the cells that grids take their lists from and work estimates read (plain cells without a work estimate), so every unit is listed and projected."))
    var resolve = false

    func run() throws {
        let notebook = try arguments.loadNotebook()
        var plan = try Self.make(notebook, cacheDirectory: cacheDirectory)
        var computed: Set<String> = []
        while resolve, case let cells = plan.inputsToCompute.filter({ !computed.contains($0) }), !cells.isEmpty {
            for cell in cells { try compute(cell) }
            computed.formUnion(cells)
            plan = try Self.make(notebook, cacheDirectory: cacheDirectory)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(plan), as: UTF8.self))
        } else {
            print(Self.summary(plan))
        }
    }

    /// Computes plain cell `cell` (and what it reads) into the cache, as `folio run-unit`
    /// does; says so on standard error, so `--json` stays clean.
    private func compute(_ cell: String) throws {
        let (result, seconds) = try arguments.execute(cache: nil, showsProgress: false) { _, options in
            options.unit = cell
            options.useCache = true
            options.cacheDirectory = cacheDirectory
        }
        let status = result.cells.first { $0.id == cell }?.status
        NotebookLoading.printError(String(format: "plan: computed %@ for the plan (%@) in %.2f s", cell, status?.rawValue ?? "?", seconds))
        guard status == .ran || status == .cached else { throw ExitCode(1) }
    }

    var cacheDirectory: URL {
        cache.map { URL(fileURLWithPath: $0) } ?? arguments.outputDirectory.appendingPathComponent(".cache")
    }

    /// The plan, or exit 1 after printing the static-check errors.
    static func make(_ notebook: Notebook, cacheDirectory: URL) throws -> WorkPlan {
        switch Engine.plan(notebook, cacheDirectory: cacheDirectory) {
        case .success(let plan): return plan
        case .failure(let problems):
            NotebookLoading.report(problems.diagnostics)
            throw ExitCode(1)
        }
    }

    /// One line per stage and the measured total.
    static func summary(_ plan: WorkPlan) -> String {
        var lines = ["\(plan.units.count) unit\(plan.units.count == 1 ? "" : "s") to compute, \(plan.cachedUnits) cached"]
        for (stage, units) in plan.stages.enumerated() {
            let cells = units.map(\.cell).inFirstOrder
            lines.append("stage \(stage): \(units.count) unit\(units.count == 1 ? "" : "s") (\(cells.joined(separator: ", ")))")
        }
        for waiting in plan.waiting {
            lines.append("waiting: \(waiting.cell), until \(waiting.on) is computed (\(waiting.reason))")
        }
        guard !plan.units.isEmpty else { return lines.joined(separator: "\n") }
        let expected = plan.expected
        lines.append("measured with these params: \(Self.duration(expected.measured)) for \(Self.count(expected.measuredUnits))")
        if expected.projectedUnits > 0 {
            let other = plan.otherMeasuredParams
            let rates = other.isEmpty ? "" : ", measured with " + other.keys.sorted().map { "\($0)=\(other[$0]!.joined(separator: "|"))" }.joined(separator: ", ")
            lines.append(
                "projected from work estimates: \(Self.duration(expected.projected)) for \(Self.count(expected.projectedUnits))"
                    + " (CPU seconds per unit of work in the last render\(rates)), by cell:")
            lines += Self.projectionByCell(plan)
        }
        lines.append(
            "expected: \(Self.duration(expected.measured + expected.projected))"
                + (expected.unknownUnits > 0 ? ", not counting \(Self.count(expected.unknownUnits)) without an estimate:" : ""))
        let reasons = plan.unprojected.map(\.reason).inFirstOrder
        for reason in reasons {
            let cells = plan.unprojected.filter { $0.reason == reason }.map { "\($0.cell) (\($0.units))" }
            lines.append("  \(reason): \(cells.joined(separator: ", "))")
        }
        if !plan.inputsToCompute.isEmpty {
            lines.append("`folio plan --resolve` computes \(plan.inputsToCompute.joined(separator: ", ")) first, to list and project what waits on them")
        }
        return lines.joined(separator: "\n")
    }

    /// One line per cell with projected units, costliest first: units, projected time and the
    /// longest unit (what a cluster's time limit must allow).
    private static func projectionByCell(_ plan: WorkPlan) -> [String] {
        let projected = plan.units.filter(\.isProjected)
        let cells = projected.map(\.cell).inFirstOrder
        let rows = cells.map { cell in
            let seconds = projected.filter { $0.cell == cell }.compactMap(\.projectedSeconds)
            return (cell: cell, units: seconds.count, total: seconds.reduce(0, +), longest: seconds.max() ?? 0)
        }
        return rows.sorted { $0.total > $1.total }.map { row in
            "  \(row.cell): \(count(row.units)), \(duration(row.total)), longest unit \(String(format: "%.3g", row.longest)) s"
        }
    }

    /// `5 units`, `1 unit`.
    private static func count(_ units: Int) -> String { "\(units) unit\(units == 1 ? "" : "s")" }

    /// Seconds with their CPU-hours: `12.0 s = 0.003 CPU-hours`.
    private static func duration(_ seconds: Double) -> String {
        let hours = seconds / 3600
        let time = seconds < 1e5 ? String(format: "%.1f s", seconds) : String(format: "%.3g s", seconds)
        return time + " = " + (hours >= 100 ? String(format: "%.3g", hours) : String(format: "%.3f", hours)) + " CPU-hours"
    }
}

extension [String] {
    /// Each string once, in the order it first appears.
    fileprivate var inFirstOrder: [String] {
        var seen: Set<String> = []
        return filter { seen.insert($0).inserted }
    }
}
