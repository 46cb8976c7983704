/// "Did you mean …?" suggestions by edit distance, shared by every check in Folio.
public enum DidYouMean {
    /// The candidates closest to `name` (at most `limit`), best first, within an edit
    /// distance that grows with the name's length; empty when nothing is close.
    public static func suggestions(for name: String, among candidates: some Sequence<String>, limit: Int = 1)
        -> [String]
    {
        let lowered = name.lowercased()
        let threshold = max(1, min(3, name.count / 3 + 1))
        var scored: [(String, Int)] = []
        for candidate in Set(candidates) where candidate != name {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= threshold { scored.append((candidate, distance)) }
        }
        scored.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        return scored.prefix(limit).map(\.0)
    }

    /// `did you mean 'x'?` for the closest candidate, or `fallback`.
    public static func hint(for name: String, among candidates: some Sequence<String>, fallback: String? = nil)
        -> String?
    {
        suggestions(for: name, among: candidates).first.map { "did you mean '\($0)'?" } ?? fallback
    }

    /// Levenshtein distance with a transposition counted as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
