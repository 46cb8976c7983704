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

    func run() throws {
        let notebook = try arguments.loadNotebook()
        let plan = try Self.make(notebook, cacheDirectory: cacheDirectory)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(plan), as: UTF8.self))
        } else {
            print(Self.summary(plan))
        }
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
            let cells = units.map(\.cell).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            lines.append("stage \(stage): \(units.count) unit\(units.count == 1 ? "" : "s") (\(cells.joined(separator: ", ")))")
        }
        for waiting in plan.waiting {
            lines.append("waiting: \(waiting.cell), until \(waiting.on) is computed (\(waiting.reason))")
        }
        let measured = plan.measuredSeconds
        if !plan.units.isEmpty {
            let hours = measured.total / 3600
            let unknown = measured.unknown > 0 ? " (\(measured.unknown) unit\(measured.unknown == 1 ? "" : "s") never measured)" : ""
            lines.append(String(format: "measured: %.1f s = %.3f CPU-hours", measured.total, hours) + unknown)
        }
        let other = plan.otherMeasuredParams
        if !other.isEmpty {
            let params = other.keys.sorted().map { "\($0)=\(other[$0]!.joined(separator: "|"))" }.joined(separator: ", ")
            let count = plan.units.filter { $0.measuredWith != nil }.count
            lines.append(
                String(format: "not counted: %.1f s of %d unit%@ measured with %@, at other sizes:", measured.otherParams, count, count == 1 ? "" : "s", params)
                    + " no projection for these params (a notebook's own cost model, if it has one, is)")
        }
        return lines.joined(separator: "\n")
    }
}
