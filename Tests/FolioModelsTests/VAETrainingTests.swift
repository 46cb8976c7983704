import Foundation
import Testing
import FolioMath
@testable import FolioModels

@Test func linearVAEReachesTheProbabilisticPCASolution() throws {
    let data = try linearGaussian(rows: 1000, cols: 20, rank: 3, noiseVariance: 0.1, seed: 4)
    let closed = try ppca(data.observed, rank: 3)
    let configuration = VAEConfiguration(latentWidth: 3, epochs: 300, batchSize: 100, learningRate: 1e-2, seed: 1)
    var reported: [TrainingProgress] = []
    let result = try trainVAE(data.observed, configuration: configuration) { reported.append($0) }
    let angles = try subspaceAnglesDegrees(result.decoderFirstLayer, closed.loading)
    #expect(angles.max()! < 1, "largest principal angle \(angles.max()!)°")
    #expect(abs(result.decoderVariances[0] - closed.noiseVariance) < 0.05 * closed.noiseVariance)
    // The learned decoder's PPCA likelihood is the optimum's; the VAE energy (an upper
    // bound on it, loose while WᵀW is not yet diagonal) approaches it from above.
    let optimum = closed.energy / (2 * 1000) + 10 * log(2 * Double.pi)
    let decoderEnergy = try ppcaEnergy(
        data.observed, loading: result.decoderFirstLayer, mean: result.decoderOutputBias,
        noiseVariance: result.decoderVariances[0]) / (2 * 1000) + 10 * log(2 * Double.pi)
    #expect(decoderEnergy >= optimum && decoderEnergy - optimum < 0.01 * abs(optimum))
    #expect(result.energyPerEpoch.last! > decoderEnergy - 0.05 && result.energyPerEpoch.last! - optimum < 0.03 * abs(optimum))
    #expect(reported.map(\.epoch) == Array(1...300) && reported.last?.energy == result.energyPerEpoch.last)
}

@Test func perEntryVarianceVAEFindsTheOutlierSupport() throws {
    let clean = try linearGaussian(rows: 300, cols: 20, rank: 2, noiseVariance: 0, seed: 3).clean
    let data = try corruptEntries(clean, ratio: 0.05, values: .signs(magnitude: 3), seed: 3)
    // An affine decoder (the linear model of Theorem 3) and a nonlinear encoder: an affine
    // encoder would pass each input outlier on to μz and so to the whole row.
    let configuration = VAEConfiguration(
        encoderHiddenWidths: [64, 64], latentWidth: 2, decoderVariance: .perEntryClosedForm(floor: 1e-2),
        epochs: 300, batchSize: 50, learningRate: 3e-3, seed: 2)
    let result = try trainVAE(data.observed, configuration: configuration)
    let residual = try data.observed - result.reconstruction
    let recovery = try supportRecovery(residual.map { abs($0) > 1 ? 1 : 0 }, data.support)
    #expect(recovery.precision > 0.95 && recovery.recall > 0.95, "precision \(recovery.precision), recall \(recovery.recall)")
    let error = try relativeError(result.reconstruction, data.clean)
    #expect(error < 0.1, "relative error of L \(error)")
    // Least squares (PCA) smears the outliers over L: the same detector does much worse.
    let baseline = try pca(data.observed, rank: 2).reconstruction
    let baselineError = try relativeError(baseline, data.clean)
    #expect(baselineError > 2 * error, "PCA \(baselineError) vs VAE \(error)")
}

@Test func trainingIsBitIdenticalForTheSameSeedWhateverTheThreadCount() throws {
    let data = try lowRankPlusSparse(rows: 100, cols: 8, rank: 2, outlierRatio: 0.1, seed: 1)
    // 100 samples in minibatches of 32: two shards per step, and a last minibatch of 4.
    let configuration = VAEConfiguration(
        encoderHiddenWidths: [10], decoderHiddenWidths: [10], latentWidth: 3, samples: 2, epochs: 3,
        batchSize: 32, weightDecay: 1e-3, seed: 9)
    #expect(VAETrainer.shardCount(batchSize: 32) == 2)
    let first = try trainVAE(data.observed, configuration: configuration, clean: data.clean, threads: 2)
    for threads in [1, 2, 3] {
        let again = try trainVAE(data.observed, configuration: configuration, clean: data.clean, threads: threads)
        #expect(first.energyPerEpoch == again.energyPerEpoch && first.nmsePerEpoch == again.nmsePerEpoch)
        #expect(first.reconstruction == again.reconstruction && first.latentVariances == again.latentVariances)
        #expect(first.decoderFirstLayer == again.decoderFirstLayer)
    }
    var reseeded = configuration
    reseeded.seed = 10
    #expect(try trainVAE(data.observed, configuration: reseeded).energyPerEpoch != first.energyPerEpoch)
}

@Test func autoencoderHasNoLatentVarianceAndKeepsEveryDimension() throws {
    let data = try linearGaussian(rows: 200, cols: 10, rank: 2, noiseVariance: 0.01, seed: 5)
    let configuration = VAEConfiguration(latentWidth: 5, epochs: 5, batchSize: 20, learningRate: 0.01, seed: 3)
    let result = try trainAE(data.observed, configuration: configuration)
    #expect(result.latentVariances.elements.allSatisfy { $0 == 0 })
    #expect(result.activeDimensions == 5 && result.decoderColumnNorms.count == 5)
}

@Test func divergenceIsAnErrorNamingTheEpochAndAHint() throws {
    var data = try linearGaussian(rows: 40, cols: 4, rank: 1, noiseVariance: 0.1, seed: 1).observed
    data[3, 2] = 1e30
    let configuration = VAEConfiguration(
        latentWidth: 2, decoderVariance: .perEntryClosedForm(floor: 1e-4), epochs: 5, batchSize: 8,
        learningRate: 10, seed: 1)
    let error = #expect(throws: ModelError.self) { try trainVAE(data, configuration: configuration) }
    guard case let .diverged(epoch, _, hint)? = error else { return }
    #expect(epoch >= 1 && hint.contains("learning rate") && hint.contains("ε"))
    #expect(throws: ModelError.self) { try trainVAE(data, configuration: .init(latentWidth: 0)) }
}
