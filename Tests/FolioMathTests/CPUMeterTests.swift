import Testing
@testable import FolioMath

/// `CPUMeter`: a unit's CPU seconds include what worker threads spent for it.
@Suite struct CPUMeterTests {
    /// Busy work whose result is used, so the optimiser keeps it.
    static func spin(_ rounds: Int) -> Double {
        var x = 1.0
        for i in 0..<rounds { x = x * 1.000_000_1 + Double(i & 7) * 1e-12 }
        return x
    }

    @Test(arguments: [1, 2, 4])
    func theWorkersTimeIsCountedWithTheCallersOwn(threads: Int) {
        let pieces = 4
        var pieceNanoseconds = [Int](repeating: 0, count: pieces)
        var results = [Double](repeating: 0, count: pieces)
        let (_, cpuSeconds) = CPUMeter.measure {
            pieceNanoseconds.withUnsafeMutableBufferPointer { times in
                results.withUnsafeMutableBufferPointer { values in
                    performConcurrently(pieces, threads: threads) { index in
                        let start = CPUMeter.threadNanoseconds()
                        values[index] = Self.spin(2_000_000)
                        times[index] = CPUMeter.threadNanoseconds() - start
                    }
                }
            }
        }
        #expect(results.allSatisfy { $0 > 1 })
        // Every piece's thread time is inside the meter, on whichever thread it ran.
        #expect(cpuSeconds * 1e9 >= Double(pieceNanoseconds.reduce(0, +)))
    }

    @Test func unmeasuredWorkLendsToNoOne() {
        #expect(CPUMeter.current == nil)
        let (inner, _) = CPUMeter.measure { CPUMeter.current != nil }
        #expect(inner && CPUMeter.current == nil)
    }
}
