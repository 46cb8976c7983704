import FolioMath

/// The values that corrupted entries take.
public enum OutlierValues: Sendable, Hashable, Codable {
    /// ±`magnitude` with equal probability (the robust PCA literature's ±1).
    case signs(magnitude: Double)
    /// N(0, σ²) draws.
    case normal(standardDeviation: Double)
    /// Uniform draws on [lower, upper) (e.g. the pixel range for image corruption).
    case uniform(lower: Double, upper: Double)

    func draw(using generator: inout SeededGenerator) -> Double {
        switch self {
        case let .signs(magnitude): return generator.bernoulli(0.5) ? magnitude : -magnitude
        case let .normal(standardDeviation): return generator.normal(mean: 0, standardDeviation: standardDeviation)
        case let .uniform(lower, upper): return generator.uniform(lower, upper)
        }
    }
}

/// How an outlier combines with the clean entry.
public enum CorruptionMode: String, Sendable, Hashable, Codable {
    /// observed = clean + outlier (robust PCA's X = L + S).
    case additive
    /// observed = outlier (a pixel overwritten by noise).
    case replacing
}

/// Observed data = clean part + sparse corruption, with the corrupted support.
public struct CorruptedData: Sendable {
    /// The observed matrix X.
    public let observed: Matrix<Double>
    /// The clean matrix L.
    public let clean: Matrix<Double>
    /// S = X − L: zero outside the corrupted entries.
    public let sparse: Matrix<Double>
    /// 1 where an entry was corrupted, 0 elsewhere.
    public let support: Matrix<Double>
}

/// Corrupts round(`ratio` · entries) entries of `clean`, chosen uniformly without
/// replacement, with draws from `values`, added or replacing per `mode`.
public func corruptEntries(
    _ clean: Matrix<Double>, ratio: Double, values: OutlierValues = .signs(magnitude: 1),
    mode: CorruptionMode = .additive, seed: UInt64
) throws -> CorruptedData {
    guard ratio >= 0, ratio <= 1 else {
        throw ModelError.invalidArgument(function: "corruptEntries", message: "ratio \(ratio) must lie in [0, 1]")
    }
    var generator = SeededGenerator(seed: seed).split("corruptEntries")
    let total = clean.count
    let corrupted = Int((ratio * Double(total)).rounded())
    var observed = clean
    var sparse = Matrix<Double>(rows: clean.rows, columns: clean.columns)
    var support = Matrix<Double>(rows: clean.rows, columns: clean.columns)
    let positions = generator.sample(corrupted, from: total)
    observed.withUnsafeMutableElements { x in
        sparse.withUnsafeMutableElements { s in
            support.withUnsafeMutableElements { mask in
                for k in positions {
                    let outlier = values.draw(using: &generator)
                    s[k] = mode == .additive ? outlier : outlier - x[k]
                    x[k] = mode == .additive ? x[k] + outlier : outlier
                    mask[k] = 1
                }
            }
        }
    }
    return CorruptedData(observed: observed, clean: clean, sparse: sparse, support: support)
}

/// Pixel corruption of E6: a `fraction` of the entries replaced by uniform draws over
/// [`lower`, `upper`) (the pixel range).
public func corruptPixels(
    _ images: Matrix<Double>, fraction: Double, lower: Double = 0, upper: Double = 1, seed: UInt64
) throws -> CorruptedData {
    try corruptEntries(images, ratio: fraction, values: .uniform(lower: lower, upper: upper), mode: .replacing, seed: seed)
}
