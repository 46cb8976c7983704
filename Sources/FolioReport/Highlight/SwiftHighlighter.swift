import FolioNotebook
import SwiftParser
import SwiftSyntax

/// Syntax highlighting of cell code from SwiftParser's own tokens: no grammar files, no
/// JavaScript, and exactly the tokenisation the interpreter sees.
///
/// The output is escaped HTML with `<span class="tok-…">` around keywords (`kw`), string
/// literals (`str`), numbers (`num`), comments (`com`), cell options (`opt`, the `//|`
/// lines), type names (`ty`), called functions (`fn`) and other identifiers (`id`).
/// Whitespace and punctuation are emitted as escaped text.
public enum SwiftHighlighter {
    /// Highlights `code`; the text content of the result equals `code` exactly.
    public static func html(_ code: String) -> String {
        let tree = Parser.parse(source: code)
        var output = ""
        for token in tree.tokens(viewMode: .sourceAccurate) {
            appendTrivia(token.leadingTrivia, to: &output)
            let text = token.text
            if let style = style(of: token) {
                output += "<span class=\"tok-\(style)\">\(text.htmlEscaped)</span>"
            } else {
                output += text.htmlEscaped
            }
            appendTrivia(token.trailingTrivia, to: &output)
        }
        return output
    }

    private static func style(of token: TokenSyntax) -> String? {
        switch token.tokenKind {
        case .keyword:
            return "kw"
        case .stringSegment, .stringQuote, .multilineStringQuote, .singleQuote, .rawStringPoundDelimiter:
            return "str"
        case .integerLiteral, .floatLiteral:
            return "num"
        case .identifier(let name):
            if name.first?.isUppercase == true { return "ty" }
            let isCallee = token.parent?.is(DeclReferenceExprSyntax.self) == true
                && token.parent?.parent?.is(FunctionCallExprSyntax.self) == true
            return isCallee ? "fn" : "id"
        case .dollarIdentifier:
            return "id"
        default:
            return nil
        }
    }

    private static func appendTrivia(_ trivia: Trivia, to output: inout String) {
        for piece in trivia {
            var text = ""
            piece.write(to: &text)
            switch piece {
            case .lineComment(let comment) where Cell.isOptionLine(comment):
                output += "<span class=\"tok-opt\">\(text.htmlEscaped)</span>"
            case .lineComment, .blockComment, .docLineComment, .docBlockComment:
                output += "<span class=\"tok-com\">\(text.htmlEscaped)</span>"
            default:
                output += text.htmlEscaped
            }
        }
    }
}
