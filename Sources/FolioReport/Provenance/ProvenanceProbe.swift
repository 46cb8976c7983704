import Foundation
import FolioEngine

/// Reads the facts a `Provenance` records from the machine: the git commit and dirty flag
/// of the notebook's repository (by running `git`, if installed), the OS, the CPU and the
/// Swift compiler Folio was built with. This is Folio's own I/O, never a cell's.
public enum ProvenanceProbe {
    /// Provenance for a render of the notebook at `notebookPath`.
    public static func collect(
        notebookPath: String, mode: String?, wallSeconds: Double, inputFiles: [String: String]
    ) -> Provenance {
        let folder = URL(fileURLWithPath: notebookPath).deletingLastPathComponent()
        let commit = git(["rev-parse", "HEAD"], in: folder)
        let dirty = commit != nil && !(git(["status", "--porcelain", "--untracked-files=no"], in: folder) ?? "").isEmpty
        return Provenance(
            folioVersion: FolioVersion.current, gitCommit: commit, gitDirty: dirty, swiftVersion: swiftVersion,
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
        return [pretty, ProcessInfo.processInfo.operatingSystemVersionString].compactMap { $0 }.joined(separator: ", kernel ")
    }

    static var cpu: String {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = info.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores"
    }

    /// `git ARGS` in `folder`, trimmed, or nil when git is missing or fails.
    private static func git(_ arguments: [String], in folder: URL) -> String? {
        guard let executable = ["/usr/bin/git", "/usr/local/bin/git"].first(where: FileManager.default.isExecutableFile) else {
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-C", folder.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
