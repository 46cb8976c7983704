import Foundation

/// Big-stack threads that finished their work and wait a little for more. Starting a
/// thread (and unmapping its 512 MB stack when it exits) was most of what an empty cell's
/// run cost, and a run starts at least two (the check, then each cell) in quick succession.
///
/// A thread that waits first gives back the stack pages its work touched, as glibc does
/// when a thread exits, so a cell that recursed deeply keeps no memory; after
/// `idleSeconds` without work it exits. Only threads with the largest stack wait, so a
/// thread started under an address-space limit is never reused in place of a bigger one.
final class BigStackPool: @unchecked Sendable {
    static let shared = BigStackPool()

    /// How long a thread waits for work before it exits.
    static let idleSeconds = 2.0

    private let condition = NSCondition()
    /// Threads waiting for work.
    private var waiting = 0
    /// Work handed over and not yet taken; never more items than `waiting`.
    private var handed: [@Sendable () -> Void] = []

    /// Gives `body` to a waiting thread; false when none waits.
    func hand(_ body: @escaping @Sendable () -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard waiting > handed.count else { return false }
        handed.append(body)
        condition.signal()
        return true
    }

    /// Runs `first` on this thread (just started, with a stack of `stackSize` bytes), then
    /// the work handed to it, until it waits in vain.
    func serve(stackSize: Int, _ first: @escaping @Sendable () -> Void) {
        let stack = StackPages(entryFrame: StackPages.currentFrame(), size: stackSize)
        var body = first
        while true {
            body()
            stack.releaseBelowCurrentFrame()
            guard let next = nextWork() else { return }
            body = next
        }
    }

    /// The next work handed over, or nil after `idleSeconds` without any.
    private func nextWork() -> (@Sendable () -> Void)? {
        condition.lock()
        defer { condition.unlock() }
        waiting += 1
        defer { waiting -= 1 }
        let deadline = Date(timeIntervalSinceNow: Self.idleSeconds)
        while handed.isEmpty, condition.wait(until: deadline) {}
        return handed.isEmpty ? nil : handed.removeFirst()
    }
}

/// The stack of the calling thread, found from a frame near its top: the thread's first
/// frame lies at most a few pages (its thread-local storage) below the top, so the whole
/// stack lies within `size` bytes below that frame, and all but `bottomMarginBytes` of
/// those are surely the stack's own.
private struct StackPages {
    /// Left alone at the bottom: more than the thread-local storage and the guard page.
    static let bottomMarginBytes = 4 << 20
    /// Left mapped below the current frame (the frames a waiting thread needs).
    static let keptBytes = 64 << 10

    let entryFrame: UInt
    let size: Int

    static func currentFrame() -> UInt {
        var marker = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// Returns the pages below the current frame to the system (touched again, they read
    /// as zeros), as glibc does for a thread that exits.
    func releaseBelowCurrentFrame() {
        let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
        guard entryFrame > UInt(size) else { return }
        let low = (entryFrame - UInt(size) + UInt(Self.bottomMarginBytes) + page - 1) & ~(page - 1)
        let high = (Self.currentFrame() - UInt(Self.keptBytes)) & ~(page - 1)
        guard high > low, let start = UnsafeMutableRawPointer(bitPattern: low) else { return }
        madvise(start, Int(high - low), Int32(MADV_DONTNEED))
    }
}
