import ArgumentParser
import Foundation
import FolioEngine
import FolioNotebook

/// `folio slurm NOTEBOOK`: runs the work units of `folio plan` on a Slurm cluster, one job
/// array per stage chained with `--dependency=afterok`, follows them with squeue, names
/// failed units with their logs, and ends with the usual render from the shared cache.
struct Slurm: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute a notebook's work units as Slurm job arrays, then render it from the cache.",
        discussion: """
            The output folder (and its .cache) must be on a file system the compute nodes share. \
            See docs/scale-out.md.
            """)

    @OptionGroup var arguments: RunArguments

    @Option(help: "The Slurm partition (default: the cluster's default).")
    var partition: String?

    @Option(name: .customLong("cpus-per-task"), help: "CPUs per task (also the task's --jobs).")
    var cpusPerTask = 1

    @Option(help: ArgumentHelp("Time limit per task, as sbatch takes it (e.g. 2:00:00).", valueName: "time"))
    var time: String?

    @Flag(name: .customLong("dry-run"), help: "Print the sbatch scripts; submit nothing.")
    var dryRun = false

    @Option(name: .customLong("poll-seconds"), help: "Seconds between squeue polls.")
    var pollSeconds = 2.0

    func validate() throws {
        guard cpusPerTask >= 1 else { throw ValidationError("--cpus-per-task must be at least 1") }
        guard pollSeconds > 0 else { throw ValidationError("--poll-seconds must be positive") }
    }

    func run() throws {
        let notebook = try arguments.loadNotebook()
        let output = arguments.outputDirectory.standardizedFileURL
        let cache = output.appendingPathComponent(".cache")
        let folder = output.appendingPathComponent(".slurm").appendingPathComponent(notebook.name)
        // Rounds: a sweep whose grid comes from a cell still to compute waits in the plan
        // until that cell is computed, so plan, submit and follow again until none waits.
        var round = 0
        var lastWaiting: [WorkPlan.Waiting] = []
        while true {
            let plan = try Plan.make(notebook, cacheDirectory: cache)
            let roundFolder = round == 0 ? folder : folder.appendingPathComponent("round-\(round + 1)")
            let scripts = SlurmScripts(
                settings: SlurmScripts.Settings(
                    folio: Self.executablePath, notebook: URL(fileURLWithPath: arguments.notebook).standardizedFileURL.path,
                    cache: cache.path, folder: roundFolder.path, params: arguments.params, partition: partition,
                    cpusPerTask: cpusPerTask, time: time))
            let stages = scripts.stages(plan, jobName: "folio-\(notebook.name)" + (round == 0 ? "" : "-r\(round + 1)"))
            if round > 0 { print("round \(round + 1), the grids' lists now computed; scripts in \(roundFolder.path)") }
            print(Plan.summary(plan))
            if dryRun {
                for stage in stages {
                    print("\n# \(stage.scriptPath) (units in \(stage.unitsPath)):\n\(stage.units.joined(separator: "\n"))\n")
                    print(stage.script, terminator: "")
                }
                if !plan.waiting.isEmpty { print("\n# the waiting cells are planned and submitted once the stages above are done") }
                return
            }
            if !stages.isEmpty {
                try Self.write(stages, folder: roundFolder)
                let jobs = try submit(stages)
                try follow(stages, jobs: jobs, scripts: scripts)
            }
            guard !plan.waiting.isEmpty else { break }
            guard !stages.isEmpty || plan.waiting != lastWaiting else {
                for waiting in plan.waiting { NotebookLoading.printError("error: \(waiting.cell) cannot be planned: \(waiting.reason)") }
                throw ExitCode(1)
            }
            lastWaiting = plan.waiting
            round += 1
        }
        let render = try Render.parse(
            [arguments.notebook, "--output", arguments.output, "--jobs", String(arguments.jobs)]
                + arguments.params.flatMap { ["--param", $0] })
        try render.run()
    }

    /// This executable, for the tasks to run (the compute nodes must see the same path).
    static var executablePath: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    }

    private static func write(_ stages: [SlurmScripts.Stage], folder: URL) throws {
        let manager = FileManager.default
        try? manager.removeItem(at: folder.appendingPathComponent("status"))
        for sub in ["logs", "status"] {
            try manager.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for stage in stages {
            try Data((stage.units.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: stage.unitsPath), options: .atomic)
            try Data(stage.script.utf8).write(to: URL(fileURLWithPath: stage.scriptPath), options: .atomic)
        }
    }

    /// Submits the stages in order, each after the previous one succeeded; their job ids.
    private func submit(_ stages: [SlurmScripts.Stage]) throws -> [String] {
        var jobs: [String] = []
        for stage in stages {
            let dependency = jobs.last.map { ["--dependency=afterok:\($0)"] } ?? []
            let submitted = try SlurmTool.run("sbatch", ["--parsable"] + dependency + [stage.scriptPath])
            let job = submitted.output.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            guard submitted.status == 0, !job.isEmpty, job.allSatisfy(\.isNumber) else {
                throw SlurmTool.failure("sbatch refused \(stage.scriptPath): \(submitted.output)")
            }
            print("submitted stage \(stage.index): job \(job), \(stage.units.count) task\(stage.units.count == 1 ? "" : "s")")
            jobs.append(job)
        }
        return jobs
    }

    /// Waits for each stage's job to leave the queue, then checks its tasks' statuses; on a
    /// failure, cancels the later stages and names the failed units and their logs.
    private func follow(_ stages: [SlurmScripts.Stage], jobs: [String], scripts: SlurmScripts) throws {
        for (stage, job) in zip(stages, jobs) {
            var lastLine = ""
            while true {
                let queue = try SlurmTool.run("squeue", ["-h", "-r", "-j", job, "-o", "%T"])
                let states = queue.status == 0 ? queue.output.split(separator: "\n").map(String.init) : []
                if states.isEmpty { break }
                let counts = Dictionary(grouping: states, by: { $0.lowercased() }).map { "\($1.count) \($0)" }.sorted()
                let line = "stage \(stage.index) (job \(job)): \(counts.joined(separator: ", ")) of \(stage.units.count)"
                if line != lastLine { FileHandle.standardError.write(Data((line + "\n").utf8)) }
                lastLine = line
                Thread.sleep(forTimeInterval: pollSeconds)
            }
            let failed = stage.units.indices.filter { task in
                let status = try? String(contentsOfFile: scripts.statusPath(stage: stage.index, task: task), encoding: .utf8)
                return status?.trimmingCharacters(in: .whitespacesAndNewlines) != "0"
            }
            guard !failed.isEmpty else {
                print("stage \(stage.index): \(stage.units.count) unit\(stage.units.count == 1 ? "" : "s") done")
                continue
            }
            for task in failed {
                NotebookLoading.printError(
                    "error: unit \(stage.units[task]) failed (stage \(stage.index), task \(task)); log: \(scripts.logPath(stage: stage.index, task: task))")
            }
            let later = jobs.drop { $0 != job }.dropFirst()
            if !later.isEmpty { _ = try? SlurmTool.run("scancel", Array(later)) }
            throw ExitCode(1)
        }
    }
}

/// Runs the Slurm client tools.
enum SlurmTool {
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            throw failure("cannot run \(tool): \(error.localizedDescription)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw failure("\(tool) not found: run folio slurm on a Slurm login node") }
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func failure(_ message: String) -> ExitCode {
        NotebookLoading.printError("error: " + message)
        return ExitCode(1)
    }
}
