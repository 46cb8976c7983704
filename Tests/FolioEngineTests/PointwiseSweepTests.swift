import Foundation
import Testing
import FolioNotebook
@testable import FolioEngine

/// A sweep that has all of another sweep's variables reads it point by point: each of its
/// points sees the other's value at the same coordinates, hashes that point's key and loads
/// that point only.
@Suite struct PointwiseSweepTests {
    /// `problems` computes one value per (kappa, nu), with a random draw so that every point
    /// has a value of its own; `models` reads it pointwise, with a `weight` of its own;
    /// `summary` reads both whole and prints them.
    static func source(kappas: String, modelKappas: String? = nil) -> String {
        TestSupport.source(cells: [
            "//| label: problems\n//| sweep: { kappa: \(kappas), nu: [0.5, 0.25] }\nlet sample = Double(kappa) * 10 + nu + 0 * mean(normalSamples(count: 2))",
            "//| label: models\n//| sweep: { kappa: \(modelKappas ?? kappas), nu: [0.5, 0.25], weight: [1, 2] }\nlet fitted = sample * Double(weight)",
            "//| label: summary\nprint(fitted.values)",
        ])
    }

    static func printed(_ result: RunResult, _ id: String = "summary") -> String {
        result.cells.first { $0.id == id }?.outputs.compactMap { if case .text(let text) = $0 { text } else { nil } }.joined() ?? ""
    }

    @Test func eachPointSeesTheUpstreamValueAtItsOwnCoordinates() {
        let result = SweepTests.render(Self.source(kappas: "[1, 2]"), cache: TestSupport.temporaryDirectory())
        #expect(result.succeeded)
        #expect(Self.printed(result) == "[10.5, 21.0, 10.25, 20.5, 20.5, 41.0, 20.25, 40.5]\n")
    }

    @Test func lintTypesAPointwiseReadAsOnePointsValue() {
        let source = TestSupport.source(cells: [
            "//| label: fits\n//| sweep: { k: [1, 2] }\nlet fit = svd(matrix([[Double(k), 0], [0, 1]]))",
            "//| label: uses\n//| sweep: { k: [1, 2], trial: [0] }\nlet values = fit.singularValue",
            "//| label: whole\nlet all = fit.singularValue",
        ])
        let (notebook, _) = Notebook.parse(source: source, path: "lint.md")
        let diagnostics = Engine.lint(notebook)
        #expect(diagnostics.map(\.message) == ["value of type SVD has no member 'singularValue'"])
        #expect(diagnostics.first?.line == 14)
    }

    @Test func growingTheGridRunsOnlyTheNewPointsDownstreamToo() {
        let cache = TestSupport.temporaryDirectory()
        #expect(SweepTests.render(Self.source(kappas: "[1, 2]"), cache: cache).succeeded)
        let grown = SweepTests.render(Self.source(kappas: "[1, 2, 3]"), cache: cache)
        #expect(grown.succeeded)
        let ran = SweepTests.points(grown, "models").values.filter { $0.status == .ran }.map(\.id)
        #expect(Set(ran) == ["kappa=3,nu=0.5,weight=1", "kappa=3,nu=0.5,weight=2", "kappa=3,nu=0.25,weight=1", "kappa=3,nu=0.25,weight=2"])
        #expect(SweepTests.points(grown, "problems").values.filter { $0.status == .ran }.count == 2)
    }

    @Test func thePlanLinksEachPointToTheUpstreamPointItReads() throws {
        let cache = TestSupport.temporaryDirectory()
        #expect(SweepTests.render(Self.source(kappas: "[1, 2]"), cache: cache).succeeded)
        let plan = try PlanTests.plan(Self.source(kappas: "[1, 2, 3]"), cache: cache)
        let models = plan.units.filter { $0.cell == "models" }
        #expect(models.map(\.id) == [
            "models[kappa=3,nu=0.5,weight=1]", "models[kappa=3,nu=0.5,weight=2]", "models[kappa=3,nu=0.25,weight=1]",
            "models[kappa=3,nu=0.25,weight=2]",
        ])
        #expect(models.first?.dependsOn == ["problems[kappa=3,nu=0.5]"])
        #expect(models.allSatisfy { $0.stage == 1 && $0.key == nil })
        #expect(plan.cachedUnits == 4 + 8)
    }

    @Test func runUnitLoadsOnlyThePointItReads() {
        let cache = TestSupport.temporaryDirectory()
        let source = Self.source(kappas: "[1, 2, 3]")
        for kappa in 1...3 {
            for nu in ["0.5", "0.25"] {
                let unit = SweepTests.render(source, cache: cache, unit: "problems[kappa=\(kappa),nu=\(nu)]")
                #expect(SweepTests.points(unit, "problems").values.map(\.status) == [.ran])
            }
        }
        let unit = SweepTests.render(source, cache: cache, unit: "models[kappa=2,nu=0.25,weight=2]")
        #expect(SweepTests.points(unit, "models").values.map(\.status) == [.ran])
        #expect(unit.cacheActivity.valuesRead == 1)
        let full = SweepTests.render(source, cache: cache)
        #expect(SweepTests.points(full, "models")["kappa=2,nu=0.25,weight=2"]?.status == .cached)
        #expect(Self.printed(full) == "[10.5, 21.0, 10.25, 20.5, 20.5, 41.0, 20.25, 40.5, 30.5, 61.0, 30.25, 60.5]\n")
    }

    /// A warm render that reads `models` whole loads its points, not the `problems` points
    /// they read, unless a restored function may look those up.
    @Test func readingTheDownstreamSweepWholeLoadsNotItsPointwiseInputs() {
        let cache = TestSupport.temporaryDirectory()
        let source = Self.source(kappas: "[1, 2]")
        #expect(SweepTests.render(source, cache: cache).succeeded)
        let changed = SweepTests.render(source.replacingOccurrences(of: "print(fitted.values)", with: "print(fitted.values.count)"), cache: cache)
        #expect(Self.printed(changed) == "8\n")
        #expect(changed.cacheActivity.valuesRead == 8)

        let withFunction = TestSupport.source(cells: [
            "//| label: problems\n//| sweep: { k: [1, 2] }\nlet sample = Double(k) * 10",
            "//| label: models\n//| sweep: { k: [1, 2] }\nfunc scaled(_ x: Double) -> Double { x * sample }",
            "//| label: summary\nprint(scaled.values[1](0.5))",
        ])
        #expect(SweepTests.render(withFunction, cache: cache).succeeded)
        let warm = SweepTests.render(withFunction.replacingOccurrences(of: "(0.5)", with: "(2.0)"), cache: cache)
        #expect(Self.printed(warm) == "40.0\n")
        #expect(warm.cacheActivity.valuesRead == 4)
    }

    @Test func lintFindsAValueTheUpstreamSweepLacksWhenBothGridsAreWritten() {
        let (notebook, _) = Notebook.parse(source: Self.source(kappas: "[1, 2]", modelKappas: "[1, 2.0, 5]"), path: "lint.md")
        let diagnostics = Engine.lint(notebook)
        #expect(diagnostics.map(\.message) == ["sweep cell 'models' reads 'sample' point by point, but sweep cell 'problems' has no kappa = 5.0"])
        #expect(diagnostics.first.map { [$0.line, $0.column] } == [13, 14])
    }

    /// A grid computed by a cell is checked when it is resolved.
    @Test func aPointTheUpstreamSweepLacksFailsTheCellAtItsGrid() {
        let source = Self.source(kappas: "[1, 2]", modelKappas: "modelKappas")
            .replacingOccurrences(of: "```swift\n//| label: models", with: "```swift\nlet modelKappas = [1, 2, 5]\n```\n\n```swift\n//| label: models")
        let result = SweepTests.render(source, cache: TestSupport.temporaryDirectory())
        let models = result.cells.first { $0.id == "models" }
        #expect(models?.status == .failed)
        #expect(models?.error?.message == "sweep cell 'models' reads 'sample' point by point, but sweep cell 'problems' has no point for kappa=5,nu=0.5,weight=1 (and 3 more points)")
        #expect(models?.error?.line == 17)
        #expect(result.cells.first { $0.id == "summary" }?.status == .skipped)
    }
}
