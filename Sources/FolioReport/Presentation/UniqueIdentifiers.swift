/// Hands out identifiers that are unique within one document: the first claim of a base
/// gets it as is, later ones `base-2`, `base-3`, … (skipping any already taken). Page
/// anchors and Jupyter cell ids are both made this way.
struct UniqueIdentifiers {
    /// Every identifier handed out so far.
    private(set) var taken: Set<String> = []
    private var nextSuffix: [String: Int] = [:]
    /// Longest identifier handed out (Jupyter allows 64 characters); the base is shortened
    /// to make room for a suffix.
    let maximumLength: Int

    init(maximumLength: Int = .max) {
        self.maximumLength = maximumLength
    }

    /// A unique identifier made from `base`.
    mutating func claim(_ base: String) -> String {
        let base = String(base.prefix(maximumLength))
        var candidate = base
        var suffix = nextSuffix[base, default: 2]
        while taken.contains(candidate) {
            let tail = "-\(suffix)"
            candidate = String(base.prefix(maximumLength - tail.count)) + tail
            suffix += 1
        }
        nextSuffix[base] = suffix
        taken.insert(candidate)
        return candidate
    }
}
