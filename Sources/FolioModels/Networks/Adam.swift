import Foundation

/// Adam (Kingma & Ba 2015) over a flat parameter vector, with L2 weight decay added to the
/// gradient of the entries in `decayedRanges` (the layer weights; not biases or variances).
struct Adam {
    let learningRate: Float
    let beta1: Float = 0.9
    let beta2: Float = 0.999
    let epsilon: Float = 1e-8
    let weightDecay: Float
    let decayedRanges: [Range<Int>]
    private var firstMoment: [Float]
    private var secondMoment: [Float]
    private var step = 0

    init(parameterCount: Int, learningRate: Float, weightDecay: Float, decayedRanges: [Range<Int>]) {
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        self.decayedRanges = decayedRanges
        firstMoment = Array(repeating: 0, count: parameterCount)
        secondMoment = Array(repeating: 0, count: parameterCount)
    }

    /// One update of `parameters` from `gradient` (which weight decay modifies in place).
    mutating func update(_ parameters: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>) {
        step += 1
        if weightDecay != 0 {
            for range in decayedRanges {
                for k in range { gradient[k] += weightDecay * parameters[k] }
            }
        }
        let correction1 = 1 - Float(pow(Double(beta1), Double(step)))
        let correction2 = 1 - Float(pow(Double(beta2), Double(step)))
        let stepSize = learningRate / correction1
        let rootCorrection2 = correction2.squareRoot()
        let (b1, b2, eps) = (beta1, beta2, epsilon)
        firstMoment.withUnsafeMutableBufferPointer { m in
            secondMoment.withUnsafeMutableBufferPointer { v in
                for k in 0..<m.count {
                    let g = gradient[k]
                    m[k] = b1 * m[k] + (1 - b1) * g
                    v[k] = b2 * v[k] + (1 - b2) * g * g
                    parameters[k] -= stepSize * m[k] / (v[k].squareRoot() / rootCorrection2 + eps)
                }
            }
        }
    }
}
