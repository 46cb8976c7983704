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

    /// The mean energy per sample of the `batch` samples in `workspace.input`, with the
    /// noise in `workspace.noise`; writes its gradient when `gradient` is given.
    func energy<Scalar: NetworkScalar>(
        parameters: UnsafePointer<Scalar>, gradient: UnsafeMutablePointer<Scalar>?, batch: Int,
        workspace: VAEWorkspace<Scalar>
    ) -> Double {
        let draws = drawsPerSample
        encoder.forward(parameters: parameters, input: workspace.input.pointer, batch: batch, outputs: workspace.encoderOutputs)
        let heads = UnsafePointer(workspace.encoderOutputs[encoder.layerCount - 1])
        sampleLatent(heads: heads, batch: batch, workspace: workspace)
        decoder.forward(
            parameters: parameters, input: workspace.latent.pointer, batch: draws * batch, outputs: workspace.decoderOutputs)
        let reconstruction = reconstructionEnergy(
            parameters: parameters, gradient: gradient, batch: batch, workspace: workspace)
        let latent = latentEnergy(heads: heads, batch: batch, headGradient: workspace.encoderDeltas[encoder.layerCount - 1])
        guard let gradient else { return reconstruction + latent }
        decoder.backward(
            parameters: parameters, gradient: gradient, input: workspace.latent.pointer, batch: draws * batch,
            outputs: workspace.decoderOutputs, deltas: workspace.decoderDeltas, inputGradient: workspace.latentGradient.pointer)
        backpropagateSampling(heads: heads, batch: batch, workspace: workspace)
        encoder.backward(
            parameters: parameters, gradient: gradient, input: workspace.input.pointer, batch: batch,
            outputs: workspace.encoderOutputs, deltas: workspace.encoderDeltas, inputGradient: nil)
        return reconstruction + latent
    }

    /// z = μz + L ε for every draw; column t·batch + i is draw t of sample i.
    private func sampleLatent<Scalar: NetworkScalar>(heads: UnsafePointer<Scalar>, batch: Int, workspace: VAEWorkspace<Scalar>) {
        let kappa = latentWidth, headWidth = encoder.outputWidth
        let z = workspace.latent.pointer, noise = UnsafePointer(workspace.noise.pointer)
        for column in 0..<(drawsPerSample * batch) {
            let head = heads + (column % batch) * headWidth
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

    /// (1/τ) Σ −log N(x; μx, Σx), averaged over the batch; sets ∂/∂μx in the decoder's last
    /// delta and the gradient of the log Σx parameters.
    private func reconstructionEnergy<Scalar: NetworkScalar>(
        parameters: UnsafePointer<Scalar>, gradient: UnsafeMutablePointer<Scalar>?, batch: Int,
        workspace: VAEWorkspace<Scalar>
    ) -> Double {
        let d = dataWidth, columns = drawsPerSample * batch
        let weight = 1 / Scalar(columns)
        let mean = UnsafePointer(workspace.decoderOutputs[decoder.layerCount - 1])
        let delta = workspace.decoderDeltas[decoder.layerCount - 1]
        let x = UnsafePointer(workspace.input.pointer)
        let logVariance = parameters + varianceOffset
        // Per dimension: 1/Σx,jj and the running Σ r²/Σx,jj over the batch.
        let scaledSquares = workspace.scaledSquares.pointer
        scaledSquares.update(repeating: 0, count: d)
        var logDeterminant: Scalar = 0
        if varianceCount > 0 {
            for j in 0..<d {
                let index = varianceCount > 1 ? j : 0
                workspace.precision.pointer[j] = Scalar.exponential(-logVariance[index])
                logDeterminant += logVariance[index]
            }
        }
        var total = Double(columns) * Double(logDeterminant)
        for column in 0..<columns {
            let xColumn = x + (column % batch) * d, muColumn = mean + column * d, deltaColumn = delta + column * d
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
                let precision = UnsafePointer(workspace.precision.pointer)
                for j in 0..<d {
                    let r = xColumn[j] - muColumn[j], scaled = r * r * precision[j]
                    columnTotal += scaled
                    deltaColumn[j] = -weight * r * precision[j]
                    scaledSquares[j] += scaled
                }
            }
            total += Double(columnTotal)
        }
        if let gradient, varianceCount > 0 {
            // ∂/∂ log Σx,jj of the mean over columns of ½ Σⱼ (r²/Σx,jj + log Σx,jj).
            let varianceGradient = gradient + varianceOffset
            varianceGradient.update(repeating: 0, count: varianceCount)
            for j in 0..<d {
                varianceGradient[varianceCount > 1 ? j : 0] += (weight * Scalar(columns) - weight * scaledSquares[j]) / 2
            }
        }
        return (total / 2) / Double(columns) + Double(d) * 0.5 * log(2 * Double.pi)
    }

    /// β·KL plus the latent penalty, averaged over the batch; sets their gradient with
    /// respect to the heads in `headGradient`.
    private func latentEnergy<Scalar: NetworkScalar>(
        heads: UnsafePointer<Scalar>, batch: Int, headGradient: UnsafeMutablePointer<Scalar>
    ) -> Double {
        let kappa = latentWidth, headWidth = encoder.outputWidth
        let weight = 1 / Scalar(batch), beta = Scalar(configuration.klWeight)
        var total = 0.0
        for sample in 0..<batch {
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
        return total / Double(batch)
    }

    /// Adds ∂E/∂z (in `workspace.latentGradient`) through z = μ + L ε to the head gradient.
    private func backpropagateSampling<Scalar: NetworkScalar>(heads: UnsafePointer<Scalar>, batch: Int, workspace: VAEWorkspace<Scalar>) {
        let kappa = latentWidth, headWidth = encoder.outputWidth
        let headGradient = workspace.encoderDeltas[encoder.layerCount - 1]
        let dz = UnsafePointer(workspace.latentGradient.pointer), noise = UnsafePointer(workspace.noise.pointer)
        for column in 0..<(drawsPerSample * batch) {
            let sample = column % batch
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
final class VAEWorkspace<Scalar: BLASScalar> {
    let capacity: Int
    /// d × capacity: the batch, feature-major.
    let input: ScratchBuffer<Scalar>
    /// κ' × τ·capacity: ε, z and ∂E/∂z.
    let noise: ScratchBuffer<Scalar>
    let latent: ScratchBuffer<Scalar>
    let latentGradient: ScratchBuffer<Scalar>
    /// d entries each: 1/Σx per dimension and the batch's Σ r²/Σx per dimension.
    let precision: ScratchBuffer<Scalar>
    let scaledSquares: ScratchBuffer<Scalar>
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
        precision = ScratchBuffer(count: model.dataWidth)
        scaledSquares = ScratchBuffer(count: model.dataWidth)
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
