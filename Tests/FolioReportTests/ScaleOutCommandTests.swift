import Foundation
import Testing

/// `folio plan`, `folio run-unit` and `folio slurm --dry-run` end to end, through the built
/// `folio` (the real cluster is `make test-slurm`).
@Suite(.serialized) struct ScaleOutCommandTests {
    static let source = """
        ---
        seed: 5
        ---

        ```swift
        //| label: base
        let offset = 0.5
        ```

        ```swift
        //| label: runs
        //| sweep: { kappa: [1, 2, 3] }
        //| trials: 2
        let value = Double(kappa) + offset + mean(normalSamples(count: 3))
        ```

        ```swift
        //| label: summary
        print(value.mean(over: "trial").values)
        ```
        """

    static func folio(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String, errors: String) {
        try CheckCommandTests.folio(arguments, in: folder)
    }

    @Test func planListsUnitsByStageAndRunUnitFillsTheCache() throws {
        let folder = try CheckCommandTests.notebook(Self.source)
        let plan = try Self.folio(["plan", "note.md"], in: folder)
        #expect(plan.status == 0, "\(plan.errors)")
        #expect(plan.output.contains("8 units to compute, 0 cached"), "\(plan.output)")
        #expect(plan.output.contains("stage 1: 6 units (runs)"), "\(plan.output)")
        #expect(try Self.folio(["run-unit", "note.md", "--unit", "base"], in: folder).status == 0)
        // Two writers of one unit at once: both succeed, and the entry is whole.
        let unit = "runs[kappa=2,trial=1]"
        let writers = try (0..<2).map { _ in try Self.start(["run-unit", "note.md", "--unit", unit], in: folder) }
        for writer in writers {
            writer.waitUntilExit()
            #expect(writer.terminationStatus == 0)
        }
        let json = try Self.folio(["plan", "note.md", "--json"], in: folder)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        let units = (decoded?["units"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(decoded?["cachedUnits"] as? Int == 2)
        #expect(!units.contains(unit) && units.contains("runs[kappa=2,trial=0]") && units.count == 6)
        let render = try Self.folio(["render", "note.md"], in: folder)
        #expect(render.status == 0, "\(render.errors)")
        #expect(render.output.contains("(points: 5 ran, 1 cached)"), "\(render.output)")
    }

    /// `folio plan --resolve` computes the list a grid takes and the sizes a work estimate
    /// reads, then lists every point with its projection from the last render.
    @Test func planResolveComputesGridListsAndSizesThenProjects() throws {
        let source = """
            ---
            seed: 5
            params:
              size: 4
            ---

            ```swift
            //| label: sizes
            let n = params.size * 10
            let kappas = [1, 2, 3].map { $0 * params.size }
            ```

            ```swift
            //| label: runs
            //| sweep: { kappa: kappas }
            //| work: Double(n * kappa)
            let value = mean(normalSamples(count: n * kappa))
            ```
            """
        let folder = try CheckCommandTests.notebook(source)
        #expect(try Self.folio(["render", "note.md"], in: folder).status == 0)
        let bigger = ["--param", "size=8"]
        let plan = try Self.folio(["plan", "note.md"] + bigger, in: folder)
        #expect(plan.output.contains("waiting: runs, until sizes is computed"), "\(plan.output)")
        #expect(plan.output.contains("`folio plan --resolve` computes sizes first"), "\(plan.output)")
        let resolved = try Self.folio(["plan", "note.md", "--resolve", "--json"] + bigger, in: folder)
        #expect(resolved.status == 0, "\(resolved.errors)")
        #expect(resolved.errors.contains("plan: computed sizes for the plan (ran)"), "\(resolved.errors)")
        let decoded = try JSONSerialization.jsonObject(with: Data(resolved.output.utf8)) as? [String: Any]
        let units = decoded?["units"] as? [[String: Any]] ?? []
        #expect(units.compactMap { $0["id"] as? String } == ["runs[kappa=8]", "runs[kappa=16]", "runs[kappa=24]"])
        #expect(units.compactMap { $0["work"] as? Double } == [640, 1280, 1920])
        #expect(units.allSatisfy { ($0["projectedSeconds"] as? Double ?? 0) > 0 })
        let text = try Self.folio(["plan", "note.md"] + bigger, in: folder)
        #expect(text.output.contains("projected from work estimates:"), "\(text.output)")
        #expect(text.output.contains("for 3 units (CPU seconds per unit of work in the last render, measured with size=4)"), "\(text.output)")
    }

    /// A template folder that does not exist fails the render before any cell runs (not
    /// after an hour of training), and leaves no cache entry behind.
    @Test func aMissingTemplateFailsBeforeAnyCellRuns() throws {
        let folder = try CheckCommandTests.notebook(Self.source.replacingOccurrences(of: "seed: 5", with: "seed: 5\ntemplate: no-such-folder"))
        let render = try Self.folio(["render", "note.md"], in: folder)
        #expect(render.status == 1)
        #expect(render.errors.contains("no-such-folder/report.html: error: template file not found"), "\(render.errors)")
        #expect(!render.output.contains("ran"), "\(render.output)")
        let entries = folder.appendingPathComponent("output/.cache/entries").path
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: entries)) ?? []).isEmpty)
    }

    @Test func runUnitRejectsAnUnknownUnitWithASuggestion() throws {
        let folder = try CheckCommandTests.notebook(Self.source)
        let run = try Self.folio(["run-unit", "note.md", "--unit", "runs[kappa=2,trial=3]"], in: folder)
        #expect(run.status == 1)
        #expect(run.errors.contains("has no work unit 'runs[kappa=2,trial=3]'"), "\(run.errors)")
        let cell = try Self.folio(["run-unit", "note.md", "--unit", "runs"], in: folder)
        #expect(cell.status == 1)
        #expect(cell.errors.contains("'runs' is a sweep cell: its units are its 6 points, e.g. 'runs[kappa=1,trial=0]'"), "\(cell.errors)")
    }

    @Test func slurmDryRunPrintsOneJobArrayPerStage() throws {
        let folder = try CheckCommandTests.notebook(Self.source)
        let run = try Self.folio(
            ["slurm", "note.md", "--dry-run", "--partition", "long", "--cpus-per-task", "2", "--time", "1:00:00", "--param", "x=1"],
            in: folder)
        // --param x=1 names no param: an error before any script is written.
        #expect(run.status == 1)
        let dry = try Self.folio(["slurm", "note.md", "--dry-run", "--partition", "long", "--cpus-per-task", "2", "--time", "1:00:00"], in: folder)
        #expect(dry.status == 0, "\(dry.errors)")
        #expect(dry.output.components(separatedBy: "#!/bin/bash").count == 4)
        #expect(dry.output.contains("#SBATCH --array=0-5"))
        #expect(dry.output.contains("#SBATCH --partition=long") && dry.output.contains("#SBATCH --time=1:00:00"))
        #expect(dry.output.contains("run-unit") && dry.output.contains("--jobs 2"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/.slurm").path))
    }

    static func start(_ arguments: [String], in folder: URL) throws -> Process {
        let process = Process()
        process.executableURL = CheckCommandTests.repository.appendingPathComponent(".build/debug/folio")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
