import Foundation

/// Everything a cell's cache key is made of, kept separately so `--explain` can say which
/// part changed since the last run.
struct KeyComponents: Codable, Sendable, Equatable {
    /// SHA-256 of the normalised code (option lines, blank lines, trailing spaces dropped).
    var code: String
    /// The options that change results (label, width, height, expect-error).
    var options: [String: String]
    /// Upstream cell id → its effective key.
    var upstream: [String: String]
    /// Param name → value, for the params the cell reads.
    var params: [String: String]
    /// Path (relative to the notebook's folder) → SHA-256 of each file the cell read (known
    /// after it ran).
    var files: [String: String]
    var seed: UInt64
    var version: String

    /// The key: SHA-256 over a canonical (sorted-keys JSON) encoding of all components.
    var key: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(self)) ?? Data()
        return ContentHash.sha256(data)
    }


    /// Why a cell with these components must run again, compared with `previous`.
    func changes(since previous: KeyComponents?) -> [String] {
        guard let previous else { return ["no cache entry"] }
        var reasons: [String] = []
        if code != previous.code { reasons.append("code changed") }
        if options != previous.options { reasons.append("options changed") }
        for (id, key) in upstream.sorted(by: { $0.key < $1.key }) where previous.upstream[id] != key {
            reasons.append("upstream \(id) changed")
        }
        for (name, value) in params.sorted(by: { $0.key < $1.key }) where previous.params[name] != value {
            reasons.append("param \(name) changed")
        }
        if Set(params.keys) != Set(previous.params.keys), !reasons.contains(where: { $0.hasPrefix("param") }) {
            reasons.append("params read changed")
        }
        if files != previous.files { reasons.append("input file changed") }
        if seed != previous.seed { reasons.append("seed changed") }
        if version != previous.version { reasons.append("Folio version changed") }
        return reasons
    }
}
