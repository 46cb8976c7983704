import Foundation
import Testing
import FolioNotebook
@testable import FolioEngine

@Suite struct ProgressTests {
    /// A clock and a log the test controls.
    final class Harness: @unchecked Sendable {
        var time = 0.0
        var written: [String] = []
        func display(terminal: Bool, echo: Bool = false) -> ProgressDisplay {
            ProgressDisplay(isTerminal: terminal, echo: echo, now: { self.time }, write: { self.written.append($0) })
        }
    }

    @Test func echoShowsPrintedLinesPrefixedByTheCellOnlyWhenAsked() {
        let source = TestSupport.source(cells: ["//| label: sums\nprint(\"a\")\nprint(1, 2)\nprint(\"x\\ny\")"])
        let (notebook, _) = Notebook.parse(source: source, path: "t.md")
        for echo in [false, true] {
            let harness = Harness()
            let display = harness.display(terminal: false, echo: echo)
            var options = RunOptions(cacheDirectory: TestSupport.temporaryDirectory())
            options.useCache = false
            options.events = { display.handle($0) }
            #expect(Engine.run(notebook, options: options).succeeded)
            let echoed = harness.written.filter { $0.hasPrefix("sums │") }
            #expect(echoed == (echo ? ["sums │ a\n", "sums │ 1 2\n", "sums │ x\n", "sums │ y\n"] : []))
        }
    }

    @Test func plainOutputIsRateLimited() {
        let harness = Harness()
        let display = harness.display(terminal: false)
        func update(at time: Double, _ done: Int) {
            harness.time = time
            display.handle(.progress(ProgressUpdate(cell: "fig-a", done: done, total: 100, label: "epochs")))
        }
        update(at: 0, 0)  // first: printed
        update(at: 1, 5)  // 5 %, 1 s: quiet
        update(at: 2, 12)  // +12 %: printed
        update(at: 13, 13)  // +1 % but 11 s later: printed
        update(at: 14, 14)  // quiet
        update(at: 15, 100)  // done: printed
        #expect(harness.written == [
            "fig-a: epochs 0/100 (0%)\n", "fig-a: epochs 12/100 (12%)\n", "fig-a: epochs 13/100 (13%)\n",
            "fig-a: epochs 100/100 (100%)\n",
        ])
    }

    @Test func terminalOutputKeepsOneLiveBarPerRunningCell() {
        let harness = Harness()
        let display = harness.display(terminal: true)
        display.handle(.started(cell: "fig-a"))
        display.handle(.started(cell: "fig-b"))
        harness.time = 10
        display.handle(.progress(ProgressUpdate(cell: "fig-a", done: 25, total: 100, label: "epochs")))
        #expect(harness.written.last == "\u{1B}[2Kfig-a epochs [██████··················] 25% ETA 30 s\n")
        display.handle(.progress(ProgressUpdate(cell: "fig-b", done: 1, total: 2, label: "trials")))
        #expect(harness.written.last == "\u{1B}[1F\u{1B}[J\u{1B}[2Kfig-a epochs [██████··················] 25% ETA 30 s\n"
            + "\u{1B}[2Kfig-b trials [████████████············] 50% ETA 10 s\n")
        display.handle(.finished(CellResult(
            id: "fig-a", label: "fig-a", index: 1, line: 1, status: .ran, seconds: 12, key: nil, outputs: [], error: nil,
            skipReason: nil, reasons: [])))
        #expect(harness.written.suffix(2) == [
            "\u{1B}[2F\u{1B}[J✓ fig-a ran in 12.00 s\n", "\u{1B}[2Kfig-b trials [████████████············] 50% ETA 10 s\n",
        ])
    }

    @Test func progressMapScalesNestedTrainingIntoOneBar() throws {
        final class Collected: @unchecked Sendable {
            let lock = NSLock()
            var updates: [ProgressUpdate] = []
        }
        let collected = Collected()
        let (notebook, _) = Notebook.parse(source: TestSupport.source(cells: ["""
            let data = linearGaussian(rows: 40, cols: 4, rank: 1, noiseVariance: 0.1)
            let energies = [1, 2, 3].progressMap(label: "widths") { width in trainVAE(data.observed, latent: width, epochs: 4).energy }
            """]), path: "t.md")
        var options = RunOptions(cacheDirectory: TestSupport.temporaryDirectory())
        options.useCache = false
        options.events = { event in
            guard case .progress(let update) = event else { return }
            collected.lock.lock()
            collected.updates.append(update)
            collected.lock.unlock()
        }
        let result = Engine.run(notebook, options: options)
        #expect(result.cells.allSatisfy { $0.error == nil })
        let updates = collected.updates
        #expect(updates.first == ProgressUpdate(cell: "cell-1", done: 0, total: 0, label: "widths 1/3", fraction: 0))
        #expect(updates.last == ProgressUpdate(cell: "cell-1", done: 0, total: 0, label: "widths 3/3 · trainVAE 4/4", fraction: 1))
        #expect(updates.contains(ProgressUpdate(cell: "cell-1", done: 0, total: 0, label: "widths 2/3 · trainVAE 2/4", fraction: 0.5)))
        #expect(updates.last?.text == "widths 3/3 · trainVAE 4/4")
        #expect(zip(updates, updates.dropFirst()).allSatisfy { $0.fraction <= $1.fraction })
    }

    @Test func summaryTableAndExplanation() {
        let cells = [
            CellResult(id: "fig-a", label: "fig-a", index: 1, line: 3, status: .ran, seconds: 1.5, key: "k", outputs: [], error: nil, skipReason: nil, reasons: ["code changed"]),
            CellResult(id: "cell-2", label: nil, index: 2, line: 9, status: .cached, seconds: 0, computedSeconds: 51.2, key: "k2", outputs: [], error: nil, skipReason: nil, reasons: []),
        ]
        #expect(RunSummary.table(cells) == """
            cell    status   seconds
            fig-a   ran         1.50
            cell-2  cached      0.00  (computed in 51.2 s)
            1 ran, 1 cached, 0 failed, 0 skipped
            """)
        #expect(cells.map(RunSummary.timing) == ["ran in 1.50 s", "cached (computed in 51.2 s)"])
        #expect(RunSummary.explanation(cells) == "fig-a: ran, code changed\ncell-2: reused (cached)")
    }

    @Test func functionDocumentation() {
        #expect(Engine.functionDocumentation("zeros")?.hasPrefix("zeros(rows: Int, columns: Int) -> Matrix") == true)
        #expect(Engine.functionDocumentation("nope") == nil)
        #expect(Engine.functionDocumentation("NormKind") == """
            enum NormKind

              .frobenius  The square root of the sum of squared entries.
              .spectral   The largest singular value.
              .nuclear    The sum of the singular values.

            Taken by: norm(…).
            """)
        #expect(Engine.functionDocumentation(nil)?.contains("enum         NormKind: .frobenius, .spectral, .nuclear") == true)
        #expect(Engine.functionDocumentation(nil)?.contains("randomNormal(rows: Int, columns: Int") == true)
    }
}
