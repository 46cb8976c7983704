/// What `folio clean` removed, or with `--dry-run` would remove.
public struct CacheCleanup: Sendable, Equatable {
    /// Cell and inline-value entries no notebook's last render references.
    public var entries = 0
    /// Blobs no remaining entry refers to.
    public var blobs = 0
    /// Leftovers: temporary files of interrupted writes, files of other formats.
    public var otherFiles = 0
    /// Bytes freed.
    public var bytes = 0

    public init() {}
}

/// The cache's size by notebook and cell (`folio cache`).
public struct CacheUsage: Sendable, Equatable {
    /// One cell's share: its entry and the blobs it was first (in document order) to refer to.
    public struct Cell: Sendable, Equatable {
        public var notebook: String
        /// The cell id, or `inline values` for all of a notebook's inline values.
        public var id: String
        public var bytes: Int
        /// Blobs counted here (a blob shared with an earlier cell is counted there).
        public var blobs: Int
    }

    /// By notebook name, cells in document order.
    public var cells: [Cell] = []
    /// Files no notebook's last render references (`folio clean` removes them).
    public var unreferencedFiles = 0
    public var unreferencedBytes = 0
    /// Every file in the cache folder.
    public var totalBytes = 0
}
