import Foundation
import Testing
import FolioNotebook
@testable import FolioEngine

/// `folio plan`: the units still to compute, their keys, dependencies, stages and seconds.
@Suite struct PlanTests {
    static func plan(_ source: String, cache: URL) throws -> WorkPlan {
        let (notebook, _) = Notebook.parse(source: source, path: "sweep.md")
        return try Engine.plan(notebook, cacheDirectory: cache).get()
    }

    @Test func aColdPlanListsEveryUnitByStageWithKeysOnlyWhereKnown() throws {
        let plan = try Self.plan(SweepTests.source(kappas: "[2, 4]"), cache: TestSupport.temporaryDirectory())
        #expect(plan.cachedUnits == 0)
        #expect(plan.stages.map(\.count) == [1, 8, 1])
        #expect(plan.units[0].id == "base" && plan.units[0].key != nil)
        #expect(plan.units[1].id == "runs[kappa=2,nu=0.1,trial=0]")
        #expect(plan.units[1].dependsOn == ["base"])
        #expect(plan.units[1].key == nil)
        #expect(plan.units.last?.dependsOn.count == 8)
        #expect(plan.units.allSatisfy { $0.measuredSeconds == nil })
    }

    @Test func afterARenderOnlyNewPointsArePlannedWithTheKeysTheRenderUses() throws {
        let cache = TestSupport.temporaryDirectory()
        let rendered = SweepTests.render(SweepTests.source(kappas: "[2, 4]"), cache: cache)
        #expect(rendered.succeeded)
        #expect(try Self.plan(SweepTests.source(kappas: "[2, 4]"), cache: cache).units.isEmpty)
        let plan = try Self.plan(SweepTests.source(kappas: "[2, 4, 6]"), cache: cache)
        #expect(plan.cachedUnits == 9)
        #expect(plan.units.map(\.id).prefix(4) == [
            "runs[kappa=6,nu=0.1,trial=0]", "runs[kappa=6,nu=0.1,trial=1]", "runs[kappa=6,nu=0.3,trial=0]", "runs[kappa=6,nu=0.3,trial=1]",
        ])
        #expect(plan.units.first?.stage == 0)
        #expect(plan.units.last?.id == "summary" && plan.units.last?.stage == 1)
        // New points are projected from the measured ones of their cell.
        #expect(plan.units.first?.measuredSeconds != nil)
        let rerun = SweepTests.render(SweepTests.source(kappas: "[2, 4, 6]"), cache: cache)
        let keys = Dictionary(uniqueKeysWithValues: (rerun.cells[1].points).map { ("runs[\($0.id)]", $0.key) })
        for unit in plan.units where unit.point != nil { #expect(unit.key == keys[unit.id]) }
    }

    /// Measurements from a run with other params (another size) are flagged, not projected.
    @Test func secondsMeasuredWithOtherParamsNameThoseParams() throws {
        let source = TestSupport.source(
            cells: ["//| label: runs\n//| sweep: { k: [1, 2] }\nlet total = sum(normalSamples(count: params.size * k))", "//| label: later\nlet doubled = total.values.map { $0 * 2 }"],
            params: ["size: 10"])
        let cache = TestSupport.temporaryDirectory()
        #expect(SweepTests.render(source, cache: cache).succeeded)
        var (notebook, _) = Notebook.parse(source: source.replacingOccurrences(of: "k: [1, 2]", with: "k: [1, 2, 3]"), path: "sweep.md")
        let samePlan = try Engine.plan(notebook, cacheDirectory: cache).get()
        #expect(samePlan.units.map(\.id) == ["runs[k=3]", "later"])
        #expect(samePlan.units.allSatisfy { $0.measuredSeconds != nil && $0.measuredWith == nil })
        #expect(notebook.applyParams([("size", "1000")]).isEmpty)
        let plan = try Engine.plan(notebook, cacheDirectory: cache).get()
        // `later` reads no param itself, but what it reads was computed with size = 10.
        #expect(plan.units.map(\.id) == ["runs[k=1]", "runs[k=2]", "runs[k=3]", "later"])
        #expect(plan.units.allSatisfy { $0.measuredSeconds != nil && $0.measuredWith == ["size": "10"] })
        #expect(plan.expected.measured == 0 && plan.expected.measuredUnits == 0)
        #expect(plan.units.compactMap(\.measuredSeconds).reduce(0, +) > 0)
        #expect(plan.otherMeasuredParams == ["size": ["10"]])
    }

    @Test func unitIDsNameEveryCellAndPoint() {
        let (notebook, _) = Notebook.parse(source: SweepTests.source(kappas: "[2]", trials: 1), path: "sweep.md")
        #expect(Engine.unitIDs(notebook) == ["base", "runs[kappa=2,nu=0.1,trial=0]", "runs[kappa=2,nu=0.3,trial=0]", "summary"])
        #expect(Engine.unitParts("runs[kappa=2,nu=0.1,trial=0]") == ("runs", "kappa=2,nu=0.1,trial=0"))
    }
}

/// Work estimates (`//| work:`): seconds per unit of work measured in one render project
/// what units cost at other sizes.
@Suite struct WorkProjectionTests {
    static let source = TestSupport.source(
        cells: [
            "//| label: sizes\nlet n = params.size * 10",
            "//| label: runs\n//| sweep: { k: [1, 2] }\n//| work: Double(n * k)\nlet total = sum(normalSamples(count: n * k))",
            "//| label: later\nlet doubled = total.values.map { $0 * 2 }",
        ],
        params: ["size: 10"])

    static func notebook(_ source: String = source, size: String) -> Notebook {
        var (notebook, _) = Notebook.parse(source: source, path: "sweep.md")
        #expect(notebook.applyParams([("size", size)]).isEmpty)
        return notebook
    }

    @Test func unitsAtOtherSizesAreProjectedFromTheRateOfTheLastRender() throws {
        let cache = TestSupport.temporaryDirectory()
        let rendered = SweepTests.render(Self.source, cache: cache)
        #expect(rendered.succeeded)
        // It ran with n = 100; the rate is CPU seconds per unit of work.
        let store = CellCache(directory: cache, notebook: Self.notebook(size: "10"), sandbox: Engine.sandbox(Self.notebook(size: "10")), readsPrevious: false)
        let cpuSeconds = rendered.cells[1].points.compactMap { point -> Double? in
            guard case .found(let found) = store.lookupCell(key: point.key) else { return nil }
            return found.entry.cpuSeconds
        }
        #expect(cpuSeconds.count == 2)
        let rate = cpuSeconds.reduce(0, +) / (100.0 * 1 + 100.0 * 2)

        let notebook = Self.notebook(size: "1000")
        let waiting = try Engine.plan(notebook, cacheDirectory: cache).get()
        #expect(waiting.units.map(\.id) == ["sizes", "runs[k=1]", "runs[k=2]", "later"])
        #expect(waiting.units.allSatisfy { $0.projectedSeconds == nil })
        #expect(
            waiting.unprojected == [
                WorkPlan.Unprojected(cell: "sizes", units: 1, reason: "no work estimate"),
                WorkPlan.Unprojected(cell: "runs", units: 2, reason: "its work estimate reads sizes, still to compute"),
                WorkPlan.Unprojected(cell: "later", units: 1, reason: "no work estimate"),
            ])
        #expect(waiting.inputsToCompute == ["sizes"])

        // What `folio plan --resolve` does: compute the sizes at the new params, plan again.
        var options = RunOptions(cacheDirectory: cache)
        options.unit = "sizes"
        #expect(Engine.run(notebook, options: options).cells[0].status == .ran)
        let plan = try Engine.plan(notebook, cacheDirectory: cache).get()
        #expect(plan.units.map(\.id) == ["runs[k=1]", "runs[k=2]", "later"])
        #expect(plan.units.map(\.work) == [10_000, 20_000, nil])
        for unit in plan.units.prefix(2) {
            let expected = try #require(unit.work) * rate
            #expect(abs(try #require(unit.projectedSeconds) - expected) <= 1e-12 * expected)
        }
        #expect(plan.inputsToCompute.isEmpty)
        #expect(plan.expected.projectedUnits == 2 && plan.expected.unknownUnits == 1)
        #expect(plan.unprojected == [WorkPlan.Unprojected(cell: "later", units: 1, reason: "no work estimate")])
    }

    @Test func anEditedEstimateIsNotProjectedFromMeasurementsOfTheOldOne() throws {
        let cache = TestSupport.temporaryDirectory()
        #expect(SweepTests.render(Self.source, cache: cache).succeeded)
        let edited = Self.source.replacingOccurrences(of: "//| work: Double(n * k)", with: "//| work: Double(n * k * k)")
        let plan = try Engine.plan(Self.notebook(edited, size: "10"), cacheDirectory: cache).get()
        // The estimate changes no result: every unit is still cached.
        #expect(plan.units.isEmpty && plan.cachedUnits == 4)
        let bigger = try Engine.plan(Self.notebook(edited, size: "20"), cacheDirectory: cache).get()
        #expect(bigger.unprojected.contains { $0.cell == "runs" && $0.reason.hasPrefix("its work estimate was not measured yet") })
    }

    @Test func theRunRecordsTheEstimateBesideTheSeconds() throws {
        let cache = TestSupport.temporaryDirectory()
        let rendered = SweepTests.render(Self.source, cache: cache)
        let (notebook, _) = Notebook.parse(source: Self.source, path: "sweep.md")
        let store = CellCache(directory: cache, notebook: notebook, sandbox: Engine.sandbox(notebook), readsPrevious: false)
        let works = rendered.cells[1].points.compactMap { point -> MeasuredWork? in
            guard case .found(let found) = store.lookupCell(key: point.key) else { return nil }
            return found.entry.work
        }
        #expect(works == [MeasuredWork(expression: "Double(n * k)", value: 100), MeasuredWork(expression: "Double(n * k)", value: 200)])
        // And what each point cost in CPU time, which the rate is taken from.
        for point in rendered.cells[1].points {
            guard case .found(let found) = store.lookupCell(key: point.key) else { continue }
            #expect((found.entry.cpuSeconds ?? 0) > 0)
        }
    }
}
