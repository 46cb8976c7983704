import Testing
import FolioMath

@Suite("Concurrent work")
struct ConcurrentWorkTests {
    /// Every piece runs exactly once, whether pieces outnumber threads or not.
    @Test(arguments: [(1, 1), (5, 1), (2, 2), (7, 2), (3, 8), (16, 3)])
    func everyPieceRunsOnce(count: Int, threads: Int) {
        var runs = [Int](repeating: 0, count: count)
        runs.withUnsafeMutableBufferPointer { buffer in
            performConcurrently(count, threads: threads) { index in buffer[index] += 1 }
        }
        #expect(runs == [Int](repeating: 1, count: count))
    }

    @Test func evenRangesCoverTheTotalInOrder() {
        for (total, parts) in [(0, 3), (1, 4), (10, 3), (128, 2), (127, 2)] {
            let ranges = (0..<parts).map { evenRange(total, part: $0, of: parts) }
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == total)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(ranges.allSatisfy { $0.count >= total / parts && $0.count <= total / parts + 1 })
        }
    }
}
