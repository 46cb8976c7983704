import Foundation
import FolioEngine

/// Reads the facts a `Provenance` records from the machine: the git commit and dirty flag
/// of the notebook's repository (by running `git`, if installed), the OS, the CPU and the
/// Swift compiler Folio was built with. This is Folio's own I/O, never a cell's.
public enum ProvenanceProbe {
    /// Provenance for a render of the notebook at `notebookPath`; `git` was started
    /// before the run (see `GitStatusProbe`), so its cost overlaps the cells'.
    public static func collect(
        notebookPath: String, git: GitStatusProbe, mode: String?, wallSeconds: Double, inputFiles: [String: String]
    ) -> Provenance {
        let status = git.result()
        return Provenance(
            folioVersion: FolioVersion.current, gitCommit: status.commit, gitDirty: status.dirty, swiftVersion: swiftVersion,
            operatingSystem: operatingSystem, cpu: cpu, mode: mode, wallSeconds: wallSeconds, inputFiles: inputFiles)
    }

    /// The compiler that built Folio.
    static var swiftVersion: String {
        #if compiler(>=6.4)
            "Swift 6.4 or later"
        #elseif compiler(>=6.3)
            "Swift 6.3"
        #else
            "Swift 6.2 or earlier"
        #endif
    }

    static var operatingSystem: String {
        let release = (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8)) ?? ""
        let pretty = release.split(separator: "\n").first { $0.hasPrefix("PRETTY_NAME=") }
            .map { $0.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        let kernel = ProcessInfo.processInfo.operatingSystemVersion
        let kernelText = "Linux \(kernel.majorVersion).\(kernel.minorVersion).\(kernel.patchVersion)"
        return [pretty, kernelText].compactMap { $0 }.joined(separator: ", ")
    }

    static var cpu: String {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = info.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores"
    }
}

/// `git status --porcelain=v2 --branch --untracked-files=no` in the notebook's folder,
/// started at once and read when the render is written: one process gives both the commit
/// (`# branch.oid`) and whether tracked files changed. Starting a process costs tens of
/// milliseconds, so it runs while the cells do.
public final class GitStatusProbe: @unchecked Sendable {
    private let process: Process?
    private let output = Pipe()

    /// Starts git, if it is installed; otherwise `result()` reports no commit.
    public init(folder: URL) {
        guard let executable = ["/usr/bin/git", "/usr/local/bin/git"].first(where: FileManager.default.isExecutableFile) else {
            process = nil
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-C", folder.path, "status", "--porcelain=v2", "--branch", "--untracked-files=no"]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        self.process = (try? process.run()) == nil ? nil : process
    }

    /// The commit (nil outside a repository or before the first commit) and the dirty flag.
    public func result() -> (commit: String?, dirty: Bool) {
        guard let process else { return (nil, false) }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return (nil, false) }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        let commit = lines.first { $0.hasPrefix("# branch.oid ") }.map { String($0.dropFirst("# branch.oid ".count)) }
            .flatMap { $0 == "(initial)" ? nil : $0 }
        return (commit, commit != nil && lines.contains { !$0.hasPrefix("#") })
    }
}
