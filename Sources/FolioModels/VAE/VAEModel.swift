import Foundation
import FolioMath

/// The shapes of a VAE and its energy with gradient, on a flat parameter vector laid out
/// as [encoder layers | decoder layers | log Σx parameters].
///
/// Encoder: x → hidden ReLU layers → one linear layer whose rows are the heads
/// [μz (κ') | s (κ', Σz log-variances) | Cholesky entries below the diagonal (full Σz)].
/// Decoder: z → hidden ReLU layers → linear μx. Energy per sample (the negative ELBO):
/// β·KL[q(z|x) ‖ N(0, I)] + (1/τ) Σₜ −log N(x; μx(zₜ), Σx) + latent penalty, averaged over
/// the batch; zₜ = μz + L εₜ with L = diag(exp(s/2)) or the Cholesky factor.
struct VAEModel: Sendable {
    let configuration: VAEConfiguration
    let dataWidth: Int
    let encoder: DenseStack
    let decoder: DenseStack
    /// Where log Σx starts in the parameter vector, and how many entries it has (0, 1 or d).
    let varianceOffset: Int
    let varianceCount: Int

    init(configuration: VAEConfiguration, dataWidth: Int) {
        self.configuration = configuration
        self.dataWidth = dataWidth
        let kappa = configuration.latentWidth
        let headWidth: Int
        switch configuration.latentCovariance {
        case .diagonal: headWidth = 2 * kappa
        case .full: headWidth = 2 * kappa + kappa * (kappa - 1) / 2
        case .none: headWidth = kappa
        }
        encoder = DenseStack(widths: [dataWidth] + configuration.encoderHiddenWidths + [headWidth], offset: 0)
        decoder = DenseStack(
            widths: [kappa] + configuration.decoderHiddenWidths + [dataWidth], offset: encoder.parameterCount)
        varianceOffset = encoder.parameterCount + decoder.parameterCount
        switch configuration.decoderVariance {
        case .learnedScalar: varianceCount = 1
        case .learnedPerDimension: varianceCount = dataWidth
        case .perEntryClosedForm: varianceCount = 0
        }
    }

    var latentWidth: Int { configuration.latentWidth }
    var parameterCount: Int { varianceOffset + varianceCount }
    /// Reparameterised draws per sample (one for an autoencoder, whose z is deterministic).
    var drawsPerSample: Int { configuration.latentCovariance == .none ? 1 : configuration.samples }

    /// The ranges of layer weights, which weight decay applies to.
    var weightRanges: [Range<Int>] {
        [encoder, decoder].flatMap { stack in
            (0..<stack.layerCount).map { stack.weightOffset($0)..<stack.biasOffset($0) }
        }
    }

    /// He-initialised layers, zero biases, log Σx = 0.
    func initialParameters<Scalar: BLASScalar>(using generator: inout SeededGenerator) -> [Scalar] {
        var parameters = [Scalar](repeating: 0, count: parameterCount)
        encoder.initialise(&parameters, using: &generator)
        decoder.initialise(&parameters, using: &generator)
        return parameters
    }

    /// Phase one of a step, for the batch columns `columns` (samples) of `workspace`: the
    /// forward passes, the energy of those samples divided by `normaliser` (the batch size,
    /// so that the shards' energies add up to the batch mean) and, when `backpropagate`,
    /// every delta and the shard's ∂E/∂log Σx for `writeGradient`. Shards of one batch —
    /// disjoint column ranges, each with its own accumulators — may run it at the same time.
    func forwardAndBackpropagate<Scalar: NetworkScalar>(
        parameters: UnsafePointer<Scalar>, columns: Range<Int>, normaliser: Int, workspace: VAEWorkspace<Scalar>,
        accumulators: ShardAccumulators<Scalar>, backpropagate: Bool
    ) -> Double {
        let draws = drawsPerSample
        let drawColumns = (columns.lowerBound * draws)..<(columns.upperBound * draws)
        encoder.forward(parameters: parameters, input: workspace.input.pointer, columns: columns, outputs: workspace.encoderOutputs)
        let heads = UnsafePointer(workspace.encoderOutputs[encoder.layerCount - 1])
        sampleLatent(heads: heads, columns: columns, workspace: workspace)
        decoder.forward(
            parameters: parameters, input: workspace.latent.pointer, columns: drawColumns, outputs: workspace.decoderOutputs)
        let reconstruction = reconstructionEnergy(
            parameters: parameters, columns: columns, normaliser: normaliser, workspace: workspace,
            accumulators: accumulators)
        let latent = latentEnergy(
            heads: heads, columns: columns, normaliser: normaliser, headGradient: workspace.encoderDeltas[encoder.layerCount - 1])
        guard backpropagate else { return reconstruction + latent }
        decoder.backpropagate(
            parameters: parameters, columns: drawColumns, outputs: workspace.decoderOutputs,
            deltas: workspace.decoderDeltas, inputGradient: workspace.latentGradient.pointer)
        backpropagateSampling(heads: heads, columns: columns, workspace: workspace)
        encoder.backpropagate(
            parameters: parameters, columns: columns, outputs: workspace.encoderOutputs,
            deltas: workspace.encoderDeltas, inputGradient: nil)
        return reconstruction + latent
    }

    /// Phase two, after phase one ran on every column of the `batch`: writes the gradient
    /// entries in `range`, a range from `gradientRanges` (disjoint ranges may be written at
    /// the same time). ∂E/∂log Σx is the sum of the shards' parts, in shard order.
    func writeGradient<Scalar: NetworkScalar>(
        range: Range<Int>, gradient: UnsafeMutablePointer<Scalar>, batch: Int, workspace: VAEWorkspace<Scalar>,
        shards: [ShardAccumulators<Scalar>]
    ) {
        encoder.writeGradient(
            range: range, gradient: gradient, input: workspace.input.pointer, batch: batch,
            outputs: workspace.encoderOutputs, deltas: workspace.encoderDeltas)
        decoder.writeGradient(
            range: range, gradient: gradient, input: workspace.latent.pointer, batch: drawsPerSample * batch,
            outputs: workspace.decoderOutputs, deltas: workspace.decoderDeltas)
        for index in range.clamped(to: varianceOffset..<parameterCount) {
            var sum: Scalar = 0
            for shard in shards { sum += shard.varianceGradient.pointer[index - varianceOffset] }
            gradient[index] = sum
        }
    }

    /// The parameter vector cut into `parts` consecutive ranges of about equal size whose
    /// bounds suit `writeGradient` (inside a weight matrix, on a column of W).
    func gradientRanges(parts: Int) -> [Range<Int>] {
        let inner = (1..<max(1, parts)).map { part in
            decoder.gradientBoundary(near: encoder.gradientBoundary(near: parameterCount * part / parts))
        }
        let bounds = [0] + inner + [parameterCount]
        return zip(bounds, bounds.dropFirst()).map { $0..<max($0, $1) }
    }

    /// z = μz + L ε for every draw of the samples `columns`; column i·τ + t is draw t of sample i.
    private func sampleLatent<Scalar: NetworkScalar>(heads: UnsafePointer<Scalar>, columns: Range<Int>, workspace: VAEWorkspace<Scalar>) {
        let kappa = latentWidth, headWidth = encoder.outputWidth, draws = drawsPerSample
        let z = workspace.latent.pointer, noise = UnsafePointer(workspace.noise.pointer)
        for column in (columns.lowerBound * draws)..<(columns.upperBound * draws) {
            let head = heads + (column / draws) * headWidth
            let zColumn = z + column * kappa, eps = noise + column * kappa
            switch configuration.latentCovariance {
            case .none:
                zColumn.update(from: head, count: kappa)
            case .diagonal:
                for k in 0..<kappa { zColumn[k] = head[k] + Scalar.exponential(head[kappa + k] / 2) * eps[k] }
            case .full:
                for k in 0..<kappa {
                    var value = head[k] + Scalar.exponential(head[kappa + k] / 2) * eps[k]
                    let row = head + 2 * kappa + k * (k - 1) / 2
                    for l in 0..<k { value += row[l] * eps[l] }
                    zColumn[k] = value
                }
            }
        }
    }

    /// (1/τ) Σ −log N(x; μx, Σx) over the samples `columns`, divided by the normaliser; sets
    /// ∂/∂μx in the decoder's last delta and the shard's part of ∂E/∂log Σx.
    private func reconstructionEnergy<Scalar: NetworkScalar>(
        parameters: UnsafePointer<Scalar>, columns samples: Range<Int>, normaliser: Int, workspace: VAEWorkspace<Scalar>,
        accumulators: ShardAccumulators<Scalar>
    ) -> Double {
        let d = dataWidth, draws = drawsPerSample
        let columns = (samples.lowerBound * draws)..<(samples.upperBound * draws)
        let normalisingColumns = draws * normaliser
        let weight = 1 / Scalar(normalisingColumns)
        let mean = UnsafePointer(workspace.decoderOutputs[decoder.layerCount - 1])
        let delta = workspace.decoderDeltas[decoder.layerCount - 1]
        let x = UnsafePointer(workspace.input.pointer)
        let logVariance = parameters + varianceOffset
        // Per dimension: 1/Σx,jj and the running Σ r²/Σx,jj over the columns.
        let (precision, scaledSquares) = (accumulators.precision.pointer, accumulators.scaledSquares.pointer)
        scaledSquares.update(repeating: 0, count: d)
        var logDeterminant: Scalar = 0
        if varianceCount > 0 {
            for j in 0..<d {
                let index = varianceCount > 1 ? j : 0
                precision[j] = Scalar.exponential(-logVariance[index])
                logDeterminant += logVariance[index]
            }
        }
        var total = Double(columns.count) * Double(logDeterminant)
        for column in columns {
            let xColumn = x + (column / draws) * d, muColumn = mean + column * d, deltaColumn = delta + column * d
            var columnTotal: Scalar = 0
            switch configuration.decoderVariance {
            case let .perEntryClosedForm(floor):
                let epsilon = Scalar(floor), logEpsilon = Scalar.logarithm(Scalar(floor))
                for j in 0..<d {
                    let r = xColumn[j] - muColumn[j], squared = r * r
                    if squared > epsilon {
                        columnTotal += 1 + Scalar.logarithm(squared)
                        deltaColumn[j] = -weight / r
                    } else {
                        columnTotal += squared / epsilon + logEpsilon
                        deltaColumn[j] = -weight * r / epsilon
                    }
                }
            case .learnedScalar, .learnedPerDimension:
                for j in 0..<d {
                    let r = xColumn[j] - muColumn[j], scaled = r * r * precision[j]
                    columnTotal += scaled
                    deltaColumn[j] = -weight * r * precision[j]
                    scaledSquares[j] += scaled
                }
            }
            total += Double(columnTotal)
        }
        if varianceCount > 0 {
            // This shard's part of ∂/∂ log Σx,jj of ½ Σ (r²/Σx,jj + log Σx,jj) / (τ·normaliser).
            let varianceGradient = accumulators.varianceGradient.pointer
            varianceGradient.update(repeating: 0, count: varianceCount)
            for j in 0..<d {
                varianceGradient[varianceCount > 1 ? j : 0] += (weight * Scalar(columns.count) - weight * scaledSquares[j]) / 2
            }
        }
        return (total / 2 + Double(columns.count) * Double(d) * 0.5 * log(2 * Double.pi)) / Double(normalisingColumns)
    }

    /// β·KL plus the latent penalty over the samples `columns`, divided by the normaliser;
    /// sets their gradient with respect to the heads in `headGradient`.
    private func latentEnergy<Scalar: NetworkScalar>(
        heads: UnsafePointer<Scalar>, columns: Range<Int>, normaliser: Int, headGradient: UnsafeMutablePointer<Scalar>
    ) -> Double {
        let kappa = latentWidth, headWidth = encoder.outputWidth
        let weight = 1 / Scalar(normaliser), beta = Scalar(configuration.klWeight)
        var total = 0.0
        for sample in columns {
            let head = heads + sample * headWidth, grad = headGradient + sample * headWidth
            var sampleTotal: Scalar = 0
            if configuration.latentCovariance != .none {
                for k in 0..<kappa {
                    let mu = head[k], s = head[kappa + k], variance = Scalar.exponential(s)
                    sampleTotal += beta * (variance + mu * mu - s - 1) / 2
                    grad[k] = weight * beta * mu
                    grad[kappa + k] = weight * beta * (variance - 1) / 2
                }
                for k in (2 * kappa)..<headWidth {
                    sampleTotal += beta * head[k] * head[k] / 2
                    grad[k] = weight * beta * head[k]
                }
            } else {
                for k in 0..<kappa { grad[k] = 0 }
            }
            switch configuration.latentPenalty {
            case .none: break
            case let .l2(c):
                for k in 0..<kappa {
                    sampleTotal += Scalar(c) * head[k] * head[k]
                    grad[k] += weight * 2 * Scalar(c) * head[k]
                }
            case let .l1(c):
                for k in 0..<kappa {
                    sampleTotal += Scalar(c) * abs(head[k])
                    grad[k] += weight * Scalar(c) * (head[k] > 0 ? 1 : (head[k] < 0 ? -1 : 0))
                }
            }
            total += Double(sampleTotal)
        }
        return total / Double(normaliser)
    }

    /// Adds ∂E/∂z (in `workspace.latentGradient`) through z = μ + L ε to the head gradient
    /// of the samples `columns`.
    private func backpropagateSampling<Scalar: NetworkScalar>(
        heads: UnsafePointer<Scalar>, columns: Range<Int>, workspace: VAEWorkspace<Scalar>
    ) {
        let kappa = latentWidth, headWidth = encoder.outputWidth, draws = drawsPerSample
        let headGradient = workspace.encoderDeltas[encoder.layerCount - 1]
        let dz = UnsafePointer(workspace.latentGradient.pointer), noise = UnsafePointer(workspace.noise.pointer)
        for column in (columns.lowerBound * draws)..<(columns.upperBound * draws) {
            let sample = column / draws
            let head = heads + sample * headWidth, grad = headGradient + sample * headWidth
            let dzColumn = dz + column * kappa, eps = noise + column * kappa
            for k in 0..<kappa { grad[k] += dzColumn[k] }
            guard configuration.latentCovariance != .none else { continue }
            for k in 0..<kappa {
                grad[kappa + k] += dzColumn[k] * eps[k] * Scalar.exponential(head[kappa + k] / 2) / 2
            }
            if configuration.latentCovariance == .full {
                for k in 0..<kappa {
                    let row = grad + 2 * kappa + k * (k - 1) / 2
                    for l in 0..<k { row[l] += dzColumn[k] * eps[l] }
                }
            }
        }
    }
}

/// Preallocated buffers for one `VAEModel` and a maximum batch size.
final class VAEWorkspace<Scalar: BLASScalar>: @unchecked Sendable {
    let capacity: Int
    /// d × capacity: the batch, feature-major.
    let input: ScratchBuffer<Scalar>
    /// κ' × τ·capacity: ε, z and ∂E/∂z; column i·τ + t is draw t of sample i.
    let noise: ScratchBuffer<Scalar>
    let latent: ScratchBuffer<Scalar>
    let latentGradient: ScratchBuffer<Scalar>
    private let buffers: [ScratchBuffer<Scalar>]
    let encoderOutputs: [UnsafeMutablePointer<Scalar>]
    let encoderDeltas: [UnsafeMutablePointer<Scalar>]
    let decoderOutputs: [UnsafeMutablePointer<Scalar>]
    let decoderDeltas: [UnsafeMutablePointer<Scalar>]

    init(model: VAEModel, capacity: Int) {
        self.capacity = capacity
        let columns = model.drawsPerSample * capacity
        input = ScratchBuffer(count: model.dataWidth * capacity)
        noise = ScratchBuffer(count: model.latentWidth * columns)
        latent = ScratchBuffer(count: model.latentWidth * columns)
        latentGradient = ScratchBuffer(count: model.latentWidth * columns)
        let encoderBuffers = model.encoder.widths.dropFirst().flatMap { width in
            [ScratchBuffer<Scalar>(count: width * capacity), ScratchBuffer<Scalar>(count: width * capacity)]
        }
        let decoderBuffers = model.decoder.widths.dropFirst().flatMap { width in
            [ScratchBuffer<Scalar>(count: width * columns), ScratchBuffer<Scalar>(count: width * columns)]
        }
        buffers = encoderBuffers + decoderBuffers
        encoderOutputs = stride(from: 0, to: encoderBuffers.count, by: 2).map { encoderBuffers[$0].pointer }
        encoderDeltas = stride(from: 1, to: encoderBuffers.count, by: 2).map { encoderBuffers[$0].pointer }
        decoderOutputs = stride(from: 0, to: decoderBuffers.count, by: 2).map { decoderBuffers[$0].pointer }
        decoderDeltas = stride(from: 1, to: decoderBuffers.count, by: 2).map { decoderBuffers[$0].pointer }
    }
}

/// A shard's sums that are not per column: 1/Σx and Σ r²/Σx per dimension, and its part
/// of ∂E/∂log Σx.
final class ShardAccumulators<Scalar: BLASScalar>: @unchecked Sendable {
    let precision: ScratchBuffer<Scalar>
    let scaledSquares: ScratchBuffer<Scalar>
    let varianceGradient: ScratchBuffer<Scalar>

    init(model: VAEModel) {
        precision = ScratchBuffer(count: model.dataWidth)
        scaledSquares = ScratchBuffer(count: model.dataWidth)
        varianceGradient = ScratchBuffer(count: model.varianceCount)
    }
}
