import Foundation
import FolioMath
import FolioNotebook
import Synchronization
import Testing
@testable import FolioEngine

/// Bounded work: the cell's timeout, the render's `--timeout`, Ctrl-C and the memory budget
/// stop runaway loops and long built-ins with an error at the right line.
@Suite struct TimeLimitTests {
    private func run(_ source: String, _ configure: (inout RunOptions) -> Void) -> RunResult {
        let (notebook, diagnostics) = Notebook.parse(source: source, path: "t.md")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.rendered))")
        var options = RunOptions(cacheDirectory: TestSupport.temporaryDirectory())
        options.useCache = false
        options.jobs = 1
        configure(&options)
        return Engine.run(notebook, options: options)
    }

    @Test func runawayWhileStopsAtTheLoopLine() {
        let source = TestSupport.source(cells: ["//| timeout: 0.3\nvar n = 0\nwhile true {\n    n += 1\n    n -= 1\n}"])
        let error = run(source) { _ in }.cells[0].error
        #expect(error?.headline == "t.md:8:1: error: cell timed out after 0.3 seconds")
    }

    @Test func innermostLoopIsBlamed() {
        let source = TestSupport.source(cells: ["//| timeout: 0.3\nvar n = 0\nfor i in 0..<10 {\n    while n >= 0 {\n        n += 1\n    }\n}"])
        #expect(run(source) { _ in }.cells[0].error?.headline == "t.md:9:5: error: cell timed out after 0.3 seconds")
    }

    @Test func renderTimeoutStopsTheRunAndSkipsTheRest() {
        let source = TestSupport.source(cells: ["var n = 0\nwhile true { n += 1 }", "let y = 2"])
        let result = run(source) {
            $0.defaultTimeoutSeconds = nil
            $0.timeoutSeconds = 0.3
        }
        #expect(result.cells[0].error?.headline == "t.md:7:1: error: the render ran out of time (--timeout 0.3 seconds)")
        #expect(result.cells[1].status == .skipped)
        #expect(result.cells[1].skipReason == "not started: the render ran out of time (--timeout 0.3 seconds)")
        #expect(!result.succeeded)
    }

    @Test func interruptStopsARunningLoop() {
        let source = TestSupport.source(cells: ["//| timeout: 60\nvar n = 0\nwhile true { n += 1 }"])
        let signal = StopSignal()
        let raiser = Thread {
            Thread.sleep(forTimeInterval: 0.2)
            signal.raise()
        }
        raiser.start()
        let result = run(source) { $0.interrupt = signal }
        #expect(result.cells[0].error?.headline == "t.md:8:1: error: interrupted (Ctrl-C)")
    }

    @Test func interruptLeavesTheCacheIndexAsItWas() throws {
        let cache = TestSupport.temporaryDirectory()
        let (notebook, _) = Notebook.parse(source: TestSupport.source(cells: ["let x = 1", "let y = x + 1"]), path: "t.md")
        var options = RunOptions(cacheDirectory: cache)
        options.jobs = 1
        #expect(Engine.run(notebook, options: options).succeeded)
        let index = CellCache.indexURL(cache, "t")
        let before = try Data(contentsOf: index)
        let (edited, _) = Notebook.parse(source: TestSupport.source(cells: ["let x = 2", "let y = x + 1"]), path: "t.md")
        options.interrupt.raise()
        let result = Engine.run(edited, options: options)
        #expect(result.cells.map(\.status) == [.skipped, .skipped])
        #expect(result.cells[0].skipReason == "not started: interrupted (Ctrl-C)")
        #expect(try Data(contentsOf: index) == before)
    }

    @Test func pcpStopsAtTheCellTimeout() {
        let code = """
            //| timeout: 0.5
            let x = randomNormal(rows: 120, columns: 120)
            let r = pcp(x, tolerance: 1e-300, maxIterations: 1000000)
            """
        #expect(run(TestSupport.source(cells: [code])) { _ in }.cells[0].error?.headline
            == "t.md:8:9: error: cell timed out after 0.5 seconds")
    }

    @Test func trainingStopsAtTheCellTimeout() {
        let code = """
            //| timeout: 0.5
            let x = randomNormal(rows: 200, columns: 20)
            let v = trainVAE(x, latent: 4, encoder: [64], decoder: [64], epochs: 100000, batchSize: 10)
            """
        #expect(run(TestSupport.source(cells: [code])) { _ in }.cells[0].error?.headline
            == "t.md:8:9: error: cell timed out after 0.5 seconds")
    }
}

@Suite struct MemoryBudgetTests {
    private func failure(_ code: String) -> String? {
        let outcome = TestSupport.run(code)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map(\.rendered))")
        return outcome.error?.headline
    }

    @Test func hugeMatricesAreRefusedBeforeAllocating() {
        #expect(failure("let a = zeros(rows: 100000, columns: 100000)") == """
            t.md:6:9: error: 'zeros' (a 100000×100000 matrix) asks for 80.0 GB (80000000000 bytes), \
            over the cell's memory budget of 4.0 GB (4000000000 bytes)
            """)
        #expect(failure("let d = lowRankPlusSparse(rows: 100000, cols: 100000, rank: 5, outlierRatio: 0.1)")?
            .hasPrefix("t.md:6:9: error: 'lowRankPlusSparse' asks for 320.0 GB") == true)
        #expect(failure("let d = linearGaussian(rows: 10000000, cols: 100000, rank: 5, noiseVariance: 0.1)")?
            .hasPrefix("t.md:6:9: error: 'linearGaussian' asks for 16.0 TB") == true)
        #expect(failure("let d = reluManifold(samples: 10000000, latent: 10, hidden: [100000], output: 10)")?
            .hasPrefix("t.md:6:9: error: 'reluManifold' asks for") == true)
    }

    @Test func trainingWidthsAreChecked() {
        let code = "let x = zeros(rows: 10, columns: 10)\nlet v = trainVAE(x, latent: 2, encoder: [100000, 100000], epochs: 1)"
        #expect(failure(code)?.hasPrefix("t.md:7:9: error: 'trainVAE' asks for") == true)
    }

    @Test func cellOptionLowersTheBudget() {
        #expect(failure("//| memory: 1MB\nlet a = zeros(rows: 1000, columns: 1000)")?
            .hasSuffix("over the cell's memory budget of 1.0 MB (1000000 bytes)") == true)
        #expect(failure("//| memory: 1MB\nlet a = zeros(rows: 300, columns: 300)\nlet b = matmul(a, a)") == nil)
        #expect(failure("//| memory: 1MB\nlet a = zeros(rows: 1, columns: 100000)\nlet b = matmul(transpose(a), a)")?
            .hasPrefix("t.md:8:9: error: 'matmul' (a 100000×100000 product) asks for 80.0 GB") == true)
    }

    @Test func operatorsThatAllocateAreChecked() {
        #expect(failure("//| memory: 1MB\nvar s = \"xxxxxxxx\"\nwhile true {\n    s = s + s\n}")?
            .hasPrefix("t.md:9:11: error: '+' on String and String asks for 1.0 MB (1048576 bytes)") == true)
        #expect(failure("//| memory: 1MB\nvar a = [1, 2]\nfor i in 0..<40 {\n    a = a + a\n}")?
            .hasPrefix("t.md:9:11: error: '+' on [Int] and [Int] asks for") == true)
    }

    @Test func hugeFiguresAreRefused() {
        let code = "//| width: 16000\n//| height: 16000\nplot([line(x: [0.0, 1.0], y: [0.0, 1.0])])"
        #expect(failure(code)?.hasPrefix("t.md:8:1: error: the figure (16000.0×16000.0 points) asks for 8.2 GB") == true)
    }

    @Test func sizesParse() {
        #expect(ByteSize.parse("512MB") == 512_000_000)
        #expect(ByteSize.parse("2GiB") == 2 << 30)
        #expect(ByteSize.parse("8 gb") == 8_000_000_000)
        #expect(ByteSize.parse("1000") == 1000)
        for bad in ["lots", "-1GB", "nanGB", "1e30TB", ""] { #expect(ByteSize.parse(bad) == nil, "\(bad)") }
        let (_, diagnostics) = Notebook.parse(source: TestSupport.source(cells: ["//| memory: lots\nlet x = 1"]), path: "t.md")
        #expect(diagnostics.map(\.headline) == ["t.md:6:13: error: option 'memory' expects a size such as 512MB or 8GB, got 'lots'"])
    }
}

@Suite struct ThreadStartTests {
    @Test func aThreadThatCannotStartIsAnError() {
        #expect(throws: BigStack.StartFailure.self) { try BigStack.start(stackSizes: [1 << 46]) {} }
    }

    @Test func aSmallerStackIsTriedNext() throws {
        let done = DispatchSemaphore(value: 0)
        try BigStack.start(stackSizes: [1 << 46, 1 << 20]) { done.signal() }
        done.wait()
    }

    /// Threads wait for more work when done (`BigStackPool`): work handed to them from many
    /// threads at once all runs, each exactly once.
    @Test func reusedThreadsRunEveryPieceOfWork() {
        let results = (0..<4).map { round in BigStack.run { round * 10 } }
        #expect(results == [0, 10, 20, 30])
        let counter = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let value = BigStack.run { index }
            counter.withLock { $0 += value }
        }
        #expect(counter.withLock { $0 } == (0..<16).reduce(0, +))
    }

    /// A reused thread still has its whole big stack: its pages given back after deep work
    /// (`StackPages`) come back when touched again. Deeper than a default 8 MB stack allows.
    @Test func aReusedThreadStillRecursesDeeply() {
        for _ in 0..<3 { #expect(BigStack.run { Self.depth(300_000) } == 300_000) }
    }

    private static func depth(_ n: Int) -> Int {
        var frame = (n, n, n, n)
        return withUnsafeMutablePointer(to: &frame) { $0.pointee.0 == 0 ? 0 : 1 + depth($0.pointee.1 - 1) }
    }
}
