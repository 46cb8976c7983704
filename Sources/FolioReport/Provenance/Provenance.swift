/// Where and how a report was made: shown in the page footer and written to
/// `manifest.json`. The values are gathered at the edge (the CLI) and passed in.
public struct Provenance: Sendable, Equatable, Codable {
    public var folioVersion: String
    /// `git rev-parse HEAD` of the notebook's repository, if it is in one.
    public var gitCommit: String?
    /// Whether the work tree had uncommitted changes.
    public var gitDirty: Bool
    public var swiftVersion: String
    public var operatingSystem: String
    public var cpu: String
    /// The mode param (`quick`, `standard`, `paper`) when the notebook has one.
    public var mode: String?
    public var wallSeconds: Double
    /// Path (relative to the notebook) → SHA-256 of every input file read by a cell.
    public var inputFiles: [String: String]

    public init(
        folioVersion: String, gitCommit: String?, gitDirty: Bool, swiftVersion: String, operatingSystem: String,
        cpu: String, mode: String?, wallSeconds: Double, inputFiles: [String: String]
    ) {
        self.folioVersion = folioVersion
        self.gitCommit = gitCommit
        self.gitDirty = gitDirty
        self.swiftVersion = swiftVersion
        self.operatingSystem = operatingSystem
        self.cpu = cpu
        self.mode = mode
        self.wallSeconds = wallSeconds
        self.inputFiles = inputFiles
    }
}
