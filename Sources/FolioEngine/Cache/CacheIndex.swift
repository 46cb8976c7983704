/// The per-notebook record of the last render (`<notebook>.index`): each successful cell's
/// key components (for `--explain`) and entry key, and the inline values' entry keys.
/// `folio clean` keeps the entries some index names; `folio cache` sizes them by cell.
struct CacheIndex: Codable, Sendable {
    struct CellRecord: Codable, Sendable {
        var id: String
        var components: KeyComponents
        /// The key of its entry (the key without file hashes).
        var entryKey: String
    }

    /// In document order.
    var cells: [CellRecord]
    var inlineKeys: [String]
}
