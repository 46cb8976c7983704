import FolioMath
import FolioModels

/// The models of the paper (FolioModels): PCA, PPCA, robust PCA, VAEs and autoencoders,
/// the synthetic data sets and the metrics. Every random draw (data, initial weights,
/// minibatch order, reparameterisation noise) is seeded from the cell's stream, so a cell
/// gives the same numbers on every run. Results are records: `result.lowRank`,
/// `vae.energy`, `vae.activeDimensions`, …
extension BuiltinModule {
    static let models = BuiltinModule(
        name: "models",
        functions: [
            Builtin(
                "pca", [.positional("x", .matrix), .labeled("rank", .int)], returns: RecordType.pca.valueType,
                doc: """
                    PCA of the rows of `x` by a thin SVD of the centred data, keeping `rank` components.
                    """
            ) { call in
                let result = try pca(try call.matrix(0), rank: try call.int(1))
                return RecordType.pca.make([
                    "mean": vector(result.mean), "components": .matrix(result.components),
                    "singularValues": vector(result.singularValues), "explainedVariance": vector(result.explainedVariance),
                    "scores": .matrix(result.scores), "reconstruction": .matrix(result.reconstruction),
                ])
            },
            Builtin(
                "ppca",
                [
                    .positional("x", .matrix), .labeled("rank", .int),
                    .option("method", PPCAMethod.closedForm),
                ],
                returns: RecordType.ppca.valueType,
                doc: """
                    Probabilistic PCA (Tipping & Bishop): `.closedForm` (W from the top eigenpairs of the sample \
                    covariance, λ = mean of the discarded eigenvalues) or `.em`.
                    """
            ) { call in
                let x = try call.matrix(0), rank = try call.int(1)
                let result = try PPCAMethod(call[2]) == .em
                    ? ppcaEM(x, rank: rank, seed: nextSeed(call)) : ppca(x, rank: rank)
                return RecordType.ppca.make([
                    "loading": .matrix(result.loading), "mean": vector(result.mean),
                    "noiseVariance": .double(result.noiseVariance), "energy": .double(result.energy),
                    "negativeLogLikelihood": .double(result.negativeLogLikelihood), "iterations": .int(result.iterations),
                ])
            },
            Builtin(
                "ppcaEnergy",
                [.positional("x", .matrix), .labeled("loading", .matrix), .labeled("mean", .vector), .labeled("noiseVariance", .double)],
                returns: .double,
                doc: "The PPCA energy Σᵢ (xᵢ−b)ᵀ(λI+WWᵀ)⁻¹(xᵢ−b) + n·log|λI+WWᵀ| (Lemma 1 of the paper) at any W, b, λ, e.g. a trained affine decoder's."
            ) { call in
                .double(try ppcaEnergy(
                    try call.matrix(0), loading: try call.matrix(1), mean: try call.doubles(2), noiseVariance: try call.double(3)))
            },
            Builtin(
                "pcp",
                [
                    .positional("x", .matrix), .labeled("lambda", .double, default: .void),
                    .labeled("tolerance", .double, default: .double(1e-7)), .labeled("maxIterations", .int, default: .int(1000)),
                ],
                returns: RecordType.pcp.valueType,
                doc: """
                    Robust PCA by principal component pursuit (inexact ALM, Lin, Chen & Ma 2010): min ‖L‖_* + λ‖S‖₁ \
                    s.t. X = L + S, λ = 1/√max(m, n) by default.
                    """
            ) { call in
                let lambda = try optionalDouble(call, 1)
                let x = try call.matrix(0)
                // X, L, S, Y, the thresholding target and the SVD's workspaces.
                try call.reserve(MemoryEstimate.product(8, MemoryEstimate.matrix(x.rows, x.columns)))
                let result = try pcp(
                    x, lambda: lambda, tolerance: try call.double(2),
                    maxIterations: try call.count(3, maximum: 1_000_000), seed: nextSeed(call), stop: call.stop)
                return RecordType.pcp.make([
                    "lowRank": .matrix(result.lowRank), "sparse": .matrix(result.sparse), "rank": .int(result.rank),
                    "iterations": .int(result.iterations), "residualHistory": vector(result.residualHistory),
                    "converged": .bool(result.converged),
                ])
            },
            trainer("trainVAE", autoencoder: false),
            trainer("trainAE", autoencoder: true),
            Builtin(
                "linearGaussian",
                [.labeled("rows", .int), .labeled("cols", .int), .labeled("rank", .int), .labeled("noiseVariance", .double)],
                returns: RecordType.linearGaussianData.valueType,
                doc: "Samples x = Wz + ε of the PPCA model with a random loading W (cols × rank)."
            ) { call in
                let rows = try call.count(0, maximum: 10_000_000), cols = try call.count(1, maximum: 100_000)
                let rank = try call.int(2)
                // observed and clean (rows × cols), the loading (cols × rank) and z (rows × rank).
                try call.reserve(MemoryEstimate.sum(
                    MemoryEstimate.product(2, MemoryEstimate.matrix(rows, cols)), MemoryEstimate.matrix(rows + cols, rank)))
                let data = try linearGaussian(
                    rows: rows, cols: cols, rank: rank, noiseVariance: try call.double(3), seed: nextSeed(call))
                return RecordType.linearGaussianData.make([
                    "observed": .matrix(data.observed), "clean": .matrix(data.clean), "loading": .matrix(data.loading),
                ])
            },
            Builtin(
                "lowRankPlusSparse",
                [
                    .labeled("rows", .int), .labeled("cols", .int), .labeled("rank", .int), .labeled("outlierRatio", .double),
                    .option("outliers", OutlierKind.signs),
                ],
                returns: RecordType.corruptedData.valueType,
                doc: """
                    Robust PCA data X = L + S: L = AB of the given rank (factors N(0, 1/cols)), S with a fraction \
                    `outlierRatio` of entries set to `.signs` (±1), `.normal` (N(0, 1)) or `.uniform` (on [−1, 1)).
                    """
            ) { call in
                let rows = try call.count(0, maximum: 100_000), cols = try call.count(1, maximum: 100_000)
                let rank = try call.int(2)
                // observed, low-rank, sparse and support (rows × cols), and the factors A and B.
                try call.reserve(MemoryEstimate.sum(
                    MemoryEstimate.product(4, MemoryEstimate.matrix(rows, cols)), MemoryEstimate.matrix(rows + cols, rank)))
                let data = try lowRankPlusSparse(
                    rows: rows, cols: cols, rank: rank,
                    outlierRatio: try call.double(3), outliers: try OutlierKind(call[4]).values, seed: nextSeed(call))
                return corrupted(data)
            },
            Builtin(
                "corruptEntries",
                [
                    .positional("x", .matrix), .labeled("ratio", .double),
                    .option("outliers", OutlierKind.normal),
                ],
                returns: RecordType.corruptedData.valueType,
                doc: "Adds outliers to a fraction `ratio` of the entries of `x` (`outliers`: `.normal` N(0, 1), `.uniform` U[-1, 1) or `.signs` ±1 values)."
            ) { call in
                corrupted(try corruptEntries(
                    try call.matrix(0), ratio: try call.double(1), values: try OutlierKind(call[2]).values, mode: .additive, seed: nextSeed(call)))
            },
            Builtin(
                "corruptPixels",
                [
                    .positional("images", .matrix), .labeled("fraction", .double), .labeled("lower", .double, default: .double(0)),
                    .labeled("upper", .double, default: .double(1)),
                ],
                returns: RecordType.corruptedData.valueType,
                doc: "Replaces a `fraction` of the pixels by uniform draws on [lower, upper) (salt-and-pepper-like pixel noise)."
            ) { call in
                corrupted(try corruptPixels(
                    try call.matrix(0), fraction: try call.double(1), lower: try call.double(2), upper: try call.double(3),
                    seed: nextSeed(call)))
            },
            Builtin(
                "reluManifold",
                [
                    .labeled("samples", .int), .labeled("latent", .int), .labeled("hidden", .array(.int), default: .array([.int(200), .int(400)])),
                    .labeled("output", .int),
                ],
                returns: RecordType.manifoldData.valueType,
                doc: """
                    Samples of a nonlinear manifold: z ~ N(0, I) through a fixed random ReLU network \
                    latent → hidden… → output with He initialisation.
                    """
            ) { call in
                let hidden = try call.array(2).map { value -> Int in
                    guard case .int(let width) = value, (1...100_000).contains(width) else {
                        throw BuiltinError("'hidden' widths must be between 1 and 100000")
                    }
                    return width
                }
                let samples = try call.count(0, maximum: 10_000_000), latent = try call.count(1, maximum: 10_000)
                let output = try call.count(3, maximum: 100_000)
                // One samples × width activation per layer, and the weights between layers.
                let widths = [latent] + hidden + [output]
                let activations = MemoryEstimate.matrix(samples, widths.reduce(0) { MemoryEstimate.sum($0, $1) })
                let weights = zip(widths, widths.dropFirst()).reduce(0) { MemoryEstimate.sum($0, MemoryEstimate.matrix($1.0, $1.1)) }
                try call.reserve(MemoryEstimate.sum(activations, weights))
                let data = try reluManifold(
                    samples: samples, latentDimension: latent, hiddenWidths: hidden, outputDimension: output, seed: nextSeed(call))
                return RecordType.manifoldData.make(["clean": .matrix(data.clean), "latent": .matrix(data.latent)])
            },
            metric("nmse", "‖truth − estimate‖²_F / ‖truth‖²_F, the paper's NMSE.") { try nmse($0, $1) },
            metric("relativeError", "‖truth − estimate‖_F / ‖truth‖_F, robust PCA's recovery error.") { try relativeError($0, $1) },
            Builtin(
                "principalAngles", [.positional("a", .matrix), .positional("b", .matrix)], returns: .array(.double),
                doc: "Principal angles in degrees, ascending, between the column spaces of `a` and `b`."
            ) { call in vector(try subspaceAnglesDegrees(try call.matrix(0), try call.matrix(1))) },
            Builtin(
                "singularSpectrum", [.positional("x", .matrix)], returns: .array(.double),
                doc: "The singular values of `x`, largest first (to read off a matrix's effective rank)."
            ) { call in vector(try singularSpectrum(try call.matrix(0))) },
            Builtin(
                "supportRecovery",
                [.positional("estimate", .matrix), .positional("truth", .matrix), .labeled("tolerance", .double, default: .double(0))],
                returns: RecordType.supportRecovery.valueType,
                doc: """
                    Compares the supports {|estimate| > tolerance} and {|truth| > tolerance}.
                    """
            ) { call in
                let recovery = try supportRecovery(try call.matrix(0), try call.matrix(1), tolerance: try call.double(2))
                return RecordType.supportRecovery.make([
                    "precision": .double(recovery.precision), "recall": .double(recovery.recall), "f1": .double(recovery.f1),
                    "truePositives": .int(recovery.truePositives), "falsePositives": .int(recovery.falsePositives),
                    "falseNegatives": .int(recovery.falseNegatives),
                ])
            },
            Builtin(
                "columnNorms", [.positional("x", .matrix)], returns: .array(.double),
                doc: "The Euclidean norm of each column (e.g. of W₁, one per latent dimension)."
            ) { call in vector(columnNorms(try call.matrix(0))) },
            Builtin(
                "activeDimensions", [.positional("norms", .vector), .labeled("threshold", .double, default: .double(0.05))],
                returns: .int,
                doc: "How many norms are at least `threshold` × the largest: the active latent dimensions of a VAE, with the usual 0.05 cut-off."
            ) { call in .int(activeDimensionCount(try call.doubles(0), threshold: try call.double(1))) },
        ],
        records: [.pca, .ppca, .pcp, .linearGaussianData, .corruptedData, .manifoldData, .supportRecovery, .vaeResult],
        enumerations: [
            PPCAMethod.enumeration, OutlierKind.enumeration, LatentCovariance.enumeration, DecoderVarianceOption.enumeration,
            LatentPenaltyOption.enumeration,
        ])


    /// `trainVAE` and `trainAE`: one signature, the AE without a latent covariance.
    private static func trainer(_ name: String, autoencoder: Bool) -> Builtin {
        var parameters: [Builtin.Parameter] = [
            .positional("x", .matrix), .labeled("latent", .int),
            .labeled("encoder", .array(.int), default: .array([])), .labeled("decoder", .array(.int), default: .array([])),
        ]
        if !autoencoder {
            parameters.append(.option("covariance", LatentCovariance.diagonal))
        }
        parameters += [
            .option("decoderVariance", DecoderVarianceOption.scalar),
            .labeled("epsilon", .double, default: .double(1e-4)),
            .labeled("klWeight", .double, default: .double(1)),
            .option("penalty", LatentPenaltyOption.none),
            .labeled("penaltyWeight", .double, default: .double(0)),
            .labeled("samples", .int, default: .int(1)), .labeled("epochs", .int, default: .int(100)),
            .labeled("batchSize", .int, default: .int(100)), .labeled("learningRate", .double, default: .double(1e-3)),
            .labeled("weightDecay", .double, default: .double(0)), .labeled("clean", .matrix, default: .void),
        ]
        let doc = autoencoder
            ? """
                Trains an autoencoder (Σz = 0, no KL term; `penalty: .l2`/`.l1` with `penaltyWeight` C for the \
                paper's AE baselines). Arguments as `trainVAE`.
                """
            : """
                Trains a VAE on the rows of `x` (Adam, Float32 minibatches). `encoder`/`decoder` are hidden widths \
                ([] = affine), `latent` is κ'. `covariance`: `.diagonal` (the paper's), `.full` or `.none`; \
                `decoderVariance`: `.scalar` (learned λ), `.perDimension`, or `.perEntry` (closed form, squared \
                residual floored at `epsilon`). `clean` tracks NMSE per epoch.
                """
        return Builtin(name, parameters, returns: RecordType.vaeResult.valueType, doc: doc) { call in
            let named = call.argumentsByName
            func int(_ key: String) throws -> Int {
                guard case .int(let value)? = named[key] else { throw BuiltinError("'\(key)' must be an Int") }
                return value
            }
            func double(_ key: String) throws -> Double {
                switch named[key] {
                case .double(let value)?: return value
                case .int(let value)?: return Double(value)
                default: throw BuiltinError("'\(key)' must be a Double")
                }
            }
            func widths(_ key: String) throws -> [Int] {
                guard case .array(let values)? = named[key] else { throw BuiltinError("'\(key)' must be [Int]") }
                return try values.map { value in
                    guard case .int(let width) = value, (1...100_000).contains(width) else {
                        throw BuiltinError("'\(key)' widths must be between 1 and 100000")
                    }
                    return width
                }
            }
            let penalty = try LatentPenaltyOption(named["penalty"] ?? .void).model(weight: try double("penaltyWeight"))
            let variance = try DecoderVarianceOption(named["decoderVariance"] ?? .void).model(floor: try double("epsilon"))
            let covariance = try autoencoder ? .none : LatentCovariance(named["covariance"] ?? .void)
            let configuration = VAEConfiguration(
                encoderHiddenWidths: try widths("encoder"), decoderHiddenWidths: try widths("decoder"),
                latentWidth: try int("latent"), latentCovariance: covariance, decoderVariance: variance,
                klWeight: try double("klWeight"), latentPenalty: penalty, samples: try int("samples"),
                epochs: try int("epochs"), batchSize: try int("batchSize"), learningRate: try double("learningRate"),
                weightDecay: try double("weightDecay"), seed: nextSeed(call))
            var clean: Matrix<Double>?
            if case .matrix(let matrix)? = named["clean"] { clean = matrix }
            let x = try call.matrix(0)
            try call.reserve(trainingBytes(configuration, rows: x.rows, columns: x.columns))
            let result: VAETrainingResult
            do {
                result = try trainVAE(
                    x, configuration: configuration, clean: clean, threads: call.context.threads, stop: call.stop
                ) { progress in
                    call.progress(done: progress.epoch, total: progress.epochs, label: name)
                }
            } catch let ModelError.diverged(epoch, lastFiniteEnergy, hint) {
                let last = lastFiniteEnergy.map { "the last finite energy was \($0)" } ?? "no epoch finished with a finite energy"
                throw BuiltinError("training diverged in epoch \(epoch): the energy became NaN or infinite; \(last)", hint: hint)
            }
            return RecordType.vaeResult.make([
                "energy": vector(result.energyPerEpoch), "nmse": vector(result.nmsePerEpoch),
                "latentMeans": .matrix(result.latentMeans), "latentVariances": .matrix(result.latentVariances),
                "reconstruction": .matrix(result.reconstruction), "decoderFirstLayer": .matrix(result.decoderFirstLayer),
                "columnNorms": vector(result.decoderColumnNorms), "activeDimensions": .int(result.activeDimensions),
                "decoderVariances": vector(result.decoderVariances), "decoderBias": vector(result.decoderOutputBias),
            ])
        }
    }

    /// About what training `configuration` on rows × columns data allocates: the
    /// parameters with their gradient and Adam moments (Float32, 4 copies), each layer's
    /// activations for a minibatch (a few copies), and the data, its Float32 copy and the
    /// reconstruction.
    private static func trainingBytes(_ configuration: VAEConfiguration, rows: Int, columns: Int) -> Int {
        let latent = configuration.latentWidth
        let encoder = [columns] + configuration.encoderHiddenWidths + [MemoryEstimate.product(2, latent)]
        let decoder = [latent] + configuration.decoderHiddenWidths + [columns]
        func weights(_ widths: [Int]) -> Int {
            zip(widths, widths.dropFirst()).reduce(0) { MemoryEstimate.sum($0, MemoryEstimate.product($1.0 + 1, $1.1)) }
        }
        let parameters = MemoryEstimate.sum(weights(encoder), weights(decoder), MemoryEstimate.product(latent, latent))
        let batch = min(max(1, configuration.batchSize), max(1, rows))
        let activations = MemoryEstimate.product(batch, (encoder + decoder).reduce(0) { MemoryEstimate.sum($0, $1) })
        return MemoryEstimate.sum(
            MemoryEstimate.product(4, 4, parameters), MemoryEstimate.product(4, 4, activations),
            MemoryEstimate.product(3, MemoryEstimate.matrix(rows, columns)))
    }

    /// A metric of an estimate against the truth.
    private static func metric(
        _ name: String, _ doc: String, _ body: @escaping @Sendable (Matrix<Double>, Matrix<Double>) throws -> Double
    ) -> Builtin {
        Builtin(name, [.positional("estimate", .matrix), .positional("truth", .matrix)], returns: .double, doc: doc) { call in
            .double(try body(try call.matrix(0), try call.matrix(1)))
        }
    }

    /// A seed for a model function, drawn from the cell's stream (so each call differs,
    /// and every run repeats).
    private static func nextSeed(_ call: BuiltinCall) -> UInt64 {
        var generator = call.generator
        defer { call.generator = generator }
        return generator.next()
    }

    private static func corrupted(_ data: CorruptedData) -> Value {
        RecordType.corruptedData.make([
            "observed": .matrix(data.observed), "lowRank": .matrix(data.clean), "sparse": .matrix(data.sparse),
            "support": .matrix(data.support),
        ])
    }

    private static func optionalDouble(_ call: BuiltinCall, _ index: Int) throws -> Double? {
        if case .void = call[index] { return nil }
        return try call.double(index)
    }

    private static func vector(_ values: [Double]) -> Value { .array(values.map(Value.double)) }
}
