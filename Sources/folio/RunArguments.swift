import ArgumentParser
import Foundation
import FolioEngine
import FolioMath
import FolioNotebook

/// The arguments of every command that runs a notebook (`render`, `export`, `check`), and the
/// run itself: load, apply `--param`s, check, execute (with the cache, when the command has
/// `CacheArguments`) and a progress display.
struct RunArguments: ParsableArguments {
    @Argument(help: "The notebook (.md).")
    var notebook: String

    @Option(name: .customLong("param"), help: ArgumentHelp("Override a param: --param trials=20 (repeatable).", valueName: "name=value"))
    var params: [String] = []

    @Option(help: "How many cells may run at once (defaults to the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "The output folder.")
    var output = "output"

    @Flag(help: "Show what each cell prints in the terminal as it prints it, prefixed by the cell's label.")
    var echo = false

    @Option(help: ArgumentHelp(
        "Stop the whole run after this many seconds: running cells fail at the line they were running, the rest are skipped.",
        valueName: "seconds"))
    var timeout: Double?

    @Option(help: ArgumentHelp(
        "Memory budget of cells without a 'memory' option: the most one call or operator may allocate (default 4GB).",
        valueName: "size"))
    var memory: String?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let timeout, !(timeout.isFinite && timeout > 0) {
            throw ValidationError("--timeout expects a positive number of seconds, got \(timeout)")
        }
        if let memory, (ByteSize.parse(memory) ?? 0) <= 0 {
            throw ValidationError("--memory expects a size such as 512MB or 8GB, got '\(memory)' (\(ByteSize.hint))")
        }
        for param in params where !param.contains("=") {
            throw ValidationError("--param expects name=value, got '\(param)'")
        }
    }

    var outputDirectory: URL { URL(fileURLWithPath: output) }

    /// Runs the notebook; exits with `failureStatus` (after printing every diagnostic) when it
    /// does not parse or check. Without `cache`, it neither reads nor writes the cache
    /// (`folio check`). Returns the result and the wall-clock seconds it took.
    /// `configure` adjusts the run's options last (`folio run-unit`: the unit and the cache folder).
    /// Without `showsProgress`, the run prints only its errors (`folio plan --resolve`).
    func execute(
        cache: CacheArguments?, failureStatus: Int32 = 1, showsProgress: Bool = true,
        configure: (Notebook, inout RunOptions) throws -> Void = { _, _ in }
    ) throws -> (result: RunResult, wallSeconds: Double) {
        let parsed = try loadNotebook(cache: cache, failureStatus: failureStatus)
        var options = RunOptions(cacheDirectory: outputDirectory.appendingPathComponent(".cache"))
        options.jobs = jobs
        do {
            options.threads = try ComputeThreads.count(environment: ProcessInfo.processInfo.environment)
        } catch {
            NotebookLoading.printError("error: \(error)")
            throw ExitCode(failureStatus)
        }
        options.useCache = !(cache?.noCache ?? true)
        options.refresh = Set(cache?.refresh ?? [])
        options.timeoutSeconds = timeout
        if let memory, let bytes = ByteSize.parse(memory) { options.memoryBudgetBytes = bytes }
        Interrupt.install()
        options.interrupt = Interrupt.signal
        try configure(parsed, &options)
        let display = ProgressDisplay(
            isTerminal: isatty(STDERR_FILENO) == 1, echo: echo, now: options.now,
            write: { FileHandle.standardError.write(Data($0.utf8)) })
        if showsProgress { options.events = { display.handle($0) } }

        let startSeconds = options.now()
        let result = Engine.run(parsed, options: options)
        if result.diagnostics.containsErrors {
            NotebookLoading.report(result.diagnostics)
            throw ExitCode(failureStatus)
        }
        let errors = result.cells.filter { $0.status == .failed }.compactMap(\.error)
            + result.inlineValues.filter { $0.status == .failed }.compactMap(\.error)
        for error in errors { NotebookLoading.printError("\n" + error.rendered) }
        if options.interrupt.isRaised {
            NotebookLoading.printError("interrupted: nothing was written; the cache and the previous output were kept")
            throw ExitCode(130)
        }
        return (result, options.now() - startSeconds)
    }

    /// Loads the notebook and applies the `--param`s (and checks `--refresh` labels); exits
    /// with `failureStatus` after printing the problems when it does not parse.
    func loadNotebook(cache: CacheArguments? = nil, failureStatus: Int32 = 1) throws -> Notebook {
        var (parsed, diagnostics) = try NotebookLoading.load(notebook, failureStatus: failureStatus)
        if diagnostics.containsErrors {
            NotebookLoading.report(diagnostics + Engine.lint(parsed))
            throw ExitCode(failureStatus)
        }
        let overrides = params.map { text in
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            return (name: parts[0], value: parts.count > 1 ? parts[1] : "")
        }
        var problems = parsed.applyParams(overrides)
        let ids = parsed.cells.map(\.id)
        let refresh = cache?.refresh ?? []
        for label in refresh where !ids.contains(label) {
            let hint = DidYouMean.hint(for: label, among: ids).map { " (\($0))" } ?? ""
            problems.append("--refresh: no cell labelled '\(label)'\(hint)")
        }
        guard problems.isEmpty else {
            problems.forEach { NotebookLoading.printError("error: \($0)") }
            throw ExitCode(failureStatus)
        }
        return parsed
    }
}

/// How a run uses the cache (`render`, `export`; `check` never reads it).
struct CacheArguments: ParsableArguments {
    @Flag(name: .customLong("no-cache"), help: "Neither read nor write the cache.")
    var noCache = false

    @Option(help: ArgumentHelp("Recompute this cell even if cached (repeatable).", valueName: "label"))
    var refresh: [String] = []
}
