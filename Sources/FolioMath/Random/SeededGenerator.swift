import Foundation

/// Folio's random number generator: xoshiro256** (Blackman & Vigna 2018), seeded through
/// SplitMix64.
///
/// Determinism is the point. The same seed gives the same numbers, bit for bit, on every
/// run; nothing here reads a clock or the system's entropy. Streams are derived by *label*,
/// not by position: `split("cell:fig-ppca")` depends only on the seed this generator was
/// created from and the label, never on how many numbers were drawn before, so a cell's
/// numbers do not depend on which other cells ran.
///
/// All distributions are implemented here (not with the standard library's
/// `random(in:using:)`, whose algorithms may change between Swift releases).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    /// The key this stream was derived from; `split` hashes it with a label.
    public let streamKey: UInt64
    private var state: (UInt64, UInt64, UInt64, UInt64)
    private var spareNormal: Double?

    /// A generator for `seed` (e.g. the notebook's `seed:`).
    public init(seed: UInt64) {
        streamKey = seed
        var mixer = SplitMix64(state: seed)
        state = (mixer.next(), mixer.next(), mixer.next(), mixer.next())
        spareNormal = nil
    }

    /// An independent stream named `label`, a pure function of (`streamKey`, `label`).
    public func split(_ label: String) -> SeededGenerator {
        var mixer = SplitMix64(state: streamKey ^ SplitMix64.mix(fnv1a(label)))
        return SeededGenerator(seed: mixer.next())
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// Uniform on [0, 1), with 53 random bits.
    public mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform on [`lower`, `upper`).
    public mutating func uniform(_ lower: Double = 0, _ upper: Double = 1) -> Double {
        lower + (upper - lower) * nextUnitInterval()
    }

    /// Uniform integer in `0..<bound` without modulo bias (Lemire's method).
    public mutating func integer(below bound: Int) -> Int {
        precondition(bound > 0, "integer(below:) needs a positive bound")
        let limit = UInt64(bound)
        var product = next().multipliedFullWidth(by: limit)
        if product.low < limit {
            let threshold = (0 &- limit) % limit
            while product.low < threshold { product = next().multipliedFullWidth(by: limit) }
        }
        return Int(product.high)
    }

    /// A standard normal draw (Marsaglia's polar method; the second value of each pair is kept).
    public mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * nextUnitInterval() - 1
            let v = 2 * nextUnitInterval() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let factor = (-2 * log(s) / s).squareRoot()
                spareNormal = v * factor
                return u * factor
            }
        }
    }

    /// A normal draw with the given mean and standard deviation.
    public mutating func normal(mean: Double, standardDeviation: Double) -> Double {
        mean + standardDeviation * normal()
    }

    /// `true` with probability `probability`.
    public mutating func bernoulli(_ probability: Double) -> Bool {
        nextUnitInterval() < probability
    }

    /// Fisher–Yates shuffle in place.
    public mutating func shuffle<C: MutableCollection & RandomAccessCollection>(_ collection: inout C) where C.Index == Int {
        guard collection.count > 1 else { return }
        let start = collection.startIndex
        for offset in stride(from: collection.count - 1, to: 0, by: -1) {
            let other = integer(below: offset + 1)
            collection.swapAt(start + offset, start + other)
        }
    }

    /// A uniformly random permutation of `0..<count`.
    public mutating func permutation(_ count: Int) -> [Int] {
        var indices = Array(0..<count)
        shuffle(&indices)
        return indices
    }

    /// `count` distinct indices from `0..<population`, in random order (partial Fisher–Yates).
    public mutating func sample(_ count: Int, from population: Int) -> [Int] {
        precondition(count <= population, "cannot sample \(count) of \(population)")
        var indices = Array(0..<population)
        for offset in 0..<count {
            indices.swapAt(offset, offset + integer(below: population - offset))
        }
        return Array(indices[0..<count])
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): expands one 64-bit seed into well-mixed words.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// 64-bit FNV-1a over the UTF-8 bytes: a stable label hash (Swift's `Hasher` is seeded per process).
func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
    }
    return hash
}

@inline(__always)
private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
