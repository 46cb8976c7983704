import Foundation
import FolioMath
import FolioNotebook

/// How a cell ended in a run.
public enum CellStatus: String, Sendable, Codable {
    case ran, cached, failed, skipped
}

/// One cell's result: status, timing, key, outputs, and its error if it failed.
public struct CellResult: Sendable, Codable, Equatable {
    /// Label or `cell-<index>`.
    public var id: String
    public var label: String?
    /// 1-based position among the cells.
    public var index: Int
    /// File line of the cell's opening fence.
    public var line: Int
    public var status: CellStatus
    /// Wall-clock seconds spent on the cell in this run (0 when reused from the cache).
    public var seconds: Double
    /// Seconds the run that computed the cell's results took: this run's for a cell that
    /// ran, the original run's for a cached one (0 for a skipped cell).
    public var computedSeconds: Double
    /// The cache key (SHA-256 hex), nil for skipped cells.
    public var key: String?
    public var outputs: [CellOutput]
    /// The runtime error (for `failed`, or the expected error of an `expect-error` cell).
    public var error: Diagnostic?
    /// Why the cell was skipped (`depends on fig-x, which failed`).
    public var skipReason: String?
    /// The id of the upstream cell that failed or was skipped, for a skipped cell.
    public var blockedBy: String?
    /// Why the cell ran (`code changed`, …); empty when it was reused.
    public var reasons: [String]
    /// Every input file the cell read (path relative to the notebook → SHA-256).
    public var inputFiles: [String: String]
    /// A sweep cell's points in grid order (empty for other cells).
    public var points: [SweepPointResult] = []

    public init(
        id: String, label: String?, index: Int, line: Int, status: CellStatus, seconds: Double, computedSeconds: Double? = nil,
        key: String?,
        outputs: [CellOutput], error: Diagnostic?, skipReason: String?, reasons: [String], inputFiles: [String: String] = [:],
        blockedBy: String? = nil, points: [SweepPointResult] = []
    ) {
        self.id = id
        self.label = label
        self.index = index
        self.line = line
        self.status = status
        self.seconds = seconds
        self.computedSeconds = computedSeconds ?? seconds
        self.key = key
        self.outputs = outputs
        self.error = error
        self.skipReason = skipReason
        self.reasons = reasons
        self.inputFiles = inputFiles
        self.blockedBy = blockedBy
        self.points = points
    }
}

/// Something that happened during a run, for progress display.
public enum RunEvent: Sendable {
    case started(cell: String)
    case finished(CellResult)
    case progress(ProgressUpdate)
    /// Text a cell printed, as soon as it printed it.
    case printed(cell: String, text: String)
    case warning(String)
}

/// Settings of a run. Clocks and event sinks are passed in so tests control them.
public struct RunOptions: Sendable {
    /// Cells run concurrently (at most this many at once).
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Threads Folio's own parallel work may use (`FOLIO_THREADS`, default all cores),
    /// shared out among the cells that run at once. Results do not depend on it.
    public var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Read and write the cache (`--no-cache` turns both off).
    public var useCache = true
    /// Cell ids (labels) to recompute even if cached.
    public var refresh: Set<String> = []
    /// `folio run-unit`: compute only this work unit (a cell id, or `cell[point]` for one
    /// point of a sweep) and the cells it reads, from the cache where possible; cells it
    /// does not need are skipped, and neither inline values nor the cache index are touched.
    public var unit: String?
    /// `output/.cache`.
    public var cacheDirectory: URL
    /// Timeout for cells without a `timeout` option (nil: none).
    public var defaultTimeoutSeconds: Double? = 600
    /// Wall-clock limit for the whole run (`--timeout`; nil: none). When it passes, the
    /// running cells stop at their next check and the cells not started yet are skipped.
    public var timeoutSeconds: Double?
    /// Memory budget of cells without a `memory` option (`--memory`): the most one
    /// built-in call or operator may ask to allocate (default 4 GB).
    public var memoryBudgetBytes: Int = 4_000_000_000
    /// Raised (by Ctrl-C) to stop the run: running cells stop at their next check, no
    /// other cell starts and the cache index is left as it was.
    public var interrupt = StopSignal()
    /// Monotonic seconds.
    public var now: @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    public var events: @Sendable (RunEvent) -> Void = { _ in }

    public init(cacheDirectory: URL) {
        self.cacheDirectory = cacheDirectory
    }
}

/// The result of `Engine.run`.
public struct RunResult: Sendable {
    public var notebook: Notebook
    /// Static-check errors; when any is an error, nothing ran and `cells` is empty.
    public var diagnostics: [Diagnostic]
    /// One per cell, in document order.
    public var cells: [CellResult]
    /// One per inline value in prose, in document order.
    public var inlineValues: [InlineValueResult]
    /// Non-fatal problems (a corrupt cache entry that was recomputed).
    public var warnings: [String]
    /// What the run read from and wrote to the cache.
    public var cacheActivity: CacheActivity

    public init(
        notebook: Notebook, diagnostics: [Diagnostic], cells: [CellResult], inlineValues: [InlineValueResult] = [],
        warnings: [String], cacheActivity: CacheActivity = CacheActivity()
    ) {
        self.notebook = notebook
        self.diagnostics = diagnostics
        self.cells = cells
        self.inlineValues = inlineValues
        self.warnings = warnings
        self.cacheActivity = cacheActivity
    }

    /// Total compute time of the results shown: every cell's `computedSeconds`, so cached
    /// cells count with the time the run that computed them took.
    public var computeSeconds: Double { cells.reduce(0) { $0 + $1.computedSeconds } }

    /// True when the check passed, no cell failed or was skipped and no inline value failed.
    public var succeeded: Bool {
        !diagnostics.containsErrors && cells.allSatisfy { $0.status == .ran || $0.status == .cached }
            && inlineValues.allSatisfy { $0.status != .failed }
    }
}
