/// A CommonMark code fence (```` ``` ```` or `~~~`, at most three spaces of indentation):
/// how the parser finds cells, how the inline-value scanner skips fenced blocks, and how the
/// report keeps math and references out of them. The one rule for fences.
public struct CodeFence: Sendable {
    public var character: Character
    public var length: Int
    public var indent: Int
    /// The info string (`swift`, `python`, …), trimmed.
    public var info: String

    /// The fence `line` opens, or nil when it opens none.
    public init?(opening line: some StringProtocol) {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let character = rest.first, character == "`" || character == "~" else { return nil }
        let length = rest.prefix { $0 == character }.count
        guard length >= 3 else { return nil }
        let info = String(rest.dropFirst(length)).trimmingLeadingWhitespace().description.trimmingTrailingWhitespace()
        if character == "`", info.contains("`") { return nil }
        self.init(character: character, length: length, indent: indent, info: info)
    }

    private init(character: Character, length: Int, indent: Int, info: String) {
        self.character = character
        self.length = length
        self.indent = indent
        self.info = info
    }

    /// The fence's marker (```` ``` ````, `~~~~`, …).
    public var marker: String { String(repeating: character, count: length) }

    /// Whether `line` closes this fence.
    public func isClosed(by line: some StringProtocol) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return false }
        let rest = line.dropFirst(indent)
        let length = rest.prefix { $0 == character }.count
        return length >= self.length && rest.dropFirst(length).allSatisfy { $0 == " " || $0 == "\t" }
    }
}

/// CommonMark code spans: a run of backticks closed by the next run of the same length.
/// The one rule for spans, used by the inline-value scanner and by the report.
public enum CodeSpan {
    /// The index just past the code span whose opening run starts at `start`, or nil when
    /// no run of the same length closes it (the backticks are then literal text).
    public static func end(in characters: [Character], from start: Int) -> Int? {
        let open = run(in: characters, at: start)
        var index = start + open
        while index < characters.count {
            guard characters[index] == "`" else {
                index += 1
                continue
            }
            let found = run(in: characters, at: index)
            if found == open { return index + found }
            index += found
        }
        return nil
    }

    /// The length of the run of backticks at `start`.
    public static func run(in characters: [Character], at start: Int) -> Int {
        var length = 0
        while start + length < characters.count, characters[start + length] == "`" { length += 1 }
        return length
    }
}
