import Foundation

/// Runs work on a thread with a large stack. Parsing, checking and evaluating are
/// recursive over syntax trees; a big stack (only reserved, not committed, memory) keeps
/// pathological input (thousands of nested brackets) from overflowing the default one.
enum BigStack {
    static let stackSizeBytes = 512 << 20

    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = stackSizeBytes
        thread.start()
        done.wait()
        guard let value = box.value else { return body() }
        return value
    }

    private final class ResultBox<T>: @unchecked Sendable {
        var value: T?
    }
}
