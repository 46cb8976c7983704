import Foundation
import CLapack

/// The number of threads OpenBLAS uses.
///
/// OpenBLAS's results change in the last bits with its thread count (measured: PCP's L
/// and VAE training differ between one and two threads), so Folio runs it on one thread
/// whenever a notebook's numbers are at stake (the engine sets this before running cells)
/// and parallelises itself instead, in ways that do not change results: cells across
/// `--jobs`, the VAE trainer across minibatch shards (see `ComputeThreads`).
public enum BLASThreads {
    /// Sets the OpenBLAS thread count.
    public static func set(_ count: Int) {
        openblas_set_num_threads(Int32(max(1, count)))
    }

    /// Runs `body` with OpenBLAS on `count` threads, then restores the count in effect
    /// before. Code that runs its own threads, each calling BLAS, runs them inside
    /// `withThreads(1)`: one BLAS thread per caller, and results that do not depend on how
    /// many threads OpenBLAS would have used.
    public static func withThreads<Result>(_ count: Int, _ body: () throws -> Result) rethrows -> Result {
        let previous = current
        guard previous != count else { return try body() }
        set(count)
        defer { set(previous) }
        return try body()
    }

    /// The OpenBLAS thread count now in effect.
    public static var current: Int { Int(openblas_get_num_threads()) }
}
