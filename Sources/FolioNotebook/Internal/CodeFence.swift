/// A CommonMark code fence (```` ``` ```` or `~~~`, at most three spaces of indentation):
/// how the parser finds cells and how the inline-value scanner skips fenced blocks.
struct CodeFence {
    var character: Character
    var length: Int
    var indent: Int
    /// The info string (`swift`, `python`, …), trimmed.
    var info: String

    /// The fence `line` opens, or nil when it opens none.
    init?(opening line: String) {
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
    var marker: String { String(repeating: character, count: length) }

    /// Whether `line` closes this fence.
    func isClosed(by line: String) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return false }
        let rest = line.dropFirst(indent)
        let length = rest.prefix { $0 == character }.count
        return length >= self.length && rest.dropFirst(length).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
