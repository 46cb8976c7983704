/// Front matter that would make YAML parsing explode, refused before Yams sees it: aliases
/// (`*name`), which a "billion laughs" document nests so that composing, hashing keys or
/// walking the tree grows exponentially, and deeply nested flow collections (`[[[[…`),
/// which the composer recurses into. Front matter is a few lines of settings, so the
/// limits are far above any real one.
enum YAMLBounds {
    static let maximumAliases = 16
    static let maximumFlowDepth = 64

    /// The first limit `yaml` exceeds: where (0-based line, 1-based column) and why.
    static func violation(in yaml: String) -> (line: Int, column: Int, message: String, hint: String)? {
        var aliases = 0, depth = 0
        var quote: Character?
        var previous: Character = " "
        var inComment = false
        var line = 0, column = 0
        for character in yaml {
            column += 1
            defer { previous = character }
            if character == "\n" {
                line += 1
                column = 0
                inComment = false
                continue
            }
            if inComment { continue }
            if let open = quote {
                if character == open && previous != "\\" { quote = nil }
                continue
            }
            switch character {
            case "\"", "'" where previous.isWhitespace || "[{,:-".contains(previous): quote = character
            case "#" where previous.isWhitespace: inComment = true
            case "[", "{":
                depth += 1
                if depth > maximumFlowDepth {
                    return (line, column, "front matter nests more than \(maximumFlowDepth) brackets", "flatten the value")
                }
            case "]", "}": depth = max(0, depth - 1)
            case "*" where previous.isWhitespace || "[{,:-".contains(previous) || column == 1:
                aliases += 1
                if aliases > maximumAliases {
                    return (
                        line, column, "front matter uses more than \(maximumAliases) YAML aliases ('*name')",
                        "write the values out; aliases are refused beyond a few so parsing cannot explode"
                    )
                }
            default: break
            }
        }
        return nil
    }
}
