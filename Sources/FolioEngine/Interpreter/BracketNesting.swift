/// Bracket nesting measured before SwiftParser sees a cell. Its lookahead for `[` (array
/// literal, subscript or array type?) grows exponentially with the number of `[` open at
/// once, whether they come in a run (`[[[[…`), mixed with other brackets (`[([([(…`) or
/// split by comments; and any bracket nests the parser's recursion. Strings and comments
/// are skipped, so brackets inside them do not count.
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

        mutating func run() -> Violation? {
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
                    skipString()
                    continue
                }
                advance()
                switch character {
                case "[", "(", "{":
                    open.append(character)
                    if character == "[" { openSquare += 1 }
                    if openSquare > BracketNesting.maximumOpenSquare {
                        return Violation(
                            line: line, column: column,
                            message: "more than \(BracketNesting.maximumOpenSquare) '[' open at once")
                    }
                    if open.count > BracketNesting.maximumOpen {
                        return Violation(
                            line: line, column: column, message: "brackets nested more than \(BracketNesting.maximumOpen) deep")
                    }
                case "]", ")", "}":
                    if let last = open.popLast(), last == "[" { openSquare -= 1 }
                default: break
                }
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

        /// Skips a string literal, `"…"` or `"""…"""`, with its escapes (interpolations
        /// are skipped with it: their brackets are bounded by the line they are on).
        mutating func skipString() {
            let multiline = peek(1) == "\"" && peek(2) == "\""
            let quotes = multiline ? 3 : 1
            for _ in 0..<quotes { advance() }
            while index < characters.count {
                let character = characters[index]
                if character == "\\" {
                    advance()
                    if index < characters.count { advance() }
                    continue
                }
                if !multiline && character.isNewline { return }
                if character == "\"" && (!multiline || (peek(1) == "\"" && peek(2) == "\"")) {
                    for _ in 0..<quotes { advance() }
                    return
                }
                advance()
            }
        }
    }
}
