import Testing
import FolioMath

@Suite("Seeded randomness")
struct RandomTests {
    @Test func sameSeedGivesSameNumbersBitForBit() {
        var a = SeededGenerator(seed: 2017), b = SeededGenerator(seed: 2017)
        let first = (0..<1000).map { _ in a.normal() }
        let second = (0..<1000).map { _ in b.normal() }
        #expect(first.map(\.bitPattern) == second.map(\.bitPattern))
        var c = SeededGenerator(seed: 2018)
        #expect((0..<1000).map { _ in c.normal() } != first)
    }

    @Test func knownFirstOutputsPinTheAlgorithm() {
        // Pinned so that a change of algorithm (which would change every notebook's numbers)
        // is caught. Values computed with xoshiro256** seeded by SplitMix64(0).
        var generator = SeededGenerator(seed: 0)
        #expect([generator.next(), generator.next()] == [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A])
    }

    @Test func splitDependsOnlyOnSeedAndLabel() {
        let root = SeededGenerator(seed: 7)
        var drained = root
        for _ in 0..<100 { _ = drained.next() }
        var x = root.split("cell:fig-ppca"), y = drained.split("cell:fig-ppca")
        #expect(x.next() == y.next())
        var z = root.split("cell:fig-rpca")
        var x2 = root.split("cell:fig-ppca")
        #expect(z.next() != x2.next())
        var nested1 = root.split("a").split("b"), nested2 = root.split("a").split("b")
        #expect(nested1.next() == nested2.next())
    }

    @Test func momentsOfAMillionNormals() {
        var generator = SeededGenerator(seed: 42)
        let n = 1_000_000
        var sum = 0.0, sumSquares = 0.0, sumCubes = 0.0, sumFourth = 0.0
        for _ in 0..<n {
            let x = generator.normal()
            sum += x; sumSquares += x * x; sumCubes += x * x * x; sumFourth += x * x * x * x
        }
        let mean = sum / Double(n)
        let variance = sumSquares / Double(n) - mean * mean
        // Standard errors at n = 10⁶: mean 0.001, variance 0.0014, skewness 0.0024, kurtosis 0.005.
        #expect(abs(mean) < 0.005)
        #expect(abs(variance - 1) < 0.007)
        #expect(abs(sumCubes / Double(n)) < 0.012)
        #expect(abs(sumFourth / Double(n) - 3) < 0.03)
    }

    @Test func uniformAndBernoulliMoments() {
        var generator = SeededGenerator(seed: 5)
        let n = 200_000
        let uniforms = (0..<n).map { _ in generator.uniform(-1, 3) }
        #expect(uniforms.allSatisfy { $0 >= -1 && $0 < 3 })
        #expect(abs(uniforms.reduce(0, +) / Double(n) - 1) < 0.02)
        let hits = (0..<n).filter { _ in generator.bernoulli(0.1) }.count
        #expect(abs(Double(hits) / Double(n) - 0.1) < 0.005)
    }

    @Test func integersAreUnbiasedAndInRange() {
        var generator = SeededGenerator(seed: 8)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[generator.integer(below: 6)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 500 })
    }

    @Test func shufflesArePermutationsAndDeterministic() {
        var a = SeededGenerator(seed: 3), b = SeededGenerator(seed: 3)
        let p = a.permutation(50)
        #expect(p.sorted() == Array(0..<50))
        #expect(p != Array(0..<50))
        #expect(b.permutation(50) == p)
        let sample = a.sample(10, from: 20)
        #expect(Set(sample).count == 10 && sample.allSatisfy { (0..<20).contains($0) })
    }
}
