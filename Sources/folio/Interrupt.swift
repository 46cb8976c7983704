import Dispatch
import Foundation
import FolioMath

/// Ctrl-C during a run: the first one raises the run's `StopSignal` (running cells stop at
/// their next check, with an error at the line they were running, and nothing is written);
/// a second one quits at once with status 130.
enum Interrupt {
    /// The signal the run watches.
    static let signal = StopSignal()
    nonisolated(unsafe) private static var source: DispatchSourceSignal?

    /// Routes SIGINT to `signal` (once per process).
    static func install() {
        guard source == nil else { return }
        Foundation.signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            if signal.isRaised { _exit(130) }
            signal.raise()
            FileHandle.standardError.write(
                Data("\ninterrupted: stopping the running cells (Ctrl-C again quits at once)\n".utf8))
        }
        source.resume()
        Self.source = source
    }
}
