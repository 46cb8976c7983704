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
        #expect(plan.measuredSeconds.total == 0 && plan.measuredSeconds.otherParams > 0)
        #expect(plan.otherMeasuredParams == ["size": ["10"]])
    }

    @Test func unitIDsNameEveryCellAndPoint() {
        let (notebook, _) = Notebook.parse(source: SweepTests.source(kappas: "[2]", trials: 1), path: "sweep.md")
        #expect(Engine.unitIDs(notebook) == ["base", "runs[kappa=2,nu=0.1,trial=0]", "runs[kappa=2,nu=0.3,trial=0]", "summary"])
        #expect(Engine.unitParts("runs[kappa=2,nu=0.1,trial=0]") == ("runs", "kappa=2,nu=0.1,trial=0"))
    }
}
