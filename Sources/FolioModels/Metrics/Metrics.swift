import Foundation
import FolioMath

/// Normalised mean squared error ‖truth − estimate‖²_F / ‖truth‖²_F (PAPER.md E1's metric).
public func nmse(_ estimate: Matrix<Double>, _ truth: Matrix<Double>) throws -> Double {
    let error = try relativeError(estimate, truth)
    return error * error
}

/// Relative error ‖truth − estimate‖_F / ‖truth‖_F (robust PCA's recovery metric).
/// Throws for a zero `truth`, where the ratio is undefined.
public func relativeError(_ estimate: Matrix<Double>, _ truth: Matrix<Double>) throws -> Double {
    let difference = try truth - estimate
    let scale = truth.frobeniusNorm
    guard scale > 0 else {
        throw ModelError.invalidArgument(function: "relativeError", message: "the reference matrix is zero")
    }
    return difference.frobeniusNorm / scale
}

/// Principal angles between the column spaces of `a` and `b`, in **degrees**, ascending.
public func subspaceAnglesDegrees(_ a: Matrix<Double>, _ b: Matrix<Double>) throws -> [Double] {
    try a.principalAngles(with: b).map { $0 * 180 / .pi }
}

/// Singular values of `x`, descending (the spectrum plotted in E6(a)).
public func singularSpectrum(_ x: Matrix<Double>) throws -> [Double] {
    try x.singularValues()
}

/// How well an estimated support matches the true one.
public struct SupportRecovery: Sendable, Equatable {
    /// Entries flagged in both.
    public let truePositives: Int
    /// Entries flagged in the estimate only.
    public let falsePositives: Int
    /// Entries flagged in the truth only.
    public let falseNegatives: Int
    /// TP / (TP + FP); 1 when nothing is flagged.
    public var precision: Double {
        truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
    }
    /// TP / (TP + FN); 1 when the truth is empty.
    public var recall: Double {
        truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
    }
    /// Harmonic mean of precision and recall.
    public var f1: Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
}

/// Compares the supports {|estimate| > tolerance} and {|truth| > tolerance} entry by entry
/// (e.g. a recovered sparse part against the true outliers).
public func supportRecovery(
    _ estimate: Matrix<Double>, _ truth: Matrix<Double>, tolerance: Double = 0
) throws -> SupportRecovery {
    guard estimate.rows == truth.rows, estimate.columns == truth.columns else {
        throw ModelError.invalidArgument(
            function: "supportRecovery",
            message: "shapes \(estimate.shapeDescription) and \(truth.shapeDescription) differ")
    }
    var tp = 0, fp = 0, fn = 0
    estimate.withUnsafeElements { e in
        truth.withUnsafeElements { t in
            for k in e.indices {
                let flagged = abs(e[k]) > tolerance, actual = abs(t[k]) > tolerance
                if flagged && actual { tp += 1 } else if flagged { fp += 1 } else if actual { fn += 1 }
            }
        }
    }
    return SupportRecovery(truePositives: tp, falsePositives: fp, falseNegatives: fn)
}

/// Euclidean norm of each column (e.g. of the first decoder layer W₁, one column per latent dimension).
public func columnNorms(_ x: Matrix<Double>) -> [Double] {
    x.withUnsafeElements { e in
        (0..<x.columns).map { j in
            var sum = 0.0
            for i in 0..<x.rows { sum += e[i + j * x.rows] * e[i + j * x.rows] }
            return sum.squareRoot()
        }
    }
}

/// The number of norms at least `threshold` × the largest (PAPER.md E2: 0.05); 0 when all are zero.
public func activeDimensionCount(_ norms: [Double], threshold: Double = 0.05) -> Int {
    guard let largest = norms.max(), largest > 0 else { return 0 }
    return norms.filter { $0 >= threshold * largest }.count
}
