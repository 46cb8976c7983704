import Dispatch
import Glibc

/// Runs `body(0)`, …, `body(count − 1)`, pieces of work that touch disjoint memory, on up
/// to `threads` threads; with one thread or one piece, in order on the calling thread.
/// The pieces must not depend on each other's order, so results are the same either way.
public func performConcurrently(_ count: Int, threads: Int, _ body: (Int) -> Void) {
    guard threads > 1, count > 1 else {
        for index in 0..<count { body(index) }
        return
    }
    // The pieces touch disjoint memory (the caller's contract), which the compiler cannot
    // see through the raw pointers they capture; `concurrentPerform` returns after all ran.
    let workers = min(count, threads)
    // Time a worker thread spends is lent to the caller's measured work (the caller's own
    // thread, which may run some of the pieces, is measured already).
    let meter = CPUMeter.current
    let caller = pthread_self()
    withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let piece = body
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let lends = meter != nil && pthread_equal(pthread_self(), caller) == 0
            let start = lends ? CPUMeter.threadNanoseconds() : 0
            for index in stride(from: worker, to: count, by: workers) { piece(index) }
            if lends { meter?.lend(CPUMeter.threadNanoseconds() - start) }
        }
    }
}

/// Part `part` of `0..<total` split into `parts` consecutive ranges as even as possible
/// (some may be empty).
@inlinable
public func evenRange(_ total: Int, part: Int, of parts: Int) -> Range<Int> {
    (total * part / parts)..<(total * (part + 1) / parts)
}
