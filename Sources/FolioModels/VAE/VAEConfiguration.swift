/// The encoder covariance Σz(x).
public enum LatentCovariance: String, Sendable, Hashable, Codable, CaseIterable {
    /// Diagonal, from a head of log-variances followed by exp (the paper's VAE).
    case diagonal
    /// Full, through a Cholesky factor: exp(s/2) on the diagonal, free entries below it.
    case full
    /// None: z = μz(x), an autoencoder (Σz = 0, no KL term).
    case none
}

/// The decoder covariance Σx.
public enum DecoderVariance: Sendable, Hashable, Codable {
    /// One learned variance λ for every entry (Σx = λI), trained as log λ.
    case learnedScalar
    /// One learned variance per data dimension, trained as logs.
    case learnedPerDimension
    /// Per sample and per entry, set in closed form to the squared residual (x − μx)²,
    /// floored at `floor` (the ε of PAPER.md E1) so the energy stays bounded.
    case perEntryClosedForm(floor: Double)
}

/// A penalty on the encoder mean, for the autoencoder baselines of PAPER.md E1.
public enum LatentPenalty: Sendable, Hashable, Codable {
    /// No penalty.
    case none
    /// C·‖μz‖² per sample.
    case l2(weight: Double)
    /// C·‖μz‖₁ per sample.
    case l1(weight: Double)
}

/// Everything that defines a VAE (or autoencoder) and its training run.
public struct VAEConfiguration: Sendable, Hashable, Codable {
    /// Hidden-layer widths of the encoder (empty: μz and the Σz head are affine in x).
    public var encoderHiddenWidths: [Int]
    /// Hidden-layer widths of the decoder (empty: μx is affine in z).
    public var decoderHiddenWidths: [Int]
    /// Latent width κ'.
    public var latentWidth: Int
    /// Σz: diagonal (the paper's VAE), full, or none (an autoencoder).
    public var latentCovariance: LatentCovariance
    /// Σx: learned λ, learned per dimension, or per entry in closed form.
    public var decoderVariance: DecoderVariance
    /// Multiplies the KL term (1 is the VAE energy).
    public var klWeight: Double
    /// Penalty on μz, for the AE-ℓ2 / AE-ℓ1 baselines.
    public var latentPenalty: LatentPenalty
    /// τ: reparameterised samples per data point and step (ignored without Σz).
    public var samples: Int
    /// Passes over the data.
    public var epochs: Int
    /// Samples per minibatch (the last one of an epoch may be smaller).
    public var batchSize: Int
    /// Adam's step size.
    public var learningRate: Double
    /// L2 weight decay on the layer weights (not biases or variances), added to the gradient.
    public var weightDecay: Double
    /// Seeds the initial weights, the minibatch order and the reparameterisation noise.
    public var seed: UInt64

    /// A configuration; the defaults are the paper's VAE with affine encoder and decoder.
    public init(
        encoderHiddenWidths: [Int] = [], decoderHiddenWidths: [Int] = [], latentWidth: Int,
        latentCovariance: LatentCovariance = .diagonal, decoderVariance: DecoderVariance = .learnedScalar,
        klWeight: Double = 1, latentPenalty: LatentPenalty = .none, samples: Int = 1,
        epochs: Int = 100, batchSize: Int = 100, learningRate: Double = 1e-3, weightDecay: Double = 0,
        seed: UInt64 = 0
    ) {
        self.encoderHiddenWidths = encoderHiddenWidths
        self.decoderHiddenWidths = decoderHiddenWidths
        self.latentWidth = latentWidth
        self.latentCovariance = latentCovariance
        self.decoderVariance = decoderVariance
        self.klWeight = klWeight
        self.latentPenalty = latentPenalty
        self.samples = samples
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        self.seed = seed
    }

    /// Throws `ModelError.invalidArgument` naming the first setting out of its domain.
    func validate(dataWidth: Int, function: String) throws {
        func require(_ condition: Bool, _ message: String) throws {
            if !condition { throw ModelError.invalidArgument(function: function, message: message) }
        }
        try require(dataWidth > 0, "the data has no columns")
        try require(latentWidth > 0, "latentWidth must be positive, got \(latentWidth)")
        try require((encoderHiddenWidths + decoderHiddenWidths).allSatisfy { $0 > 0 }, "hidden widths must be positive")
        try require(samples > 0, "samples (τ) must be positive, got \(samples)")
        try require(epochs >= 0, "epochs must be ≥ 0, got \(epochs)")
        try require(batchSize > 0, "batchSize must be positive, got \(batchSize)")
        try require(learningRate > 0 && learningRate.isFinite, "learningRate must be positive, got \(learningRate)")
        try require(weightDecay >= 0, "weightDecay must be ≥ 0, got \(weightDecay)")
        try require(klWeight >= 0, "klWeight must be ≥ 0, got \(klWeight)")
        if case let .perEntryClosedForm(floor) = decoderVariance {
            try require(floor > 0, "the variance floor ε must be positive, got \(floor)")
        }
        switch latentPenalty {
        case .none: break
        case let .l1(weight), let .l2(weight): try require(weight >= 0, "the latent penalty weight C must be ≥ 0, got \(weight)")
        }
    }
}
