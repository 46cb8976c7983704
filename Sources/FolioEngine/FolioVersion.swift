/// The one place Folio's version lives: the CLI's `--version`, cache keys and report
/// provenance all read it, so bumping it invalidates every cache entry.
public enum FolioVersion {
    /// Semantic version of this build of Folio.
    public static let current = "0.1.0"
}
