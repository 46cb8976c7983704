import FolioNotebook
import SwiftParser
import SwiftSyntax

/// Parses a cell with SwiftParser and lowers the supported subset of Swift to `Stmt`s.
///
/// Everything outside the subset becomes a diagnostic naming the construct and what is
/// supported, at the construct's own file position; lowering continues past it so that
/// all problems are reported together.
struct Lowering {
    static let supportedSummary =
        "cells support let/var, func, struct, if/else, guard, switch, for-in, while, closures, literals, operators, calls, member access and subscripts"

    let notebook: Notebook
    let converter: SourceLocationConverter
    let codeLines: [Substring]
    /// File line of the code's first line, and the fence indentation.
    let firstLine: Int
    let indent: Int
    var diagnostics: [Diagnostic] = []
    /// Current expression nesting while lowering (bounded so no later pass recurses deeply).
    var depth = 0
    /// The deepest expression (or longest operator chain) a cell may hold.
    static let maximumDepth = 200

    /// Lowers `code`, whose first line is file line `firstLine`.
    /// Longest cell accepted, in characters.
    static let maximumCodeLength = 200_000

    static func lower(code: String, firstLine: Int, indent: Int, notebook: Notebook) -> ([Stmt], [Diagnostic]) {
        guard code.utf8.count <= maximumCodeLength else {
            let message = "cell is longer than \(maximumCodeLength) characters"
            let diagnostic = notebook.diagnostic(line: firstLine, column: indent + 1, message, hint: "split it into several cells")
            return ([], [diagnostic])
        }
        if let violation = BracketNesting.violation(in: code) {
            let diagnostic = notebook.diagnostic(
                line: firstLine + violation.line, column: indent + violation.column, violation.message,
                hint: "build deeply nested values in steps (intermediate lets)")
            return ([], [diagnostic])
        }
        var parser = Parser(code, maximumNestingLevel: maximumDepth)
        let tree = SourceFileSyntax.parse(from: &parser)
        var lowering = Lowering(notebook: notebook, tree: tree, code: code, firstLine: firstLine, indent: indent)
        if tree.hasError {
            lowering.reportSyntaxErrors(in: tree)
            return ([], lowering.diagnostics)
        }
        let statements = lowering.block(tree.statements)
        return (statements, lowering.diagnostics)
    }

    /// Lowers a cell's code.
    static func lower(cell: Cell, notebook: Notebook) -> ([Stmt], [Diagnostic]) {
        lower(code: cell.code, firstLine: cell.codeStartLine, indent: cell.indent, notebook: notebook)
    }

    private init(notebook: Notebook, tree: SourceFileSyntax, code: String, firstLine: Int, indent: Int) {
        self.notebook = notebook
        self.converter = SourceLocationConverter(fileName: notebook.path, tree: tree)
        self.codeLines = code.split(separator: "\n", omittingEmptySubsequences: false)
        self.firstLine = firstLine
        self.indent = indent
    }

    // MARK: Positions and diagnostics

    func position(_ node: some SyntaxProtocol) -> SourcePosition {
        position(at: node.positionAfterSkippingLeadingTrivia)
    }

    func position(at absolute: AbsolutePosition) -> SourcePosition {
        let location = converter.location(for: absolute)
        let lineText = codeLines.indices.contains(location.line - 1) ? codeLines[location.line - 1] : ""
        // SwiftSyntax counts UTF-8 bytes; diagnostics count characters.
        let characters = String(decoding: lineText.utf8.prefix(max(0, location.column - 1)), as: UTF8.self).count
        return SourcePosition(line: firstLine + location.line - 1, column: indent + characters + 1)
    }

    mutating func unsupported(_ node: some SyntaxProtocol, _ construct: String, hint: String? = nil) {
        let at = position(node)
        diagnostics.append(
            notebook.diagnostic(
                line: at.line, column: at.column, "\(construct) are not supported in cells",
                hint: hint ?? Self.supportedSummary))
    }

    mutating func report(_ node: some SyntaxProtocol, _ message: String, hint: String? = nil) {
        let at = position(node)
        diagnostics.append(notebook.diagnostic(line: at.line, column: at.column, message, hint: hint))
    }

    mutating func reportSyntaxErrors(in tree: SourceFileSyntax) {
        for token in tree.tokens(viewMode: .all) {
            if token.presence == .missing {
                let expected = token.text.isEmpty ? Self.describe(token.tokenKind) : "'\(token.text)'"
                let at = position(at: token.position)
                diagnostics.append(
                    notebook.diagnostic(line: at.line, column: at.column, "syntax error: expected \(expected)"))
                return
            }
            if let unexpected = token.parent?.as(UnexpectedNodesSyntax.self), token == unexpected.firstToken(viewMode: .all) {
                let text = unexpected.trimmedDescription
                let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
                report(unexpected, "syntax error: unexpected '\(shown)'")
                return
            }
        }
        diagnostics.append(notebook.diagnostic(line: firstLine, column: indent + 1, "syntax error in cell"))
    }

    static func describe(_ kind: TokenKind) -> String {
        switch kind {
        case .identifier: "a name"
        case .integerLiteral, .floatLiteral: "a number"
        default: "an expression"
        }
    }

    /// A readable name for an unsupported syntax node: `switchExpr` → `'switch' expressions`.
    static func constructName(_ node: Syntax) -> String {
        if let keyword = node.firstToken(viewMode: .sourceAccurate), case .keyword = keyword.tokenKind {
            let kind = "\(node.kind)"
            let noun = kind.hasSuffix("Decl") ? "declarations" : kind.hasSuffix("Stmt") ? "statements" : "expressions"
            return "'\(keyword.text)' \(noun)"
        }
        var words = ""
        for character in "\(node.kind)" {
            if character.isUppercase { words += " " + character.lowercased() } else { words.append(character) }
        }
        let trimmed = words.replacingOccurrences(of: " expr", with: "").replacingOccurrences(of: " stmt", with: "")
        return "\(trimmed) expressions"
    }
}
