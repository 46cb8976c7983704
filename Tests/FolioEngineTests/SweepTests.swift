import Foundation
import Testing
import FolioNotebook
@testable import FolioEngine

/// Sweep cells: each point is a work unit with its own cache entry and random stream.
@Suite struct SweepTests {
    /// A notebook whose sweep cell draws random numbers at each point of `kappas` × 2 × trials.
    static func source(kappas: String, trials: Int = 2, failing: Bool = false) -> String {
        let body = failing ? "let value = [10.0, 20.0][kappa] + nu" : "let value = Double(kappa) * nu + mean(normalSamples(count: 4))"
        return TestSupport.source(cells: [
            "//| label: base\nlet offset = 1.0",
            "//| label: runs\n//| sweep: { kappa: \(kappas), nu: [0.1, 0.3] }\n//| trials: \(trials)\n\(body) + offset",
            "//| label: summary\nlet averaged = value.mean(over: \"trial\")\nlet heat = averaged.grid(rows: \"kappa\", cols: \"nu\")",
        ])
    }

    static func render(_ source: String, cache: URL, jobs: Int = 2, unit: String? = nil) -> RunResult {
        let (notebook, _) = Notebook.parse(source: source, path: "sweep.md")
        var options = RunOptions(cacheDirectory: cache)
        options.jobs = jobs
        options.unit = unit
        return Engine.run(notebook, options: options)
    }

    static func points(_ result: RunResult, _ id: String = "runs") -> [String: SweepPointResult] {
        Dictionary(uniqueKeysWithValues: (result.cells.first { $0.id == id }?.points ?? []).map { ($0.id, $0) })
    }

    @Test func gridPointsRunLastVariableFastestWithTrialsLast() throws {
        let (notebook, diagnostics) = Notebook.parse(source: Self.source(kappas: "[2, 4]"), path: "sweep.md")
        #expect(diagnostics.isEmpty)
        let grid = try #require(notebook.cells[1].options.sweep)
        #expect(grid.variables.map(\.name) == ["kappa", "nu", "trial"])
        #expect(grid.points.map(\.id).prefix(3) == ["kappa=2,nu=0.1,trial=0", "kappa=2,nu=0.1,trial=1", "kappa=2,nu=0.3,trial=0"])
        #expect(grid.points.count == 8)
    }

    /// A sweep's prints read as one block, a line per point headed by the point.
    @Test func printedLinesAreHeadedByTheirPointInOneBlock() {
        let source = TestSupport.source(cells: ["//| label: runs\n//| sweep: { k: [1, 2] }\nprint(\"value \\(k * 10)\")"])
        let result = Self.render(source, cache: TestSupport.temporaryDirectory())
        #expect(result.cells.first?.outputs == [.text("[k=1] value 10\n[k=2] value 20\n")])
    }

    @Test func addingAGridValueRunsOnlyTheNewPoints() {
        let cache = TestSupport.temporaryDirectory()
        let first = Self.render(Self.source(kappas: "[2, 4]"), cache: cache)
        #expect(first.succeeded)
        #expect(Self.points(first).values.allSatisfy { $0.status == .ran })
        let second = Self.render(Self.source(kappas: "[2, 4, 6]"), cache: cache)
        #expect(second.succeeded)
        let statuses = Self.points(second)
        #expect(statuses.count == 12)
        #expect(statuses.filter { $0.value.status == .ran }.keys.allSatisfy { $0.hasPrefix("kappa=6,") })
        #expect(statuses.values.filter { $0.status == .ran }.count == 4)
        #expect(second.cells.first { $0.id == "summary" }?.status == .ran)
        let third = Self.render(Self.source(kappas: "[2, 4, 6]"), cache: cache)
        #expect(third.cells.allSatisfy { $0.status == .cached })
    }

    @Test func aPointsNumbersDoNotDependOnTheOtherPointsOrOnJobs() throws {
        let point = "[\"kappa\": 4, \"nu\": 0.3, \"trial\": 1]"
        let alone = try Self.probe(Self.source(kappas: "[4]"), point: point, jobs: 1)
        let among = try Self.probe(Self.source(kappas: "[2, 4, 8]"), point: point, jobs: 2)
        #expect(alone == among)
        // Another trial draws other numbers (its own stream).
        let otherTrial = try Self.probe(Self.source(kappas: "[2, 4, 8]"), point: "[\"kappa\": 4, \"nu\": 0.3, \"trial\": 0]")
        #expect(otherTrial != among)
    }

    /// The printed text of `value.at(point)` in a cell appended to `source`, rendered cold.
    static func probe(_ source: String, point: String, jobs: Int = 2) throws -> String {
        let probed = source + "\n```swift\n//| label: probe\nprint(value.at(\(point)))\n```\n"
        let result = Self.render(probed, cache: TestSupport.temporaryDirectory(), jobs: jobs)
        #expect(result.succeeded)
        let probe = try #require(result.cells.last)
        return probe.outputs.compactMap { if case .text(let text) = $0 { text } else { nil } }.joined()
    }

    @Test func aFailingPointListsTheFailuresAndTheOthersKeepTheirEntries() throws {
        let cache = TestSupport.temporaryDirectory()
        let first = Self.render(Self.source(kappas: "[0, 1, 2]", trials: 1, failing: true), cache: cache)
        let runs = try #require(first.cells.first { $0.id == "runs" })
        #expect(runs.status == .failed)
        let message = try #require(runs.error?.message)
        #expect(message.hasPrefix("2 of 6 sweep points failed:"))
        #expect(message.contains("kappa=2,nu=0.1,trial=0: index 2 is out of range"))
        #expect(message.contains("kappa=2,nu=0.3,trial=0"))
        #expect(first.cells.first { $0.id == "summary" }?.status == .skipped)
        let second = Self.render(Self.source(kappas: "[0, 1, 2]", trials: 1, failing: true), cache: cache)
        let statuses = Self.points(second)
        #expect(statuses.values.filter { $0.status == .cached }.count == 4)
        #expect(statuses.values.filter { $0.status == .failed }.count == 2)
    }

    @Test func sweepValuesReduceOverTrialsAndFormGrids() {
        let outcome = TestSupport.runNotebook(
            TestSupport.source(cells: [
                "//| sweep: { a: [1, 2], b: [10, 20, 30] }\n//| trials: 2\nlet x = a * b + trial",
                """
                let m = x.mean(over: "trial").grid(rows: "a", cols: "b")
                print(m[1, 2], x.standardDeviation(over: "trial").at(["a": 1, "b": 10]), x.values.count)
                print(x.mean(over: "trial").mean(over: "b").values, x.map { $0 * 2 }.at(["a": 2, "b": 30, "trial": 1]))
                """,
            ]))
        #expect(outcome.error == nil)
        #expect(outcome.text == "60.5 0.7071067811865476 12\n[20.5, 40.5] 122\n")
    }

    @Test func gridNamesWhatIsMissing() {
        let outcome = TestSupport.runNotebook(
            TestSupport.source(cells: [
                "//| sweep: { a: [1, 2] }\n//| trials: 2\nlet x = a + trial", "let m = x.grid(rows: \"a\", cols: \"trial\")\nm.rows",
                "let g = x.grid(rows: \"a\", cols: \"nu\")",
            ]))
        #expect(outcome.error?.message == "this sweep has no variable 'nu'")
        #expect(outcome.error?.hint == "its variables are a, trial")
    }

    @Test func lintChecksTheSweepVariables() {
        let source = TestSupport.source(cells: [
            "let nu = 3", "//| sweep: { kappa: [1, 2], nu: [1], unused: [true] }\nlet y = kappa",
            "//| sweep: { bad: [1, \"x\"] }\nlet z = bad", "//| sweep: [1, 2]\nlet w = 1", "//| trials: -1\nlet v = 1",
        ])
        let (notebook, parseDiagnostics) = Notebook.parse(source: source, path: "lint.md")
        let messages = (parseDiagnostics + Engine.lint(notebook)).map(\.message)
        #expect(messages.contains("sweep variable 'nu' hides 'nu' defined by the cell at line 5"))
        #expect(messages.contains("sweep variable 'unused' is not used in the cell"))
        #expect(!messages.contains("sweep variable 'kappa' is not used in the cell"))
        #expect(messages.contains("sweep variable 'bad' mixes types Int and String"))
        #expect(!messages.contains("cannot find 'bad' in scope"))
        #expect(messages.contains("option 'sweep' expects a mapping of variable names to lists of values"))
        #expect(messages.contains("option 'trials' expects a whole number from 1 to 100000 or the name of one, got '-1'"))
    }

    @Test func runUnitComputesOnePointAndARenderReusesIt() {
        let cache = TestSupport.temporaryDirectory()
        let source = Self.source(kappas: "[2, 4]")
        let unit = Self.render(source, cache: cache, unit: "runs[kappa=4,nu=0.3,trial=1]")
        #expect(Self.points(unit).map(\.key) == ["kappa=4,nu=0.3,trial=1"])
        #expect(unit.cells.first { $0.id == "summary" }?.skipReason == "not needed for unit runs[kappa=4,nu=0.3,trial=1]")
        #expect(unit.inlineValues.isEmpty)
        let full = Self.render(source, cache: cache)
        #expect(full.succeeded)
        #expect(Self.points(full)["kappa=4,nu=0.3,trial=1"]?.status == .cached)
        #expect(Self.points(full).values.filter { $0.status == .ran }.count == 7)
    }
}
