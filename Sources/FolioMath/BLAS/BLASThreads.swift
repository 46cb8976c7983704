import Foundation
import CLapack

/// The number of threads OpenBLAS uses.
///
/// Policy: all cores by default (OpenBLAS's own default); the `FOLIO_THREADS` environment
/// variable overrides it. The environment is passed in, so callers (the CLI, tests) decide.
public enum BLASThreads {
    /// The variable that overrides the thread count.
    public static let environmentVariable = "FOLIO_THREADS"

    /// Applies `FOLIO_THREADS` from `environment` if present and returns the count in effect.
    /// Throws for a value that is not a positive integer.
    @discardableResult
    public static func configure(environment: [String: String]) throws -> Int {
        if let text = environment[environmentVariable] {
            guard let count = Int(text.trimmingCharacters(in: .whitespaces)), count > 0 else {
                throw LinearAlgebraError.invalidArgument(
                    operation: environmentVariable, message: "'\(text)' is not a positive thread count")
            }
            set(count)
        }
        return current
    }

    /// Sets the OpenBLAS thread count.
    public static func set(_ count: Int) {
        openblas_set_num_threads(Int32(max(1, count)))
    }

    /// The OpenBLAS thread count now in effect.
    public static var current: Int { Int(openblas_get_num_threads()) }
}
