import Foundation

/// Runs work on a thread with a large stack. Parsing, checking and evaluating are
/// recursive over syntax trees; a big stack (only reserved, not committed, memory) keeps
/// pathological input (deeply nested brackets) from overflowing the default one.
///
/// Under a limited address space (`ulimit -v`) a big stack may not be available: smaller
/// ones are tried in turn, and when no thread starts at all the failure is reported (a
/// thread that never starts must not leave its caller waiting forever).
enum BigStack {
    /// Stack sizes tried, largest first.
    static let stackSizes = [512 << 20, 64 << 20, 16 << 20]

    /// No thread could be started.
    struct StartFailure: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    /// Starts `body` on a detached thread with the first of `sizes` that can be had: with
    /// the standard sizes, a thread of the largest that waits for work (`BigStackPool`) or
    /// a new one that will wait when done.
    static func start(stackSizes sizes: [Int] = stackSizes, _ body: @escaping @Sendable () -> Void) throws(StartFailure) {
        let pooled = sizes == Self.stackSizes
        if pooled, BigStackPool.shared.hand(body) { return }
        var failure: Int32 = 0
        for size in sizes {
            let status = startThread(stackSize: size, pooled && size == sizes[0] ? serving(stackSize: size, body) : body)
            if status == 0 { return }
            failure = status
        }
        let sizeText = sizes.map { "\($0 >> 20) MB" }.joined(separator: ", ")
        throw StartFailure(description: "cannot start a thread (stacks of \(sizeText) tried): \(String(cString: strerror(failure)))")
    }

    /// Runs `body` on a big-stack thread and waits for it; when no thread can be started,
    /// runs it on the calling thread.
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        do {
            try start {
                box.value = body()
                done.signal()
            }
        } catch {
            return body()
        }
        done.wait()
        return box.value!
    }

    /// `body`, then the work `BigStackPool` hands to its thread.
    private static func serving(stackSize: Int, _ body: @escaping @Sendable () -> Void) -> @Sendable () -> Void {
        { BigStackPool.shared.serve(stackSize: stackSize, body) }
    }

    /// pthread_create with a stack of `stackSize` bytes, detached; 0 or the error number.
    private static func startThread(stackSize: Int, _ body: @escaping @Sendable () -> Void) -> Int32 {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        if case let status = pthread_attr_setstacksize(&attributes, stackSize), status != 0 { return status }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let context = Unmanaged.passRetained(Work(body)).toOpaque()
        #if os(Linux)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let status = pthread_create(&thread, &attributes, { context in
            #if os(Linux)
            let work = Unmanaged<Work>.fromOpaque(context!).takeRetainedValue()
            #else
            let work = Unmanaged<Work>.fromOpaque(context).takeRetainedValue()
            #endif
            work.body()
            return nil
        }, context)
        if status != 0 { Unmanaged<Work>.fromOpaque(context).release() }
        return status
    }

    private final class Work: @unchecked Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    private final class ResultBox<T>: @unchecked Sendable {
        var value: T?
    }
}
