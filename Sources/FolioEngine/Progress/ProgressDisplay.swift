import Foundation

/// Shows a run as it happens: a start and finish line per cell, and progress of long
/// built-ins: on a TTY one live line per running cell (bar and ETA) kept below the log and
/// redrawn in place; otherwise (CI logs) a plain line at most every 10 seconds or every
/// 10 % per cell.
public final class ProgressDisplay: @unchecked Sendable {
    private let isTerminal: Bool
    private let now: @Sendable () -> Double
    private let write: @Sendable (String) -> Void
    /// Show what cells print, each line prefixed by the cell's label (`--echo`).
    private let echo: Bool
    private let lock = NSLock()
    private var started: [String: Double] = [:]
    private var lastPrinted: [String: (time: Double, fraction: Double)] = [:]
    /// Live bars on a TTY, in the order their cells reported first.
    private var bars: [(cell: String, text: String)] = []
    /// How many bar lines are on screen below the log.
    private var drawnBars = 0

    /// Seconds between plain progress lines, and the fraction step that forces one.
    static let plainInterval = 10.0
    static let plainStep = 0.1

    public init(
        isTerminal: Bool, echo: Bool = false, now: @escaping @Sendable () -> Double, write: @escaping @Sendable (String) -> Void
    ) {
        self.isTerminal = isTerminal
        self.echo = echo
        self.now = now
        self.write = write
    }

    public func handle(_ event: RunEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .started(let cell):
            started[cell] = now()
            emitLine("▶ \(cell)")
        case .finished(let result):
            started[result.id] = nil
            lastPrinted[result.id] = nil
            let detail: String
            switch result.status {
            case .ran: detail = String(format: "ran in %.2f s", result.seconds)
            case .cached: detail = "reused from cache"
            case .failed: detail = "failed" + (result.error.map { ": \($0.message)" } ?? "")
            case .skipped: detail = "skipped (\(result.skipReason ?? ""))"
            }
            emitLine("\(result.status == .failed ? "✗" : "✓") \(result.id) \(detail)", finishing: result.id)
        case .progress(let update):
            progress(update)
        case .printed(let cell, let text) where echo:
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
                emitLine("\(cell) │ \(line)")
            }
        case .printed:
            break
        case .warning(let message):
            emitLine("warning: \(message)")
        }
    }

    private func progress(_ update: ProgressUpdate) {
        let time = now()
        if isTerminal {
            let width = 24
            let filled = Int((update.fraction * Double(width)).rounded(.down))
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            let text = "\(update.cell) \(update.label) [\(bar)] \(Int(update.fraction * 100))%\(eta(update, at: time))"
            if let index = bars.firstIndex(where: { $0.cell == update.cell }) {
                bars[index].text = text
            } else {
                bars.append((update.cell, text))
            }
            redrawBars()
            return
        }
        let last = lastPrinted[update.cell]
        let due = last == nil || time - (last?.time ?? 0) >= Self.plainInterval
            || update.fraction - (last?.fraction ?? 0) >= Self.plainStep || update.fraction >= 1
        guard due else { return }
        lastPrinted[update.cell] = (time, update.fraction)
        write("\(update.cell): \(update.text) (\(Int(update.fraction * 100))%\(eta(update, at: time)))\n")
    }

    /// " ETA 30 s" from the cell's elapsed time and fraction done, or "" before any progress.
    private func eta(_ update: ProgressUpdate, at time: Double) -> String {
        guard let start = started[update.cell], update.fraction > 0, update.fraction < 1 else { return "" }
        return String(format: " ETA %.0f s", (time - start) * (1 - update.fraction) / update.fraction)
    }

    /// Moves up over the bars drawn last time and draws the current ones.
    private func redrawBars() {
        var text = drawnBars > 0 ? "\u{1B}[\(drawnBars)F\u{1B}[J" : ""
        for bar in bars { text += "\u{1B}[2K" + bar.text + "\n" }
        drawnBars = bars.count
        write(text)
    }

    /// Writes a log line above the live bars (a cell's bar goes when the cell finishes).
    private func emitLine(_ text: String, finishing cell: String? = nil) {
        if let cell { bars.removeAll { $0.cell == cell } }
        guard isTerminal, drawnBars > 0 else {
            write(text + "\n")
            return
        }
        write("\u{1B}[\(drawnBars)F\u{1B}[J" + text + "\n")
        drawnBars = 0
        if !bars.isEmpty { redrawBars() }
    }
}

/// Text summaries printed at the end of a render.
public enum RunSummary {
    /// The closing table: cell, status, seconds.
    public static func table(_ cells: [CellResult]) -> String {
        let width = max(4, cells.map(\.id.count).max() ?? 4)
        var lines = ["cell".padding(toLength: width, withPad: " ", startingAt: 0) + "  status   seconds"]
        for cell in cells {
            lines.append(
                cell.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                    + cell.status.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                    + String(format: "%9.2f", cell.seconds)
                    + (cell.status == .cached ? "  (computed in \(seconds(cell.computedSeconds)) s)" : "")
                    + pointCounts(cell.points))
        }
        let counts = [CellStatus.ran, .cached, .failed, .skipped].map { status in
            "\(cells.filter { $0.status == status }.count) \(status.rawValue)"
        }
        lines.append(counts.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    /// A sweep cell's points by status: `  (points: 4 ran, 8 cached)`; empty for other cells.
    static func pointCounts(_ points: [SweepPointResult]) -> String {
        guard !points.isEmpty else { return "" }
        let counts = [CellStatus.ran, .cached, .failed].compactMap { status -> String? in
            let count = points.filter { $0.status == status }.count
            return count > 0 ? "\(count) \(status.rawValue)" : nil
        }
        return "  (points: " + counts.joined(separator: ", ") + ")"
    }

    /// How a cell's results came about: `ran in 0.52 s`, `cached (computed in 51.2 s)`,
    /// `failed after 0.10 s`, `skipped`.
    public static func timing(_ cell: CellResult) -> String {
        switch cell.status {
        case .ran: "ran in \(seconds(cell.seconds)) s"
        case .cached: "cached (computed in \(seconds(cell.computedSeconds)) s)"
        case .failed: "failed after \(seconds(cell.seconds)) s"
        case .skipped: "skipped"
        }
    }

    /// Seconds with three significant digits for most durations: `0.52`, `8.31`, `51.2`.
    public static func seconds(_ seconds: Double) -> String {
        String(format: seconds >= 10 ? "%.1f" : "%.2f", seconds)
    }

    /// One line counting the inline values by status, or nil when there are none.
    public static func inlineValues(_ values: [InlineValueResult]) -> String? {
        guard !values.isEmpty else { return nil }
        let counts = [InlineValueStatus.evaluated, .cached, .failed].map { status in
            "\(values.filter { $0.status == status }.count) \(status.rawValue)"
        }
        return "inline values: " + counts.joined(separator: ", ")
    }

    /// `--explain`: per cell, why it ran or that it was reused.
    public static func explanation(_ cells: [CellResult]) -> String {
        cells.map { cell in
            switch cell.status {
            case .cached: "\(cell.id): reused (cached)"
            case .skipped: "\(cell.id): skipped, \(cell.skipReason ?? "")"
            case .ran, .failed: "\(cell.id): ran, \(cell.reasons.joined(separator: "; "))"
            }
        }.joined(separator: "\n")
    }
}
