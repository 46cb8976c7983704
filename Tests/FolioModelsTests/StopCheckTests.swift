import FolioMath
import Synchronization
import Testing
@testable import FolioModels

/// A stop check that lets `allowed` checks pass, then throws; counts the checks made.
final class CountingStop: Sendable {
    let calls = Atomic<Int>(0)
    let allowed: Int
    init(allowing allowed: Int) { self.allowed = allowed }

    var check: StopCheck {
        StopCheck { [self] () throws(StopReason) in
            if calls.add(1, ordering: .relaxed).newValue > allowed { throw StopReason(message: "stop", hint: "") }
        }
    }
}

@Test func pcpAsksBeforeEveryIteration() throws {
    let data = try lowRankPlusSparse(rows: 40, cols: 30, rank: 2, outlierRatio: 0.05, seed: 1)
    let stop = CountingStop(allowing: 3)
    #expect(throws: StopReason.self) {
        _ = try pcp(data.observed, tolerance: 1e-300, maxIterations: 1000, stop: stop.check)
    }
    #expect(stop.calls.load(ordering: .relaxed) == 4)
}

@Test func trainingAsksBeforeEveryMinibatch() throws {
    let data = try lowRankPlusSparse(rows: 50, cols: 6, rank: 2, outlierRatio: 0, seed: 2)
    let configuration = VAEConfiguration(latentWidth: 2, epochs: 1000, batchSize: 10, seed: 1)
    let stop = CountingStop(allowing: 12)
    #expect(throws: StopReason.self) {
        _ = try trainVAE(data.observed, configuration: configuration, threads: 1, stop: stop.check)
    }
    // Five minibatches an epoch: two epochs and two steps of the third ran.
    #expect(stop.calls.load(ordering: .relaxed) == 13)
}
