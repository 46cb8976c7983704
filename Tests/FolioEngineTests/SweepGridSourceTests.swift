import Foundation
import Testing
import FolioNotebook
@testable import FolioEngine

/// Sweep grids whose lists are named (`kappa: kappas`, `kappa: params.kappas`) rather than
/// written out: resolved when the list is known, checked by lint, planned once known.
@Suite struct SweepGridSourceTests {
    /// A grid cell defining `kappas`, a sweep over `kappas` × two ratios, and a summary.
    static func source(kappas: String, gridCode: String? = nil) -> String {
        TestSupport.source(cells: [
            "//| label: grid\n" + (gridCode ?? "let kappas = \(kappas)"),
            "//| label: base\nlet offset = 1.0",
            "//| label: runs\n//| sweep: { kappa: kappas, nu: [0.1, 0.3] }\nlet value = Double(kappa) * nu + offset + mean(normalSamples(count: 4))",
            "//| label: summary\nlet heat = value.grid(rows: \"kappa\", cols: \"nu\")\nprint(heat.rows)",
        ])
    }

    static func messages(_ source: String) -> [String] {
        let (notebook, parseDiagnostics) = Notebook.parse(source: source, path: "grid.md")
        return (parseDiagnostics + Engine.lint(notebook)).map { "\($0.line):\($0.column): \($0.message)" }
    }

    @Test func aNamedListIsTheGridAndChangingItRunsOnlyTheNewPoints() {
        let cache = TestSupport.temporaryDirectory()
        let first = SweepTests.render(Self.source(kappas: "[2, 4]"), cache: cache)
        #expect(first.succeeded)
        #expect(SweepTests.points(first).keys.sorted() == ["kappa=2,nu=0.1", "kappa=2,nu=0.3", "kappa=4,nu=0.1", "kappa=4,nu=0.3"])
        #expect(first.cells.last?.outputs == [.text("2\n")])
        // The list's cell is not part of a point's key: a new value runs only its points.
        let second = SweepTests.render(Self.source(kappas: "[2, 4, 6]"), cache: cache)
        #expect(second.succeeded)
        let statuses = SweepTests.points(second)
        #expect(statuses.filter { $0.value.status == .ran }.keys.sorted() == ["kappa=6,nu=0.1", "kappa=6,nu=0.3"])
        #expect(statuses.values.filter { $0.status == .cached }.count == 4)
        #expect(second.cells.last?.outputs == [.text("3\n")])
        // A range is a list of Ints.
        let ranged = SweepTests.render(Self.source(kappas: "", gridCode: "let kappas = 2..<5"), cache: cache)
        #expect(SweepTests.points(ranged).count == 6)
    }

    @Test func aPointsNumbersAreTheSameWhetherItsGridIsNamedOrWritten() throws {
        let named = try SweepTests.probe(Self.source(kappas: "[2, 4]"), point: "[\"kappa\": 4, \"nu\": 0.3]")
        let written = Self.source(kappas: "[2, 4]").replacingOccurrences(of: "kappa: kappas", with: "kappa: [2, 4]")
        #expect(try SweepTests.probe(written, point: "[\"kappa\": 4, \"nu\": 0.3]") == named)
    }

    @Test func aParamListIsTheGridAndAParamOverrideChangesIt() {
        let source = TestSupport.source(
            cells: ["//| label: runs\n//| sweep: { k: params.ks }\nprint(k * 10)"], params: ["ks: [1, 2]"])
        var (notebook, _) = Notebook.parse(source: source, path: "grid.md")
        #expect(Engine.lint(notebook).isEmpty)
        #expect(notebook.applyParams([(name: "ks", value: "3,4,5")]).isEmpty)
        let result = Engine.run(notebook, options: RunOptions(cacheDirectory: TestSupport.temporaryDirectory()))
        #expect(result.cells.first?.outputs == [.text("[k=3] 30\n[k=4] 40\n[k=5] 50\n")])
    }

    @Test func lintChecksWhereTheListsComeFrom() {
        let source = TestSupport.source(
            cells: [
                "let kapas = [1, 2]\nlet single = 3",
                "//| sweep: { kappa: kappas }\nlet a = kappa",
                "//| sweep: { kappa: later }\nlet b = kappa",
                "//| sweep: { kappa: params.missing, nu: params.ratio, mu: params.twice }\nlet c = kappa + nu + mu",
                "let later = [1]",
                "//| sweep: { kappa: kapas, nu: 3 }\nlet d = kappa + nu",
            ],
            params: ["ratio: 0.5", "single: 3", "twice: [1, 1]"])
        let messages = Self.messages(source)
        #expect(messages.contains("15:21: sweep variable 'kappa' takes its values from unknown name 'kappas'"))
        #expect(messages.contains("20:21: sweep variable 'kappa' takes its values from 'later', defined by the cell at line 29"))
        #expect(messages.contains("25:21: sweep variable 'kappa' takes its values from unknown parameter 'missing'"))
        #expect(messages.contains("25:41: sweep variable 'nu' takes its values from 'params.ratio', a Double, not a list"))
        #expect(messages.contains("25:59: sweep variable 'mu' (from 'params.twice') lists a value twice"))
        #expect(messages.contains("34:28: sweep variable 'nu' needs a list of values or the name of one"))
        #expect(messages.count == 6)
        let (notebook, _) = Notebook.parse(source: source, path: "grid.md")
        let hints = Engine.lint(notebook).compactMap(\.hint)
        #expect(hints.contains("did you mean 'kapas'?"))
    }

    @Test func aListThatIsNoListFailsTheCellAtItsSweepOption() throws {
        for (code, message) in [
            ("let kappas = zeros(rows: 2, columns: 2)", "'kappas' is a Matrix, not a list of Int, Double, Bool or String values"),
            ("let kappas = [1, 1]", "sweep variable 'kappa' (from 'kappas') lists a value twice"),
            ("let kappas: [Int] = []", "sweep variable 'kappa' (from 'kappas') needs a non-empty list of values"),
        ] {
            let result = SweepTests.render(Self.source(kappas: "", gridCode: code), cache: TestSupport.temporaryDirectory())
            let runs = try #require(result.cells.first { $0.id == "runs" })
            #expect(runs.status == .failed)
            #expect(runs.error?.message == message)
            #expect(runs.error.map { "\($0.line):\($0.column)" } == "17:12")
            #expect(result.cells.last?.status == .skipped)
        }
    }

    @Test func aGridWaitsInThePlanUntilItsListIsComputed() throws {
        let cache = TestSupport.temporaryDirectory()
        let source = Self.source(kappas: "[2, 4]")
        let cold = try PlanTests.plan(source, cache: cache)
        #expect(cold.units.map(\.id) == ["grid", "base"])
        #expect(cold.waiting.map(\.cell) == ["runs", "summary"])
        #expect(cold.waiting.first?.on == "grid")
        #expect(cold.waiting.first?.reason == "its grid reads kappas: kappa ∈ kappas × nu ∈ {0.1, 0.3}")
        #expect(SweepTests.render(source, cache: cache, unit: "grid").cells.first?.status == .ran)
        let warm = try PlanTests.plan(source, cache: cache)
        #expect(warm.waiting.isEmpty)
        #expect(warm.units.map(\.id).prefix(4) == ["base", "runs[kappa=2,nu=0.1]", "runs[kappa=2,nu=0.3]", "runs[kappa=4,nu=0.1]"])
        #expect(warm.units.first { $0.id == "runs[kappa=2,nu=0.1]" }?.dependsOn == ["base"])
    }

    @Test func runUnitChecksAPointAgainstTheResolvedGrid() throws {
        let cache = TestSupport.temporaryDirectory()
        let source = Self.source(kappas: "[2, 4]")
        let (notebook, _) = Notebook.parse(source: source, path: "grid.md")
        #expect(Engine.isPointOfResolvedLaterGrid("runs[kappa=4,nu=0.3]", in: notebook))
        #expect(!Engine.isPointOfResolvedLaterGrid("base[kappa=4]", in: notebook))
        let unit = SweepTests.render(source, cache: cache, unit: "runs[kappa=4,nu=0.3]")
        #expect(SweepTests.points(unit).map(\.key) == ["kappa=4,nu=0.3"])
        #expect(SweepTests.points(unit).values.first?.status == .ran)
        let missing = SweepTests.render(source, cache: cache, unit: "runs[kappa=5,nu=0.3]")
        let runs = try #require(missing.cells.first { $0.id == "runs" })
        #expect(runs.status == .failed)
        #expect(runs.error?.message == "sweep cell 'runs' has no point 'kappa=5,nu=0.3'")
        #expect(runs.error?.hint == "its grid is kappa ∈ {2, 4} × nu ∈ {0.1, 0.3}; `folio plan` lists the units")
    }
}
