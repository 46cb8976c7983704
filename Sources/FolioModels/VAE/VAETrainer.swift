import Foundation
import FolioMath

/// Trains a VAE on the rows of `x` (n samples × d) with Adam on Float32 minibatches,
/// shuffled each epoch by the seeded generator; see `VAEConfiguration` for the variants.
/// When `clean` (n × d) is given, the NMSE of the reconstruction against it is tracked per
/// epoch. `progress` is called after every epoch; an error it throws stops training.
/// A NaN or infinite energy throws `ModelError.diverged`. The same configuration and data
/// give bit-identical results.
public func trainVAE(
    _ x: Matrix<Double>, configuration: VAEConfiguration, clean: Matrix<Double>? = nil,
    progress: (TrainingProgress) throws -> Void = { _ in }
) throws -> VAETrainingResult {
    try configuration.validate(dataWidth: x.columns, function: "trainVAE")
    guard x.rows > 0 else { throw ModelError.invalidArgument(function: "trainVAE", message: "the data has no rows") }
    if let clean, clean.rows != x.rows || clean.columns != x.columns {
        throw ModelError.invalidArgument(
            function: "trainVAE", message: "clean data \(clean.shapeDescription) must match the data \(x.shapeDescription)")
    }
    var trainer = VAETrainer(configuration: configuration, data: x, clean: clean)
    return try trainer.run(progress: progress)
}

/// Trains an autoencoder: `trainVAE` with Σz = 0 (`LatentCovariance.none`), so z = μz(x)
/// and there is no KL term; use `latentPenalty` for the ℓ2 / ℓ1 baselines.
public func trainAE(
    _ x: Matrix<Double>, configuration: VAEConfiguration, clean: Matrix<Double>? = nil,
    progress: (TrainingProgress) throws -> Void = { _ in }
) throws -> VAETrainingResult {
    var autoencoder = configuration
    autoencoder.latentCovariance = .none
    return try trainVAE(x, configuration: autoencoder, clean: clean, progress: progress)
}

/// The state of one training run: Float32 parameters, Adam moments and workspaces,
/// all allocated up front.
struct VAETrainer {
    let configuration: VAEConfiguration
    let model: VAEModel
    /// The data transposed to d × n Float32, so a sample is a contiguous column.
    let samples: [Float]
    let sampleCount: Int
    let clean: Matrix<Double>?
    var parameters: [Float]
    var gradient: [Float]
    var optimiser: Adam
    let workspace: VAEWorkspace<Float>
    var orderStream: SeededGenerator
    var noiseStream: SeededGenerator

    init(configuration: VAEConfiguration, data: Matrix<Double>, clean: Matrix<Double>?) {
        self.configuration = configuration
        model = VAEModel(configuration: configuration, dataWidth: data.columns)
        samples = featureMajorFloats(data)
        sampleCount = data.rows
        self.clean = clean
        let root = SeededGenerator(seed: configuration.seed)
        var initStream = root.split("trainVAE.initialise")
        parameters = model.initialParameters(using: &initStream)
        gradient = Array(repeating: 0, count: model.parameterCount)
        optimiser = Adam(
            parameterCount: model.parameterCount, learningRate: Float(configuration.learningRate),
            weightDecay: Float(configuration.weightDecay), decayedRanges: model.weightRanges)
        workspace = VAEWorkspace(model: model, capacity: min(configuration.batchSize, data.rows))
        orderStream = root.split("trainVAE.minibatches")
        noiseStream = root.split("trainVAE.noise")
    }

    mutating func run(progress: (TrainingProgress) throws -> Void) throws -> VAETrainingResult {
        var energies: [Double] = [], errors: [Double] = []
        for epoch in stride(from: 1, through: configuration.epochs, by: 1) {
            let energy = try trainEpoch(epoch: epoch, lastFiniteEnergy: energies.last)
            energies.append(energy)
            var nmse: Double?
            if let clean {
                let error = try FolioModels.nmse(evaluate(epoch: epoch).reconstruction, clean)
                errors.append(error)
                nmse = error
            }
            try progress(TrainingProgress(epoch: epoch, epochs: configuration.epochs, energy: energy, nmse: nmse))
        }
        let evaluation = try evaluate(epoch: configuration.epochs)
        let firstLayer = decoderFirstLayer()
        let norms = columnNorms(firstLayer)
        let outputBias = model.decoder.biasOffset(model.decoder.layerCount - 1)
        return VAETrainingResult(
            energyPerEpoch: energies, nmsePerEpoch: errors, latentMeans: evaluation.means,
            latentVariances: evaluation.variances, reconstruction: evaluation.reconstruction,
            decoderFirstLayer: firstLayer, decoderColumnNorms: norms, activeDimensions: activeDimensionCount(norms),
            decoderVariances: parameters[model.varianceOffset..<model.parameterCount].map { exp(Double($0)) },
            decoderOutputBias: parameters[outputBias..<(outputBias + model.dataWidth)].map(Double.init))
    }

    /// One pass over the shuffled data; returns the mean energy per sample.
    private mutating func trainEpoch(epoch: Int, lastFiniteEnergy: Double?) throws -> Double {
        let order = orderStream.permutation(sampleCount)
        let d = model.dataWidth, noiseCount = model.latentWidth * model.drawsPerSample
        var total = 0.0
        var start = 0
        while start < sampleCount {
            let batch = min(workspace.capacity, sampleCount - start)
            samples.withUnsafeBufferPointer { source in
                for (column, index) in order[start..<(start + batch)].enumerated() {
                    (workspace.input.pointer + column * d).update(from: source.baseAddress! + index * d, count: d)
                }
            }
            if configuration.latentCovariance != .none {
                for k in 0..<(noiseCount * batch) { workspace.noise.pointer[k] = Float(noiseStream.normal()) }
            }
            let energy = parameters.withUnsafeMutableBufferPointer { p in
                gradient.withUnsafeMutableBufferPointer { g in
                    let energy = model.energy(
                        parameters: p.baseAddress!, gradient: g.baseAddress!, batch: batch, workspace: workspace)
                    optimiser.update(p.baseAddress!, gradient: g.baseAddress!)
                    return energy
                }
            }
            guard energy.isFinite else { throw divergence(epoch: epoch, lastFiniteEnergy: lastFiniteEnergy) }
            total += energy * Double(batch)
            start += batch
        }
        return total / Double(sampleCount)
    }

    private func divergence(epoch: Int, lastFiniteEnergy: Double?) -> ModelError {
        var hint = "lower the learning rate (now \(configuration.learningRate))"
        if case let .perEntryClosedForm(floor) = configuration.decoderVariance {
            hint += " or raise the decoder variance floor ε (now \(floor))"
        }
        return .diverged(epoch: epoch, lastFiniteEnergy: lastFiniteEnergy, hint: hint)
    }

    /// The encoder's μz and diag Σz and the reconstruction μx(μz(x)) on every sample, after `epoch`.
    func evaluate(epoch: Int) throws -> (means: Matrix<Double>, variances: Matrix<Double>, reconstruction: Matrix<Double>) {
        let n = sampleCount, d = model.dataWidth, kappa = model.latentWidth
        let headWidth = model.encoder.outputWidth, covariance = configuration.latentCovariance
        var means = Matrix<Double>(rows: n, columns: kappa)
        var variances = Matrix<Double>(rows: n, columns: kappa)
        var reconstruction = Matrix<Double>(rows: n, columns: d)
        parameters.withUnsafeBufferPointer { p in
            var start = 0
            while start < n {
                let batch = min(workspace.capacity, n - start)
                samples.withUnsafeBufferPointer { source in
                    workspace.input.pointer.update(from: source.baseAddress! + start * d, count: batch * d)
                }
                model.encoder.forward(
                    parameters: p.baseAddress!, input: workspace.input.pointer, batch: batch,
                    outputs: workspace.encoderOutputs)
                let heads = workspace.encoderOutputs[model.encoder.layerCount - 1]
                for column in 0..<batch {
                    let head = heads + column * headWidth
                    (workspace.latent.pointer + column * kappa).update(from: head, count: kappa)
                    for k in 0..<kappa {
                        means[start + column, k] = Double(head[k])
                        guard covariance != .none else { continue }
                        var variance = exp(Double(head[kappa + k]))
                        if covariance == .full {
                            let row = head + 2 * kappa + k * (k - 1) / 2
                            for l in 0..<k { variance += Double(row[l] * row[l]) }
                        }
                        variances[start + column, k] = variance
                    }
                }
                model.decoder.forward(
                    parameters: p.baseAddress!, input: workspace.latent.pointer, batch: batch,
                    outputs: workspace.decoderOutputs)
                let output = workspace.decoderOutputs[model.decoder.layerCount - 1]
                for column in 0..<batch {
                    for j in 0..<d { reconstruction[start + column, j] = Double(output[column * d + j]) }
                }
                start += batch
            }
        }
        guard reconstruction.isFinite else {
            throw ModelError.diverged(
                epoch: epoch, lastFiniteEnergy: nil,
                hint: "the reconstruction is not finite; lower the learning rate (now \(configuration.learningRate))")
        }
        return (means, variances, reconstruction)
    }

    /// W₁ of the decoder as a Double matrix (its first layer, fan-in κ').
    func decoderFirstLayer() -> Matrix<Double> {
        let rows = model.decoder.widths[1], offset = model.decoder.weightOffset(0)
        return Matrix(rows: rows, columns: model.latentWidth) { i, j in Double(parameters[offset + i + j * rows]) }
    }
}

/// The rows of `data` as contiguous Float32 columns (d × n, column-major): one sample per column.
func featureMajorFloats(_ data: Matrix<Double>) -> [Float] {
    let (n, d) = (data.rows, data.columns)
    var result = [Float](repeating: 0, count: n * d)
    result.withUnsafeMutableBufferPointer { target in
        data.withUnsafeElements { source in
            for j in 0..<d {
                for i in 0..<n { target[j + i * d] = Float(source[i + j * n]) }
            }
        }
    }
    return result
}
