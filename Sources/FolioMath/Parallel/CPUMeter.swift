import Glibc
import Synchronization

/// The CPU seconds a piece of work costs: those of the thread that runs it, plus those the
/// worker threads of `performConcurrently` spend for it. Wall seconds are not a cost: a unit
/// that shared two cores with three others took twice its CPU time, and `folio plan` projects
/// CPU-hours (what a cluster bills) from what units cost.
///
/// The meter of the work under way is found through a thread-specific key, so the built-ins
/// that split work over threads need no parameter for it.
public final class CPUMeter: Sendable {
    private let lentNanoseconds = Atomic<Int>(0)

    private init() {}

    /// Runs `body` on this thread and returns its value with the CPU seconds it cost.
    public static func measure<T>(_ body: () throws -> T) rethrows -> (value: T, cpuSeconds: Double) {
        let meter = CPUMeter()
        let outer = pthread_getspecific(meterKey)
        pthread_setspecific(meterKey, Unmanaged.passUnretained(meter).toOpaque())
        defer { pthread_setspecific(meterKey, outer) }
        let start = threadNanoseconds()
        let value = try withExtendedLifetime(meter) { try body() }
        let own = threadNanoseconds() - start
        return (value, Double(own + meter.lentNanoseconds.load(ordering: .relaxed)) / 1e9)
    }

    /// The meter of the work this thread is running, if it is measured.
    static var current: CPUMeter? {
        pthread_getspecific(meterKey).map { Unmanaged<CPUMeter>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Adds CPU time another thread spent for this meter's work.
    func lend(_ nanoseconds: Int) {
        lentNanoseconds.add(nanoseconds, ordering: .relaxed)
    }

    /// CPU time the calling thread has used, in nanoseconds.
    static func threadNanoseconds() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return time.tv_sec * 1_000_000_000 + time.tv_nsec
    }
}

/// Holds, per thread, the `CPUMeter` of the work it runs.
private let meterKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
}()
