import Foundation
import CNetworkKernels

/// Adam (Kingma & Ba 2015) over a flat parameter vector, with L2 weight decay added to the
/// gradient of the entries in `decayedRanges` (the layer weights; not biases or variances).
///
/// A step is `beginStep()` and then `update(…)` over ranges that cover the parameters
/// once; each entry's update depends on that entry alone, so threads may update disjoint
/// ranges at the same time, and the result does not depend on how the ranges were cut.
struct Adam: @unchecked Sendable {
    let learningRate: Float
    let beta1: Float = 0.9
    let beta2: Float = 0.999
    let epsilon: Float = 1e-8
    /// The parameter vector cut into consecutive segments, each with its decay coefficient.
    private let segments: [(range: Range<Int>, decay: Float)]
    private let firstMoment: ScratchBuffer<Float>
    private let secondMoment: ScratchBuffer<Float>
    private var step = 0

    init(parameterCount: Int, learningRate: Float, weightDecay: Float, decayedRanges: [Range<Int>]) {
        self.learningRate = learningRate
        var segments: [(Range<Int>, Float)] = []
        var next = 0
        for range in decayedRanges.sorted(by: { $0.lowerBound < $1.lowerBound }) where !range.isEmpty {
            if next < range.lowerBound { segments.append((next..<range.lowerBound, 0)) }
            segments.append((range, weightDecay))
            next = range.upperBound
        }
        if next < parameterCount { segments.append((next..<parameterCount, 0)) }
        self.segments = segments
        firstMoment = ScratchBuffer(count: parameterCount)
        secondMoment = ScratchBuffer(count: parameterCount)
    }

    /// Advances the step counter that the bias corrections use.
    mutating func beginStep() { step += 1 }

    /// Updates the parameters in `range` from `gradient`, adding weight decay.
    func update(_ parameters: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>, range: Range<Int>) {
        // θ ← θ − α·m̂/(√v̂ + ε) with m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ).
        let stepSize = learningRate / (1 - Float(pow(Double(beta1), Double(step))))
        let inverseRootCorrection = 1 / (1 - Float(pow(Double(beta2), Double(step)))).squareRoot()
        for segment in segments {
            let part = segment.range.clamped(to: range)
            guard !part.isEmpty else { continue }
            let constants = FolioAdamConstants(
                beta1: beta1, beta2: beta2, epsilon: epsilon, stepSize: stepSize,
                inverseRootCorrection: inverseRootCorrection, decay: segment.decay)
            folio_adam_update(
                parameters + part.lowerBound, gradient + part.lowerBound, firstMoment.pointer + part.lowerBound,
                secondMoment.pointer + part.lowerBound, part.count, constants)
        }
    }
}
