import FolioMath
import FolioModels
import FolioPlot

/// The enumeration options of the built-ins. FolioPlot's and FolioModels' own enums conform
/// where their cases are the options; where a model's enum carries values (a penalty's
/// weight) or there is none (PPCA's method), the option enum is declared here and turned
/// into the model's value in one `switch`.

extension LineDash: BuiltinOption {
    static let typeName = "LineDash"
    var summary: String {
        switch self {
        case .solid: "An unbroken line."
        case .dashed: "Long dashes."
        case .dotted: "Dots."
        }
    }
}

extension ScaleKind: BuiltinOption {
    static let typeName = "ScaleKind"
    var summary: String {
        switch self {
        case .linear: "Values map linearly to positions."
        case .log: "Base-10 logarithmic; every value must be positive."
        }
    }
}

extension LegendPosition: BuiltinOption {
    static let typeName = "LegendPosition"
    var summary: String {
        switch self {
        case .best: "Inside the plot area, in the corner that covers the least data."
        case .outside: "To the right of the plot area."
        case .hidden: "No legend."
        }
    }
}

extension HistogramMark.Binning: BuiltinOption {
    static let typeName = "Binning"
    var summary: String {
        switch self {
        case .linear: "Bins of equal width."
        case .log: "Logarithmically spaced bins; every value must be positive (pair with xScale: .log)."
        }
    }
}

/// The colour maps of heatmaps and image grids.
enum ColormapName: String, BuiltinOption {
    case viridis, cividis, diverging, gray, grayInverted

    static let typeName = "Colormap"

    var summary: String {
        switch self {
        case .viridis: "Perceptually uniform, dark blue to yellow (the default)."
        case .cividis: "Perceptually uniform and readable with colour-vision deficiency."
        case .diverging: "Blue through white to red, for signed values around zero."
        case .gray: "Black to white."
        case .grayInverted: "White to black."
        }
    }

    var colormap: Colormap {
        switch self {
        case .viridis: .viridis
        case .cividis: .cividis
        case .diverging: .diverging
        case .gray: .gray
        case .grayInverted: .grayInverted
        }
    }
}

extension LatentCovariance: BuiltinOption {
    static let typeName = "LatentCovariance"
    var summary: String {
        switch self {
        case .diagonal: "Diagonal Σz from log-variances (the paper's VAE)."
        case .full: "Full Σz through a Cholesky factor."
        case .none: "No Σz: z = μz(x), an autoencoder without the KL term."
        }
    }
}

/// The decoder variance of `trainVAE`/`trainAE` (FolioModels' `DecoderVariance`).
enum DecoderVarianceOption: String, BuiltinOption {
    case scalar, perDimension, perEntry

    static let typeName = "DecoderVariance"

    var summary: String {
        switch self {
        case .scalar: "One learned variance λ for every entry."
        case .perDimension: "One learned variance per data dimension."
        case .perEntry: "Per sample and entry, the squared residual in closed form, floored at `epsilon`."
        }
    }

    func model(floor: Double) -> DecoderVariance {
        switch self {
        case .scalar: .learnedScalar
        case .perDimension: .learnedPerDimension
        case .perEntry: .perEntryClosedForm(floor: floor)
        }
    }
}

/// The penalty on the encoder mean of `trainVAE`/`trainAE` (FolioModels' `LatentPenalty`).
enum LatentPenaltyOption: String, BuiltinOption {
    case none, l2, l1

    static let typeName = "LatentPenalty"

    var summary: String {
        switch self {
        case .none: "No penalty."
        case .l2: "penaltyWeight · ‖μz‖² per sample."
        case .l1: "penaltyWeight · ‖μz‖₁ per sample."
        }
    }

    func model(weight: Double) -> LatentPenalty {
        switch self {
        case .none: .none
        case .l2: .l2(weight: weight)
        case .l1: .l1(weight: weight)
        }
    }
}

/// How `ppca` fits.
enum PPCAMethod: String, BuiltinOption {
    case closedForm, em

    static let typeName = "PPCAMethod"

    var summary: String {
        switch self {
        case .closedForm: "W from the top eigenpairs of the sample covariance (Tipping & Bishop)."
        case .em: "Expectation–maximisation from a random start."
        }
    }
}

/// The values of outliers in the robust PCA data generators.
enum OutlierKind: String, BuiltinOption {
    case signs, normal, uniform

    static let typeName = "Outliers"

    var summary: String {
        switch self {
        case .signs: "±1 with equal probability."
        case .normal: "N(0, 1) draws."
        case .uniform: "Uniform draws on [−1, 1)."
        }
    }

    var values: OutlierValues {
        switch self {
        case .signs: .signs(magnitude: 1)
        case .normal: .normal(standardDeviation: 1)
        case .uniform: .uniform(lower: -1, upper: 1)
        }
    }
}

/// The matrix norms of `norm`.
enum NormKind: String, BuiltinOption {
    case frobenius, spectral, nuclear

    static let typeName = "NormKind"

    var summary: String {
        switch self {
        case .frobenius: "The square root of the sum of squared entries."
        case .spectral: "The largest singular value."
        case .nuclear: "The sum of the singular values."
        }
    }
}
