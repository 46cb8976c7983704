/// Finds the inline values (`` `{swift} expr` `` code spans) and the cross-references
/// (`@fig-x`, outside code) of a prose block with their file positions.
///
/// Code spans follow CommonMark: a run of backticks closed by a run of the same length,
/// possibly on a later line of the same paragraph; one space on each side is stripped when
/// both are there; `` \` `` is a literal backtick. Spans inside fenced blocks and indented
/// code blocks are code, not inline values. An inline value must fit on one line.
struct InlineExpressionScanner {
    let notebook: Notebook
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var found: [InlineExpression] = []
    private var references: [CrossReference] = []
    private var nextIndex: Int

    /// `firstIndex` is the 1-based index the next inline value gets.
    init(notebook: Notebook, firstIndex: Int) {
        self.notebook = notebook
        self.nextIndex = firstIndex
    }

    /// Scans `prose`, which follows `cellsAbove` cells, for its inline values and references.
    mutating func scan(_ prose: Prose, cellsAbove: Int) -> (expressions: [InlineExpression], references: [CrossReference]) {
        let start = found.count
        references = []
        for paragraph in paragraphs(of: prose) { scan(paragraph, cellsAbove: cellsAbove) }
        return (Array(found[start...]), references)
    }

    /// A character of a paragraph with its file position.
    private struct Located {
        var character: Character
        var line: Int
        var column: Int
    }

    /// The runs of consecutive text lines (not blank, not fenced or indented code), each
    /// as its characters joined by newlines.
    private func paragraphs(of prose: Prose) -> [[Located]] {
        var paragraphs: [[Located]] = []
        var current: [Located] = []
        var fence: CodeFence?
        var previousBlank = true, inList = false, inIndentedCode = false
        func flush() {
            if !current.isEmpty { paragraphs.append(current) }
            current = []
        }
        for (offset, line) in prose.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).enumerated() {
            if let open = fence {
                if open.isClosed(by: line) { fence = nil }
                continue
            }
            if let open = CodeFence(opening: line) {
                flush()
                fence = open
                continue
            }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                flush()
                previousBlank = true
                continue
            }
            let indent = line.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
            if indent >= 4, !inList, previousBlank || inIndentedCode {
                flush()
                inIndentedCode = true
                continue
            }
            inIndentedCode = false
            if Self.startsListItem(line) {
                inList = true
            } else if indent == 0, previousBlank {
                inList = false
            }
            previousBlank = false
            if !current.isEmpty { current.append(Located(character: "\n", line: 0, column: 0)) }
            let fileLine = prose.startLine + offset
            current += line.enumerated().map { Located(character: $1, line: fileLine, column: $0 + 1) }
        }
        flush()
        return paragraphs
    }

    /// `- x`, `* x`, `+ x`, `1. x`, `1) x`, after at most three spaces.
    private static func startsListItem(_ line: String) -> Bool {
        let text = line.drop { $0 == " " }
        guard line.count - text.count <= 3 else { return false }
        if let first = text.first, "-*+".contains(first) { return text.dropFirst().first?.isWhitespace ?? true }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return false }
        let rest = text.dropFirst(digits.count)
        guard let delimiter = rest.first, delimiter == "." || delimiter == ")" else { return false }
        return rest.dropFirst().first?.isWhitespace ?? true
    }

    private mutating func scan(_ paragraph: [Located], cellsAbove: Int) {
        let characters = paragraph.map(\.character)
        var index = 0
        while index < paragraph.count {
            let character = paragraph[index].character
            if let (label, end) = CrossReference.match(in: characters, at: index) {
                references.append(CrossReference(label: label, line: paragraph[index].line, column: paragraph[index].column))
                index = end
                continue
            }
            if character == "\\", index + 1 < paragraph.count, paragraph[index + 1].character.isASCII,
                paragraph[index + 1].character.isPunctuation || paragraph[index + 1].character.isSymbol
            {
                index += 2
                continue
            }
            guard character == "`" else {
                index += 1
                continue
            }
            let open = CodeSpan.run(in: characters, at: index)
            guard let end = CodeSpan.end(in: characters, from: index) else {
                index += open
                continue
            }
            span(paragraph, from: index, contentStart: index + open, contentEnd: end - open, end: end, cellsAbove: cellsAbove)
            index = end
        }
    }

    private mutating func span(
        _ paragraph: [Located], from start: Int, contentStart: Int, contentEnd: Int, end: Int, cellsAbove: Int
    ) {
        var content = Array(paragraph[contentStart..<contentEnd])
        if content.count >= 2, content.first?.character.isWhitespace == true, content.last?.character.isWhitespace == true,
            !content.allSatisfy(\.character.isWhitespace)
        {
            content = Array(content.dropFirst().dropLast())
        }
        let marker = Array(InlineExpression.marker)
        guard content.count >= marker.count, content.prefix(marker.count).map(\.character) == marker else { return }
        let rest = content.dropFirst(marker.count)
        // `{swift}` alone is code that names the syntax; `{swift}x` is code too.
        guard let separator = rest.first?.character, separator.isWhitespace, !rest.allSatisfy(\.character.isWhitespace) else {
            return
        }
        let opening = paragraph[start]
        guard paragraph[start..<end].allSatisfy({ $0.character != "\n" }) else {
            diagnostics.append(
                notebook.diagnostic(
                    line: opening.line, column: opening.column, "an inline value must be on one line",
                    hint: "join the lines of `\(InlineExpression.marker) …`"))
            return
        }
        let expression = Array(rest.drop { $0.character.isWhitespace })
        let trimmed = expression.reversed().drop { $0.character.isWhitespace }.reversed()
        guard let first = trimmed.first else { return }
        found.append(
            InlineExpression(
                index: nextIndex, line: opening.line, column: opening.column, length: end - start,
                expressionColumn: first.column, expression: String(trimmed.map(\.character)), cellsAbove: cellsAbove))
        nextIndex += 1
    }
}
