import FolioMath

/// Reported after every epoch through the progress callback.
public struct TrainingProgress: Sendable, Equatable {
    /// 1-based epoch just finished.
    public let epoch: Int
    /// Epochs in the run.
    public let epochs: Int
    /// Mean energy per sample over the epoch's minibatches.
    public let energy: Double
    /// NMSE against the clean data, when clean data was given.
    public let nmse: Double?
}

/// What training a VAE or autoencoder returns.
public struct VAETrainingResult: Sendable {
    /// Mean energy per sample (negative ELBO, plus the latent penalty) of each epoch,
    /// averaged over its minibatches; weight decay is not included.
    public let energyPerEpoch: [Double]
    /// ‖L − μx(μz(X))‖²_F / ‖L‖²_F after each epoch, when clean data L was given.
    public let nmsePerEpoch: [Double]
    /// n × κ' encoder means μz(xᵢ).
    public let latentMeans: Matrix<Double>
    /// n × κ' diagonal entries of Σz(xᵢ) (zeros for an autoencoder).
    public let latentVariances: Matrix<Double>
    /// n × d reconstructions μx(μz(xᵢ)).
    public let reconstruction: Matrix<Double>
    /// The first decoder layer W₁ (first hidden width, or d, × κ').
    public let decoderFirstLayer: Matrix<Double>
    /// Euclidean norms of W₁'s columns, one per latent dimension.
    public let decoderColumnNorms: [Double]
    /// Columns of W₁ with norm ≥ 0.05 × the largest.
    public let activeDimensions: Int
    /// Learned decoder variances: λ (one entry), one per dimension, or empty for the
    /// closed-form per-entry Σx.
    public let decoderVariances: [Double]
    /// The decoder's output bias (b of an affine decoder μx = W z + b).
    public let decoderOutputBias: [Double]
}
