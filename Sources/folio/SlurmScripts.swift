import Foundation
import FolioEngine

/// The sbatch scripts of a plan: one job array per stage, one task per unit. Each task
/// reads its unit from the stage's unit list, runs `folio run-unit` into the shared cache,
/// and writes its exit status beside its log, so the submitting `folio slurm` can name
/// the failed units and their logs without Slurm accounting.
struct SlurmScripts {
    struct Settings {
        var folio: String
        var notebook: String
        var cache: String
        /// Where the scripts, unit lists, logs and statuses go.
        var folder: String
        var params: [String]
        var partition: String?
        var cpusPerTask: Int
        var time: String?
    }

    struct Stage {
        var index: Int
        var units: [String]
        var script: String
        var scriptPath: String
        var unitsPath: String
    }

    let settings: Settings

    func stages(_ plan: WorkPlan, jobName: String) -> [Stage] {
        plan.stages.enumerated().map { index, units in
            let name = "stage-\(index)"
            let unitsPath = path(name + ".units")
            return Stage(
                index: index, units: units.map(\.id), script: script(name, jobName: "\(jobName)-s\(index)", count: units.count, unitsPath: unitsPath),
                scriptPath: path(name + ".sbatch"), unitsPath: unitsPath)
        }
    }

    func logPath(stage: Int, task: Int) -> String { path("logs/stage-\(stage)-\(task).log") }
    func statusPath(stage: Int, task: Int) -> String { path("status/stage-\(stage)-\(task)") }

    private func path(_ name: String) -> String { (settings.folder as NSString).appendingPathComponent(name) }

    private func script(_ name: String, jobName: String, count: Int, unitsPath: String) -> String {
        var lines = [
            "#!/bin/bash",
            "#SBATCH --job-name=\(jobName)",
            "#SBATCH --array=0-\(count - 1)",
            "#SBATCH --output=\(path("logs/\(name)-%a.log"))",
            "#SBATCH --cpus-per-task=\(settings.cpusPerTask)",
        ]
        if let partition = settings.partition { lines.append("#SBATCH --partition=\(partition)") }
        if let time = settings.time { lines.append("#SBATCH --time=\(time)") }
        let params = settings.params.map { " --param " + Self.quoted($0) }.joined()
        lines += [
            "# Written by `folio slurm`: one task per work unit of \(name) (docs/scale-out.md).",
            "set -u",
            "unit=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" \(Self.quoted(unitsPath)))",
            "echo \"folio unit $unit on $(hostname)\"",
            "\(Self.quoted(settings.folio)) run-unit \(Self.quoted(settings.notebook)) --unit \"$unit\" --cache \(Self.quoted(settings.cache))"
                + " --jobs \(settings.cpusPerTask)\(params)",
            "status=$?",
            "echo \"$status\" > \(Self.quoted(path("status/\(name)")))-\"$SLURM_ARRAY_TASK_ID\"",
            "exit \"$status\"",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` in single quotes for bash.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
