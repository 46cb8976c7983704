/// Bracket nesting measured before SwiftParser sees a cell. Its lookahead for `[` (array
/// literal, subscript or array type?) grows exponentially with the number of `[` open at
/// once, whether they come in a run (`[[[[…`), mixed with other brackets (`[([([(…`) or
/// split by comments; and any bracket nests the parser's recursion. Strings and comments
/// are skipped, so brackets inside them do not count; a string's interpolations `\(…)` are
/// code and count (26 `[` inside one took the parser minutes, found by `make fuzz`).
struct BracketNesting {
    /// `[` open at once beyond which a cell is refused.
    static let maximumOpenSquare = 10
    /// Brackets of any kind open at once beyond which a cell is refused.
    static let maximumOpen = 150

    /// Where (0-based line, 1-based column) a limit is first exceeded, and which.
    struct Violation: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    static func violation(in code: String) -> Violation? {
        var scanner = Scanner(Array(code))
        return scanner.run()
    }

    private struct Scanner {
        let characters: [Character]
        var index = 0, line = 0, column = 0
        var open: [Character] = []
        var openSquare = 0

        init(_ characters: [Character]) { self.characters = characters }

        func peek(_ offset: Int = 0) -> Character? {
            characters.indices.contains(index + offset) ? characters[index + offset] : nil
        }

        mutating func advance() {
            if characters[index].isNewline {
                line += 1
                column = 0
            } else {
                column += 1
            }
            index += 1
        }

        /// Scans code to the end, or, with `depth`, until a closing bracket brings the open
        /// brackets back to `depth` (the end of a string interpolation).
        mutating func run(closingAt depth: Int? = nil) -> Violation? {
            while index < characters.count {
                let character = characters[index]
                if character == "/" && peek(1) == "/" {
                    while index < characters.count && !characters[index].isNewline { advance() }
                    continue
                }
                if character == "/" && peek(1) == "*" {
                    skipBlockComment()
                    continue
                }
                if character == "\"" {
                    if let violation = skipString() { return violation }
                    continue
                }
                advance()
                switch character {
                case "[", "(", "{":
                    if let violation = opening(character) { return violation }
                case "]", ")", "}":
                    if let last = open.popLast(), last == "[" { openSquare -= 1 }
                    if let depth, open.count == depth { return nil }
                default: break
                }
            }
            return nil
        }

        /// Counts an opening bracket; a violation when a limit is passed.
        mutating func opening(_ character: Character) -> Violation? {
            open.append(character)
            if character == "[" { openSquare += 1 }
            if openSquare > BracketNesting.maximumOpenSquare {
                return Violation(line: line, column: column, message: "more than \(BracketNesting.maximumOpenSquare) '[' open at once")
            }
            if open.count > BracketNesting.maximumOpen {
                return Violation(line: line, column: column, message: "brackets nested more than \(BracketNesting.maximumOpen) deep")
            }
            return nil
        }

        /// Skips `/* … */`, which nests in Swift.
        mutating func skipBlockComment() {
            var depth = 0
            while index < characters.count {
                if characters[index] == "/" && peek(1) == "*" {
                    depth += 1
                    advance()
                } else if characters[index] == "*" && peek(1) == "/" {
                    depth -= 1
                    advance()
                    if depth == 0 {
                        advance()
                        return
                    }
                }
                advance()
            }
        }

        /// Skips a string literal, `"…"` or `"""…"""`, with its escapes; its interpolations
        /// are scanned as code.
        mutating func skipString() -> Violation? {
            let multiline = peek(1) == "\"" && peek(2) == "\""
            let quotes = multiline ? 3 : 1
            for _ in 0..<quotes { advance() }
            while index < characters.count {
                let character = characters[index]
                if character == "\\" && peek(1) == "(" {
                    advance()
                    advance()
                    if let violation = opening("(") ?? run(closingAt: open.count - 1) { return violation }
                    continue
                }
                if character == "\\" {
                    advance()
                    if index < characters.count { advance() }
                    continue
                }
                if !multiline && character.isNewline { return nil }
                if character == "\"" && (!multiline || (peek(1) == "\"" && peek(2) == "\"")) {
                    for _ in 0..<quotes { advance() }
                    return nil
                }
                advance()
            }
            return nil
        }
    }
}
