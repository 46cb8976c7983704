import Foundation

/// Adam (Kingma & Ba 2015) over a flat parameter vector, with L2 weight decay added to the
/// gradient of the entries in `decayedRanges` (the layer weights; not biases or variances).
/// The update runs four lanes (one SSE register) at a time: it streams every parameter once per step.
struct Adam {
    let learningRate: Float
    let beta1: Float = 0.9
    let beta2: Float = 0.999
    let epsilon: Float = 1e-8
    let weightDecay: Float
    let decayedRanges: [Range<Int>]
    private let firstMoment: ScratchBuffer<Float>
    private let secondMoment: ScratchBuffer<Float>
    private var step = 0

    init(parameterCount: Int, learningRate: Float, weightDecay: Float, decayedRanges: [Range<Int>]) {
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        self.decayedRanges = decayedRanges
        firstMoment = ScratchBuffer(count: parameterCount)
        secondMoment = ScratchBuffer(count: parameterCount)
    }

    /// One update of `parameters` from `gradient` (which weight decay modifies in place).
    mutating func update(_ parameters: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>) {
        step += 1
        if weightDecay != 0 {
            for range in decayedRanges {
                for k in range { gradient[k] += weightDecay * parameters[k] }
            }
        }
        // θ ← θ − α·m̂/(√v̂ + ε) with m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ).
        let stepSize = learningRate / (1 - Float(pow(Double(beta1), Double(step))))
        let inverseRootCorrection = 1 / (1 - Float(pow(Double(beta2), Double(step)))).squareRoot()
        let (m, v, count) = (firstMoment.pointer, secondMoment.pointer, firstMoment.count)
        let lanes = 4
        let vectorEnd = count - count % lanes
        var k = 0
        while k < vectorEnd {
            let g = load4(gradient + k)
            let mk = SIMD4(repeating: beta1) * load4(m + k) + SIMD4(repeating: 1 - beta1) * g
            let vk = SIMD4(repeating: beta2) * load4(v + k) + SIMD4(repeating: 1 - beta2) * g * g
            store4(mk, m + k)
            store4(vk, v + k)
            let denominator = vk.squareRoot() * inverseRootCorrection + SIMD4(repeating: epsilon)
            store4(load4(parameters + k) - stepSize * mk / denominator, parameters + k)
            k += lanes
        }
        for k in vectorEnd..<count {
            let g = gradient[k]
            m[k] = beta1 * m[k] + (1 - beta1) * g
            v[k] = beta2 * v[k] + (1 - beta2) * g * g
            parameters[k] -= stepSize * m[k] / (v[k].squareRoot() * inverseRootCorrection + epsilon)
        }
    }
}

@inline(__always)
private func load4(_ pointer: UnsafeMutablePointer<Float>) -> SIMD4<Float> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Float>.self)
}

@inline(__always)
private func store4(_ value: SIMD4<Float>, _ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD4<Float>.self)
}
