/// The record types the built-ins return (see `RecordType`).
extension RecordType {
    static let svd = RecordType("SVD", doc: "A thin singular value decomposition a = u · diag(singularValues) · vt.", [
        ("u", .matrix, "Left singular vectors (rows × k)."),
        ("singularValues", .array(.double), "Singular values, largest first."),
        ("vt", .matrix, "Right singular vectors, transposed (k × columns)."),
    ])

    static let pca = RecordType("PCA", doc: "Principal component analysis of the rows of a matrix.", [
        ("mean", .array(.double), "The column means subtracted before the SVD."),
        ("components", .matrix, "Principal directions as columns (d × rank)."),
        ("singularValues", .array(.double), "Singular values of the centred data, largest first."),
        ("explainedVariance", .array(.double), "Variance along each component."),
        ("scores", .matrix, "Coordinates of the rows in the components (n × rank)."),
        ("reconstruction", .matrix, "The rank-`rank` reconstruction of the data (n × d)."),
    ])

    static let ppca = RecordType("PPCA", doc: "Probabilistic PCA (Tipping & Bishop) fitted to the rows of a matrix.", [
        ("loading", .matrix, "The loading matrix W (d × rank)."),
        ("mean", .array(.double), "The mean b."),
        ("noiseVariance", .double, "The isotropic noise variance λ."),
        ("energy", .double, "The paper's PPCA energy Σᵢ (xᵢ−b)ᵀC⁻¹(xᵢ−b) + n·log|C|, C = λI + WWᵀ."),
        ("negativeLogLikelihood", .double, "Per sample, (energy/n + d·log 2π)/2: the units of trainVAE(…).energy, which it bounds from below."),
        ("iterations", .int, "EM iterations (0 for the closed form)."),
    ])

    static let pcp = RecordType("PCP", doc: "Robust PCA by principal component pursuit: X = lowRank + sparse.", [
        ("lowRank", .matrix, "The low-rank part L."),
        ("sparse", .matrix, "The sparse part S."),
        ("rank", .int, "The numerical rank of L."),
        ("iterations", .int, "ALM iterations run."),
        ("residualHistory", .array(.double), "Relative residual ‖X − L − S‖_F / ‖X‖_F per iteration."),
        ("converged", .bool, "Whether the residual reached the tolerance."),
    ])

    static let linearGaussianData = RecordType("LinearGaussianData", doc: "Samples x = Wz + ε of the PPCA model.", [
        ("observed", .matrix, "The noisy samples x (rows × cols)."),
        ("clean", .matrix, "The noiseless part Wz."),
        ("loading", .matrix, "The true loading W (cols × rank)."),
    ])

    static let corruptedData = RecordType("CorruptedData", doc: "Data with outliers: observed = lowRank + sparse.", [
        ("observed", .matrix, "The corrupted data."),
        ("lowRank", .matrix, "The data before corruption."),
        ("sparse", .matrix, "The outliers added (zero elsewhere)."),
        ("support", .matrix, "1 where an entry was corrupted, 0 elsewhere."),
    ])

    static let manifoldData = RecordType("ManifoldData", doc: "Samples of a nonlinear manifold (a random ReLU network of Gaussian latents).", [
        ("clean", .matrix, "The samples (samples × output)."),
        ("latent", .matrix, "The latent draws z (samples × latent)."),
    ])

    static let supportRecovery = RecordType("SupportRecovery", doc: "How well an estimate's support matches the truth's.", [
        ("precision", .double, "Correct entries among those the estimate marks."),
        ("recall", .double, "Entries of the truth the estimate finds."),
        ("f1", .double, "The harmonic mean of precision and recall."),
        ("truePositives", .int, "Entries in both supports."),
        ("falsePositives", .int, "Entries only in the estimate's support."),
        ("falseNegatives", .int, "Entries only in the truth's support."),
    ])

    static let vaeResult = RecordType("VAEResult", doc: "A trained VAE or autoencoder and its training curves.", [
        ("energy", .array(.double), "The training energy (negative ELBO per sample) per epoch."),
        ("nmse", .array(.double), "NMSE against `clean` per epoch (empty without `clean`)."),
        ("latentMeans", .matrix, "Encoder means of the latents (rows × latent)."),
        ("latentVariances", .matrix, "Encoder variances, the Σz diagonals (rows × latent)."),
        ("reconstruction", .matrix, "The decoder's mean for each row."),
        ("decoderFirstLayer", .matrix, "The decoder's first weight matrix W₁."),
        ("columnNorms", .array(.double), "The norm of each column of W₁, one per latent dimension."),
        ("activeDimensions", .int, "Latent dimensions whose column norm is at least 0.05 × the largest."),
        ("decoderVariances", .array(.double), "The learned decoder variance(s) γ."),
        ("decoderBias", .array(.double), "The decoder's output bias b."),
    ])
}
