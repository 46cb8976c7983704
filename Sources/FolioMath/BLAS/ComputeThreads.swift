import Foundation

/// How many threads Folio's own parallel work may use: all cores by default; the
/// `FOLIO_THREADS` environment variable overrides it. The engine divides it among the
/// cells that run at once (`--jobs`); the VAE trainer uses a cell's share. The environment
/// is passed in, so callers (the CLI, benchmarks, tests) decide.
public enum ComputeThreads {
    /// The variable that overrides the thread count.
    public static let environmentVariable = "FOLIO_THREADS"

    /// `FOLIO_THREADS` from `environment`, or the number of cores. Throws for a value that
    /// is not a positive integer.
    public static func count(environment: [String: String]) throws -> Int {
        guard let text = environment[environmentVariable] else { return ProcessInfo.processInfo.activeProcessorCount }
        guard let count = Int(text.trimmingCharacters(in: .whitespaces)), count > 0 else {
            throw LinearAlgebraError.invalidArgument(
                operation: environmentVariable, message: "'\(text)' is not a positive thread count")
        }
        return count
    }
}
