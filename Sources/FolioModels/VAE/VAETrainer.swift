import Foundation
import FolioMath

/// Trains a VAE on the rows of `x` (n samples × d) with Adam on Float32 minibatches,
/// shuffled each epoch by the seeded generator; see `VAEConfiguration` for the variants.
/// When `clean` (n × d) is given, the NMSE of the reconstruction against it is tracked per
/// epoch. `progress` is called after every epoch; an error it throws stops training, as
/// does one `stop` throws (it is asked before every minibatch step).
/// A NaN or infinite energy throws `ModelError.diverged`.
///
/// Training runs on up to `threads` threads (two pieces of work per phase, see
/// `VAETrainer`), with OpenBLAS single-threaded meanwhile; the same configuration and data
/// give bit-identical results whatever `threads` is.
public func trainVAE(
    _ x: Matrix<Double>, configuration: VAEConfiguration, clean: Matrix<Double>? = nil,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount, stop: StopCheck = .never,
    progress: (TrainingProgress) throws -> Void = { _ in }
) throws -> VAETrainingResult {
    try configuration.validate(dataWidth: x.columns, function: "trainVAE")
    guard x.rows > 0 else { throw ModelError.invalidArgument(function: "trainVAE", message: "the data has no rows") }
    if let clean, clean.rows != x.rows || clean.columns != x.columns {
        throw ModelError.invalidArgument(
            function: "trainVAE", message: "clean data \(clean.shapeDescription) must match the data \(x.shapeDescription)")
    }
    return try BLASThreads.withThreads(1) {
        var trainer = VAETrainer(configuration: configuration, data: x, clean: clean, threads: threads)
        return try trainer.run(stop: stop, progress: progress)
    }
}

/// Trains an autoencoder: `trainVAE` with Σz = 0 (`LatentCovariance.none`), so z = μz(x)
/// and there is no KL term; use `latentPenalty` for the ℓ2 / ℓ1 baselines.
public func trainAE(
    _ x: Matrix<Double>, configuration: VAEConfiguration, clean: Matrix<Double>? = nil,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount, stop: StopCheck = .never,
    progress: (TrainingProgress) throws -> Void = { _ in }
) throws -> VAETrainingResult {
    var autoencoder = configuration
    autoencoder.latentCovariance = .none
    return try trainVAE(x, configuration: autoencoder, clean: clean, threads: threads, stop: stop, progress: progress)
}

/// The state of one training run: Float32 parameters, gradient, Adam moments and
/// workspaces, all allocated up front.
///
/// Every step runs in two phases, each cut into `shardCount` pieces (a fixed number, not
/// read from the machine) that run on parallel threads when `threads` allows, each piece
/// calling BLAS single-threaded: (1) each shard of the minibatch's samples runs the forward
/// pass, its energy and the backpropagated deltas in its columns of the shared workspace;
/// (2) each range of the parameter vector gets its gradient over the whole minibatch (one
/// GEMM per weight matrix piece) and its Adam update. So the numbers are the same whatever
/// the thread count.
struct VAETrainer {
    let configuration: VAEConfiguration
    let model: VAEModel
    /// The data transposed to d × n Float32, so a sample is a contiguous column.
    let samples: [Float]
    let sampleCount: Int
    let clean: Matrix<Double>?
    var parameters: [Float]
    let gradient: ScratchBuffer<Float>
    var optimiser: Adam
    let workspace: VAEWorkspace<Float>
    let shards: [TrainingShard]
    /// Each shard's accumulators, in shard order (phase two reads them all).
    let accumulators: [ShardAccumulators<Float>]
    /// Phase two's pieces of the parameter vector.
    let gradientRanges: [Range<Int>]
    /// Threads that run the pieces of a phase at once.
    let threads: Int
    var orderStream: SeededGenerator

    /// Pieces per phase: two (the cores of the machines Folio is built for), one for
    /// minibatches too small to share.
    static func shardCount(batchSize: Int) -> Int { batchSize >= 32 ? 2 : 1 }

    init(configuration: VAEConfiguration, data: Matrix<Double>, clean: Matrix<Double>?, threads: Int) {
        self.configuration = configuration
        let model = VAEModel(configuration: configuration, dataWidth: data.columns)
        self.model = model
        samples = featureMajorFloats(data)
        sampleCount = data.rows
        self.clean = clean
        let root = SeededGenerator(seed: configuration.seed)
        var initStream = root.split("trainVAE.initialise")
        parameters = model.initialParameters(using: &initStream)
        gradient = ScratchBuffer(count: model.parameterCount)
        optimiser = Adam(
            parameterCount: model.parameterCount, learningRate: Float(configuration.learningRate),
            weightDecay: Float(configuration.weightDecay), decayedRanges: model.weightRanges)
        let batchSize = min(configuration.batchSize, data.rows)
        workspace = VAEWorkspace(model: model, capacity: batchSize)
        let shardCount = Self.shardCount(batchSize: batchSize)
        shards = (0..<shardCount).map { index in
            TrainingShard(noiseStream: root.split("trainVAE.noise.\(index)"))
        }
        accumulators = shards.map { _ in ShardAccumulators(model: model) }
        gradientRanges = model.gradientRanges(parts: shardCount)
        self.threads = max(1, min(threads, shardCount))
        orderStream = root.split("trainVAE.minibatches")
    }

    mutating func run(stop: StopCheck = .never, progress: (TrainingProgress) throws -> Void) throws -> VAETrainingResult {
        var energies: [Double] = [], errors: [Double] = []
        for epoch in stride(from: 1, through: configuration.epochs, by: 1) {
            let energy = try trainEpoch(epoch: epoch, lastFiniteEnergy: energies.last, stop: stop)
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
    private mutating func trainEpoch(epoch: Int, lastFiniteEnergy: Double?, stop: StopCheck) throws -> Double {
        let order = orderStream.permutation(sampleCount)
        var total = 0.0
        var start = 0
        while start < sampleCount {
            try stop()
            let batch = min(workspace.capacity, sampleCount - start)
            let energy = step(minibatch: order[start..<(start + batch)])
            guard energy.isFinite else { throw divergence(epoch: epoch, lastFiniteEnergy: lastFiniteEnergy) }
            total += energy * Double(batch)
            start += batch
        }
        return total / Double(sampleCount)
    }

    /// One Adam step on the samples at `indices`; returns their mean energy.
    private mutating func step(minibatch indices: ArraySlice<Int>) -> Double {
        let (model, workspace, shards, accumulators, gradientRanges) = (model, workspace, shards, accumulators, gradientRanges)
        let (d, noisy, batch) = (model.dataWidth, configuration.latentCovariance != .none, indices.count)
        let noisePerSample = model.latentWidth * model.drawsPerSample
        optimiser.beginStep()
        let (optimiser, gradient) = (optimiser, gradient.pointer)
        samples.withUnsafeBufferPointer { source in
            parameters.withUnsafeMutableBufferPointer { p in
                let parameters = p.baseAddress!
                performConcurrently(shards.count, threads: threads) { index in
                    let shard = shards[index], columns = evenRange(batch, part: index, of: shards.count)
                    for column in columns {
                        (workspace.input.pointer + column * d)
                            .update(from: source.baseAddress! + indices[indices.startIndex + column] * d, count: d)
                    }
                    if noisy {
                        for k in (columns.lowerBound * noisePerSample)..<(columns.upperBound * noisePerSample) {
                            workspace.noise.pointer[k] = Float(shard.noiseStream.normal())
                        }
                    }
                    shard.energy = model.forwardAndBackpropagate(
                        parameters: parameters, columns: columns, normaliser: batch, workspace: workspace,
                        accumulators: accumulators[index], backpropagate: true)
                }
                performConcurrently(gradientRanges.count, threads: threads) { index in
                    model.writeGradient(
                        range: gradientRanges[index], gradient: gradient, batch: batch, workspace: workspace,
                        shards: accumulators)
                    optimiser.update(parameters, gradient: gradient, range: gradientRanges[index])
                }
            }
        }
        return shards.reduce(0) { $0 + $1.energy }
    }

    private func divergence(epoch: Int, lastFiniteEnergy: Double?) -> ModelError {
        var hint = "lower the learning rate (now \(configuration.learningRate))"
        if case let .perEntryClosedForm(floor) = configuration.decoderVariance {
            hint += " or raise the decoder variance floor ε (now \(floor))"
        }
        return .diverged(epoch: epoch, lastFiniteEnergy: lastFiniteEnergy, hint: hint)
    }

    /// The encoder's μz and diag Σz and the reconstruction μx(μz(x)) on every sample, after
    /// `epoch`, a minibatch at a time, each cut into shards that run in parallel.
    func evaluate(epoch: Int) throws -> (means: Matrix<Double>, variances: Matrix<Double>, reconstruction: Matrix<Double>) {
        let n = sampleCount
        var means = Matrix<Double>(rows: n, columns: model.latentWidth)
        var variances = Matrix<Double>(rows: n, columns: model.latentWidth)
        var reconstruction = Matrix<Double>(rows: n, columns: model.dataWidth)
        means.withUnsafeMutableElements { meanElements in
            variances.withUnsafeMutableElements { varianceElements in
                reconstruction.withUnsafeMutableElements { reconstructionElements in
                    let outputs = EvaluationOutputs(
                        rows: n, means: meanElements.baseAddress!, variances: varianceElements.baseAddress!,
                        reconstruction: reconstructionElements.baseAddress!)
                    for start in stride(from: 0, to: n, by: workspace.capacity) {
                        let batch = min(workspace.capacity, n - start)
                        performConcurrently(shards.count, threads: threads) { index in
                            evaluate(columns: evenRange(batch, part: index, of: shards.count), firstRow: start, into: outputs)
                        }
                    }
                }
            }
        }
        guard reconstruction.isFinite else {
            throw ModelError.diverged(
                epoch: epoch, lastFiniteEnergy: nil,
                hint: "the reconstruction is not finite; lower the learning rate (now \(configuration.learningRate))")
        }
        return (means, variances, reconstruction)
    }

    /// Encodes and decodes the samples `firstRow + columns` in those columns of the
    /// workspace, writing their rows of the outputs.
    private func evaluate(columns: Range<Int>, firstRow: Int, into outputs: EvaluationOutputs) {
        let d = model.dataWidth, kappa = model.latentWidth, n = outputs.rows
        let headWidth = model.encoder.outputWidth, covariance = configuration.latentCovariance
        parameters.withUnsafeBufferPointer { p in
            samples.withUnsafeBufferPointer { source in
                (workspace.input.pointer + columns.lowerBound * d)
                    .update(from: source.baseAddress! + (firstRow + columns.lowerBound) * d, count: columns.count * d)
            }
            model.encoder.forward(
                parameters: p.baseAddress!, input: workspace.input.pointer, columns: columns,
                outputs: workspace.encoderOutputs)
            let heads = workspace.encoderOutputs[model.encoder.layerCount - 1]
            for column in columns {
                let head = heads + column * headWidth, row = firstRow + column
                (workspace.latent.pointer + column * kappa).update(from: head, count: kappa)
                for k in 0..<kappa {
                    outputs.means[row + k * n] = Double(head[k])
                    guard covariance != .none else { continue }
                    var variance = exp(Double(head[kappa + k]))
                    if covariance == .full {
                        let lower = head + 2 * kappa + k * (k - 1) / 2
                        for l in 0..<k { variance += Double(lower[l] * lower[l]) }
                    }
                    outputs.variances[row + k * n] = variance
                }
            }
            model.decoder.forward(
                parameters: p.baseAddress!, input: workspace.latent.pointer, columns: columns,
                outputs: workspace.decoderOutputs)
            let output = workspace.decoderOutputs[model.decoder.layerCount - 1]
            for column in columns {
                for j in 0..<d { outputs.reconstruction[firstRow + column + j * n] = Double(output[column * d + j]) }
            }
        }
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

/// One shard of every minibatch: its noise stream and its part of the last energy, used
/// by one thread at a time.
final class TrainingShard: @unchecked Sendable {
    var noiseStream: SeededGenerator
    var energy = 0.0

    init(noiseStream: SeededGenerator) {
        self.noiseStream = noiseStream
    }
}

/// The column-major n-row output buffers of `VAETrainer.evaluate`, written by row.
private struct EvaluationOutputs: @unchecked Sendable {
    let rows: Int
    let means: UnsafeMutablePointer<Double>
    let variances: UnsafeMutablePointer<Double>
    let reconstruction: UnsafeMutablePointer<Double>
}
