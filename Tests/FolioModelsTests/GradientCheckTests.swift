import Foundation
import Testing
import FolioMath
@testable import FolioModels

/// Every variant of layers, heads and losses the trainer supports.
private let variants: [(String, VAEConfiguration)] = [
    ("diagonal Σz, scalar λ, hidden layers", .init(encoderHiddenWidths: [6, 5], decoderHiddenWidths: [7], latentWidth: 3)),
    ("affine, per-dimension Σx", .init(latentWidth: 2, decoderVariance: .learnedPerDimension)),
    ("full Σz, τ = 3, KL weight", .init(encoderHiddenWidths: [5], decoderHiddenWidths: [5], latentWidth: 3,
                                        latentCovariance: .full, klWeight: 0.7, samples: 3)),
    ("per-entry closed-form Σx", .init(encoderHiddenWidths: [6], decoderHiddenWidths: [6], latentWidth: 2,
                                       decoderVariance: .perEntryClosedForm(floor: 1e-3))),
    ("AE with ℓ2 penalty", .init(encoderHiddenWidths: [6], decoderHiddenWidths: [6], latentWidth: 3,
                                 latentCovariance: .none, decoderVariance: .perEntryClosedForm(floor: 1e-3),
                                 latentPenalty: .l2(weight: 0.3))),
    ("AE with ℓ1 penalty", .init(latentWidth: 3, latentCovariance: .none, latentPenalty: .l1(weight: 0.4))),
]

@Test(arguments: variants.indices)
func vaeGradientMatchesFiniteDifferences(variant: Int) throws {
    let (name, configuration) = variants[variant]
    let dataWidth = 4, batch = 5
    let model = VAEModel(configuration: configuration, dataWidth: dataWidth)
    var generator = SeededGenerator(seed: UInt64(variant))
    var parameters: [Double] = model.initialParameters(using: &generator)
    for k in parameters.indices { parameters[k] += generator.normal(mean: 0, standardDeviation: 0.1) }
    let workspace = VAEWorkspace<Double>(model: model, capacity: batch)
    for k in 0..<(dataWidth * batch) { workspace.input.pointer[k] = generator.normal() }
    for k in 0..<workspace.noise.count { workspace.noise.pointer[k] = generator.normal() }

    let energyAt = { (p: [Double]) in
        p.withUnsafeBufferPointer { model.energy(parameters: $0.baseAddress!, gradient: nil, batch: batch, workspace: workspace) }
    }
    var gradient = [Double](repeating: .nan, count: model.parameterCount)
    _ = parameters.withUnsafeBufferPointer { p in
        gradient.withUnsafeMutableBufferPointer { g in
            model.energy(parameters: p.baseAddress!, gradient: g.baseAddress!, batch: batch, workspace: workspace)
        }
    }
    let step = 1e-6
    var worst = 0.0
    for k in parameters.indices {
        var plus = parameters, minus = parameters
        plus[k] += step
        minus[k] -= step
        let numeric = (energyAt(plus) - energyAt(minus)) / (2 * step)
        worst = max(worst, abs(numeric - gradient[k]) / max(1, abs(numeric)))
    }
    #expect(worst < 1e-5, "\(name): worst relative gradient error \(worst)")
    // A check against an all-zero gradient would be vacuous: the energy really depends on the parameters.
    #expect(gradient.contains { abs($0) > 1e-3 }, "\(name): the gradient is essentially zero")
}

/// The trainer's parallel step: phase one on two shards of the samples, phase two on two
/// ranges of the parameters, gives the whole batch's energy and gradient.
@Test(arguments: variants.indices)
func shardedStepMatchesTheWholeBatch(variant: Int) throws {
    let (name, configuration) = variants[variant]
    let dataWidth = 4, batch = 7
    let model = VAEModel(configuration: configuration, dataWidth: dataWidth)
    var generator = SeededGenerator(seed: UInt64(variant) + 100)
    let parameters: [Double] = model.initialParameters(using: &generator)
    let whole = VAEWorkspace<Double>(model: model, capacity: batch), sharded = VAEWorkspace<Double>(model: model, capacity: batch)
    for k in 0..<(dataWidth * batch) { whole.input.pointer[k] = generator.normal() }
    for k in 0..<whole.noise.count { whole.noise.pointer[k] = generator.normal() }
    sharded.input.pointer.update(from: whole.input.pointer, count: whole.input.count)
    sharded.noise.pointer.update(from: whole.noise.pointer, count: whole.noise.count)

    var expected = [Double](repeating: .nan, count: model.parameterCount)
    var gradient = [Double](repeating: .nan, count: model.parameterCount)
    let ranges = model.gradientRanges(parts: 2)
    let (expectedEnergy, energy) = parameters.withUnsafeBufferPointer { p in
        let expectedEnergy = expected.withUnsafeMutableBufferPointer { g in
            model.energy(parameters: p.baseAddress!, gradient: g.baseAddress!, batch: batch, workspace: whole)
        }
        let shards = [ShardAccumulators<Double>(model: model), ShardAccumulators<Double>(model: model)]
        let energy = zip([0..<3, 3..<batch], shards).reduce(0.0) { total, shard in
            total + model.forwardAndBackpropagate(
                parameters: p.baseAddress!, columns: shard.0, normaliser: batch, workspace: sharded,
                accumulators: shard.1, backpropagate: true)
        }
        gradient.withUnsafeMutableBufferPointer { g in
            for range in ranges.reversed() {
                model.writeGradient(range: range, gradient: g.baseAddress!, batch: batch, workspace: sharded, shards: shards)
            }
        }
        return (expectedEnergy, energy)
    }
    #expect(ranges.count == 2 && ranges[0].lowerBound == 0 && ranges[0].upperBound == ranges[1].lowerBound)
    #expect(ranges[1].upperBound == model.parameterCount && !ranges[0].isEmpty && !ranges[1].isEmpty)
    #expect(abs(energy - expectedEnergy) <= 1e-12 * abs(expectedEnergy), "\(name): energy \(energy) vs \(expectedEnergy)")
    let worst = zip(gradient, expected).map { abs($0 - $1) / max(1, abs($1)) }.max()!
    #expect(worst < 1e-12, "\(name): worst relative gradient difference \(worst)")
}
