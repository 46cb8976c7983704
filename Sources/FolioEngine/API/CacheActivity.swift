/// What a run read from and wrote to the cache (`RunResult.cacheActivity`). Reusing a cell
/// reads only its entry's head (outputs, error, timing); its exported values (the entry's
/// values section and the blobs it refers to) are read only when a cell that runs needs them.
public struct CacheActivity: Sendable, Equatable {
    /// Entry heads read: cells and inline values found in the cache.
    public var entriesRead = 0
    /// Values sections read: cached cells whose exported values were restored.
    public var valuesRead = 0
    /// Blobs (matrices, numeric arrays) read while restoring values.
    public var blobsRead = 0
    /// Bytes of values sections and blobs read.
    public var valueBytesRead = 0
    /// Entries written: cells and inline values.
    public var entriesWritten = 0
    /// Bytes written: entries and new blobs (blobs that existed are not written again).
    public var bytesWritten = 0

    public init() {}
}
