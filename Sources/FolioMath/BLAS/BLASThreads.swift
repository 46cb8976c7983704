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
    /// Sets the OpenBLAS thread count. (Only when it changes: OpenBLAS restarts the workers
    /// that `useOneThreadFromStart` ended whenever its count is set.)
    public static func set(_ count: Int) {
        let count = max(1, count)
        guard count != current else { return }
        openblas_set_num_threads(Int32(count))
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

    /// Sets OpenBLAS to one thread and ends its worker threads: it starts them when it is
    /// loaded, and an idle worker spins in `sched_yield` for about 0.1 s of CPU before it
    /// sleeps, competing with the process's own threads. For a process's start only (the
    /// CLI, the benchmarks), before another thread can call BLAS; OpenBLAS starts workers
    /// again if `set` later asks for more threads. A no-op where the OpenBLAS in use has no
    /// thread server.
    public static func useOneThreadFromStart() {
        set(1)
        typealias Shutdown = @convention(c) () -> Int32
        // `dlsym(nil, …)` is RTLD_DEFAULT: the symbol wherever it is loaded.
        if let shutdown = dlsym(nil, "blas_thread_shutdown_") {
            _ = unsafeBitCast(shutdown, to: Shutdown.self)()
        }
    }

    /// The OpenBLAS thread count now in effect.
    public static var current: Int { Int(openblas_get_num_threads()) }
}
