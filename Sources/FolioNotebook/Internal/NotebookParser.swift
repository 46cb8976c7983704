/// Splits a notebook into front matter, prose and cells, collecting diagnostics.
struct NotebookParser {
    let path: String
    let lines: [String]
    private var diagnostics: [Diagnostic] = []

    init(source: String, path: String) {
        self.path = path
        // "\r\n" is one Character in Swift, so split on any newline character.
        var lines = source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
    }

    func parse() -> (Notebook, [Diagnostic]) {
        var notebook = Notebook(path: path, lines: lines, frontMatter: FrontMatter(), blocks: [])
        var diagnostics: [Diagnostic] = []
        var bodyStart = 0
        if let end = frontMatterEnd(notebook: notebook, diagnostics: &diagnostics) {
            let yaml = lines[1..<end].joined(separator: "\n")
            var parser = FrontMatterParser(notebook: notebook, firstLine: 2)
            notebook.frontMatter = parser.parse(yaml)
            diagnostics += parser.diagnostics
            bodyStart = end + 1
        } else if lines.first?.trimmingTrailingWhitespace() == "---" {
            bodyStart = lines.count
        }
        notebook.blocks = scanBlocks(from: bodyStart, notebook: notebook, diagnostics: &diagnostics)
        diagnostics += duplicateLabels(in: notebook)
        diagnostics += NotebookNameCheck.diagnostics(notebook)
        return (notebook, diagnostics)
    }

    /// The index of the line closing the front matter, or nil if there is none.
    private func frontMatterEnd(notebook: Notebook, diagnostics: inout [Diagnostic]) -> Int? {
        guard lines.first?.trimmingTrailingWhitespace() == "---" else { return nil }
        if let end = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingTrailingWhitespace()
            return line == "---" || line == "..."
        }) {
            return end
        }
        diagnostics.append(
            notebook.diagnostic(
                line: 1, column: 1, "front matter is not closed",
                hint: "end the YAML front matter with a line '---'"))
        return nil
    }

    private func scanBlocks(from start: Int, notebook: Notebook, diagnostics: inout [Diagnostic]) -> [Block] {
        var blocks: [Block] = []
        var prose: [String] = []
        var proseStart = start + 1
        var cellCount = 0
        var index = start

        var inlineScanner = InlineExpressionScanner(notebook: notebook, firstIndex: 1)

        func flushProse(nextLine: Int) {
            if prose.contains(where: { !$0.trimmingLeadingWhitespace().isEmpty }) {
                var block = Prose(startLine: proseStart, text: prose.joined(separator: "\n"))
                (block.inlineExpressions, block.references) = inlineScanner.scan(block, cellsAbove: cellCount)
                blocks.append(.prose(block))
            }
            prose = []
            proseStart = nextLine
        }

        while index < lines.count {
            let line = lines[index]
            guard let fence = CodeFence(opening: line) else {
                prose.append(line)
                index += 1
                continue
            }
            let close = lines.indices.dropFirst(index + 1).first { fence.isClosed(by: lines[$0]) }
            let isCell = fence.info.split(separator: " ").first == "swift"
            if close == nil {
                diagnostics.append(
                    notebook.diagnostic(
                        line: index + 1, column: fence.indent + 1,
                        "unterminated code fence '\(fence.marker)'",
                        hint: "close the block with a line '\(fence.marker)'"))
            }
            let end = close ?? lines.count
            // An unterminated fence stays prose: the rest of the file is not Swift to check.
            guard isCell, close != nil else {
                prose += lines[index..<min(end + 1, lines.count)]
                index = end + 1
                continue
            }
            flushProse(nextLine: end + 2)
            cellCount += 1
            let body = lines[(index + 1)..<end].map { dropIndent($0, fence.indent) }
            var cell = Cell(index: cellCount, fenceLine: index + 1, indent: fence.indent, code: body.joined(separator: "\n"))
            var optionParser = CellOptionParser(notebook: notebook, cell: cell)
            cell.options = optionParser.parse()
            diagnostics += optionParser.diagnostics
            if let caption = cell.options.caption, caption.contains(InlineExpression.marker),
                let option = CellOptionParser.option("caption", in: cell)
            {
                var source = Prose(startLine: option.line, text: lines[option.line - 1])
                // A caption is text, not prose: its `@` references are not links.
                source.inlineExpressions = inlineScanner.scan(source, cellsAbove: cellCount).expressions
                cell.captionSource = source
            }
            blocks.append(.cell(cell))
            index = end + 1
        }
        flushProse(nextLine: lines.count + 1)
        diagnostics += inlineScanner.diagnostics
        return blocks
    }

    private func dropIndent(_ line: String, _ indent: Int) -> String {
        let spaces = min(indent, line.prefix { $0 == " " }.count)
        return String(line.dropFirst(spaces))
    }

    private func duplicateLabels(in notebook: Notebook) -> [Diagnostic] {
        var seen: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for cell in notebook.cells {
            guard let label = cell.options.label else { continue }
            let (line, column) = CellOptionParser.location(of: "label", in: cell) ?? (cell.fenceLine, 1)
            if let first = seen[label] {
                diagnostics.append(
                    notebook.diagnostic(
                        line: line, column: column, "duplicate label '\(label)'",
                        hint: "the cell at line \(first) already uses it; labels must be unique"))
            } else if let other = notebook.cells.first(where: { $0.options.label == nil && $0.id == label }) {
                // Its figures, anchors and cache stream would be the other cell's.
                diagnostics.append(
                    notebook.diagnostic(
                        line: line, column: column, "label '\(label)' is the id of the unlabelled cell at line \(other.fenceLine)",
                        hint: "'cell-N' names unlabelled cells; choose another label"))
            } else {
                seen[label] = cell.fenceLine
            }
        }
        return diagnostics
    }
}
