import Foundation
import Testing
import FolioEngine
import FolioNotebook
@testable import FolioReport

/// The flagship notebook (notebooks/hidden-talents.md) in quick mode, end to end: every cell
/// runs, every figure of the paper is drawn, Table 1 and the scorecard are on the page, and
/// the prose's verdicts are inline values of this run.
@Suite(.serialized) struct FlagshipReportTests {
    static let flagshipPath = ReportFixtures.templatesFolder.deletingLastPathComponent()
        .appendingPathComponent("notebooks/hidden-talents.md").path

    /// The figures and tables the report must hold (PAPER.md's claims and experiments).
    static let requiredLabels = [
        "fig-lemma1", "fig-pruning", "tbl-pruning", "fig-rpca-support", "tbl-rpca-support", "fig-phase",
        "fig-degeneracy", "fig-e1", "fig-e1-training", "fig-e4", "tbl-e4", "fig-e5", "tbl-table1", "fig-e2", "fig-e3", "fig-e6",
        "tbl-scorecard", "tbl-paper-cost",
    ]

    /// Renders quick mode once per test process (it takes minutes) into a fresh folder.
    static let rendered: Result<(result: RunResult, page: String, manifest: Data, url: URL), Error> = Result {
        let source = try String(contentsOfFile: flagshipPath, encoding: .utf8)
        var (notebook, diagnostics) = Notebook.parse(source: source, path: flagshipPath)
        #expect(!diagnostics.containsErrors, "\(diagnostics)")
        #expect(notebook.applyParams([(name: "mode", value: "quick")]).isEmpty)
        var options = RunOptions(cacheDirectory: ReportFixtures.temporaryDirectory())
        options.useCache = false
        let result = Engine.run(notebook, options: options)
        let output = ReportFixtures.temporaryDirectory()
        _ = try ReportWriter.write(result, to: output, allowErrors: false, options: try ReportFixtures.options())
        let folder = output.appendingPathComponent("hidden-talents")
        let page = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        return (result, page, try Data(contentsOf: folder.appendingPathComponent("manifest.json")),
                folder.appendingPathComponent("index.html"))
    }

    @Test func quickModeRunsEveryCellWithoutErrors() throws {
        let (result, _, _, _) = try Self.rendered.get()
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        let unhappy = result.cells.filter { $0.status == .failed || $0.status == .skipped }
        #expect(unhappy.isEmpty, "\(unhappy.map { "\($0.id): \($0.error?.message ?? $0.skipReason ?? "")" })")
        #expect(result.cells.count >= 30)
    }

    @Test func everyFigureAndTableOfThePaperIsOnThePage() throws {
        let (_, page, _, _) = try Self.rendered.get()
        for label in Self.requiredLabels {
            #expect(page.contains("id=\"\(label)\""), "missing \(label)")
        }
        #expect(page.contains("Scorecard"))
        #expect(page.contains("hidden-talents") || page.contains("Hidden Talents"))
    }

    @Test func theScorecardHasAVerdictPerClaim() throws {
        let (result, _, _, _) = try Self.rendered.get()
        let scorecard = try #require(result.cells.first { $0.id == "tbl-scorecard" })
        let tables = scorecard.outputs.compactMap { output -> TableOutput? in
            if case .table(let table) = output { return table }
            return nil
        }
        let table = try #require(tables.first)
        #expect(table.rows.count == 12)
        let verdicts = Set(["holds", "partly", "does not hold"])
        #expect(table.rows.allSatisfy { verdicts.contains($0.last ?? "") }, "\(table.rows.map { $0.last ?? "" })")
    }

    @Test func proseVerdictsAreInlineValuesOfThisRun() throws {
        let (_, page, manifestData, _) = try Self.rendered.get()
        let manifest = try JSONSerialization.jsonObject(with: manifestData) as? [String: Any] ?? [:]
        let inline = manifest["inlineValues"] as? [[String: Any]] ?? []
        #expect(inline.count >= 60)
        #expect(inline.allSatisfy { $0["status"] as? String == "evaluated" })
        #expect(page.matches(of: /class="inline-value"/).count >= 50)
        #expect(!page.contains("{swift}"), "an inline value was left unevaluated")
        #expect(!page.contains("inline-value error"))
        // Captions state the mode and sizes through inline values of their cells.
        #expect(page.contains("(quick mode: n = 500, hidden widths 100, 50"))
    }

    /// In a real browser: every formula typeset by KaTeX, every figure loaded, nothing logged.
    @Test func theReportTypesetsItsMathAndLoadsItsFiguresInChromium() throws {
        let (_, page, _, url) = try Self.rendered.get()
        let browser = try HeadlessChromium.dumpDOM(of: url)
        let formulas = page.matches(of: /class="math (inline|display)"/).count
        #expect(formulas >= 50)
        #expect(browser.dom.matches(of: /class="katex"/).count >= formulas, "KaTeX did not typeset every formula")
        #expect(!browser.dom.contains("katex-error"))
        let images = browser.dom.matches(of: /<img [^>]*>/).map { String($0.output) }
        #expect(images.count == 12)
        #expect(images.allSatisfy { $0.contains("data-state=\"loaded\"") }, "images not loaded: \(images)")
        #expect(browser.consoleMessages.isEmpty, "console: \(browser.consoleMessages)")
    }
}
