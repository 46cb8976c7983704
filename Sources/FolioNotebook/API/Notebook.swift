import Foundation

/// A parsed notebook: front matter, then prose and cells in document order.
///
/// Every cell remembers where it sits in the `.md` file, so diagnostics from any later
/// stage (checks, the interpreter, the run) point at the real file, line and column.
public struct Notebook: Sendable, Equatable {
    /// The path as given (used in diagnostics).
    public var path: String
    /// The file's lines, without line terminators (for diagnostics' source excerpts).
    public var lines: [String]
    public var frontMatter: FrontMatter
    /// Prose and cells in document order.
    public var blocks: [Block]

    /// The notebook's name: the file name without its extension (`output/<name>/`).
    public var name: String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }

    /// The inline values of every prose block and cell caption, in document order.
    public var inlineExpressions: [InlineExpression] {
        blocks.flatMap { block -> [InlineExpression] in
            switch block {
            case .prose(let prose): prose.inlineExpressions
            case .cell(let cell): cell.captionSource?.inlineExpressions ?? []
            }
        }
    }

    /// The cells, in document order.
    public var cells: [Cell] {
        blocks.compactMap { if case .cell(let cell) = $0 { cell } else { nil } }
    }

    /// The text of 1-based line `line`, or nil outside the file.
    public func sourceLine(_ line: Int) -> String? {
        lines.indices.contains(line - 1) ? lines[line - 1] : nil
    }

    /// A diagnostic in this notebook, with its source line filled in.
    public func diagnostic(
        _ severity: Diagnostic.Severity = .error, line: Int, column: Int, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            severity, file: path, line: line, column: column, message: message, hint: hint,
            sourceLine: sourceLine(line))
    }

    /// Parses a notebook. Never throws: every problem found is returned as a diagnostic, and
    /// the notebook holds whatever could be understood (so later checks can still run).
    public static func parse(source: String, path: String) -> (Notebook, [Diagnostic]) {
        NotebookParser(source: source, path: path).parse()
    }

    /// Parses a notebook file's bytes: invalid UTF-8 and NUL bytes are errors at their line
    /// and column (the rest is parsed as decoded, with U+FFFD for bad bytes).
    public static func parse(bytes: some Collection<UInt8>, path: String) -> (Notebook, [Diagnostic]) {
        let (notebook, diagnostics) = parse(source: String(decoding: bytes, as: UTF8.self), path: path)
        let byteDiagnostics = SourceBytesCheck.problems(in: bytes).map { problem in
            notebook.diagnostic(
                line: problem.line, column: problem.column, problem.message,
                hint: "save the notebook as UTF-8 text (a binary file, or another encoding?)")
        }
        return (notebook, byteDiagnostics + diagnostics)
    }
}

/// A top-level piece of a notebook.
public enum Block: Sendable, Equatable {
    case prose(Prose)
    case cell(Cell)
}

/// Markdown between cells (including non-`swift` fenced blocks), kept verbatim.
public struct Prose: Sendable, Equatable {
    /// 1-based file line of `text`'s first line.
    public var startLine: Int
    public var text: String
    /// Its inline values (`` `{swift} expr` `` spans), in order.
    public var inlineExpressions: [InlineExpression] = []
    /// Its cross-references (`@fig-x`, `@tbl-x`) outside code, in order.
    public var references: [CrossReference] = []
}

/// A fenced `swift` block.
public struct Cell: Sendable, Equatable {
    /// 1-based position among the notebook's cells.
    public var index: Int
    /// File line of the opening fence.
    public var fenceLine: Int
    /// File line of the code's first line (`fenceLine + 1`).
    public var codeStartLine: Int
    /// Columns of fence indentation removed from every code line.
    public var indent: Int
    /// The lines between the fences, option lines included (they are Swift comments), so
    /// code line `k` is file line `codeStartLine + k - 1`.
    public var code: String
    public var options: CellOptions
    /// The file line of the `caption` option, as a one-line prose block holding the
    /// caption's inline values, when it has any. They see the cell's own names (as prose
    /// right after the cell would), so a caption can state the sizes the cell used.
    public var captionSource: Prose?

    /// The cell's stable name: its label, or `cell-<index>`.
    public var id: String { options.label ?? "cell-\(index)" }

    public init(index: Int, fenceLine: Int, indent: Int = 0, code: String, options: CellOptions = CellOptions()) {
        self.index = index
        self.fenceLine = fenceLine
        self.codeStartLine = fenceLine + 1
        self.indent = indent
        self.code = code
        self.options = options
    }

    /// The code without option lines, blank lines and trailing spaces: what the cache hashes.
    public var normalizedCode: String {
        code.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).trimmingTrailingWhitespace() }
            .filter { !$0.isEmpty && !Cell.isOptionLine($0) }
            .joined(separator: "\n")
    }

    /// The code as a reader sees it in the report: the option lines removed, and the blank
    /// lines around the rest.
    public var displayCode: String {
        code.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !Cell.isOptionLine($0) }
            .joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    /// What starts an option line (`//| key: value`).
    public static let optionMarker = "//|"

    /// Whether `line` is an option line: the marker after optional indentation. The one
    /// test for it, used by the parser, the cache key, the page and the highlighter.
    public static func isOptionLine(_ line: some StringProtocol) -> Bool {
        line.trimmingLeadingWhitespace().hasPrefix(optionMarker)
    }
}

extension StringProtocol {
    func trimmingTrailingWhitespace() -> String {
        var result = Substring(self)
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
        return String(result)
    }

    /// Leading spaces and tabs removed.
    func trimmingLeadingWhitespace() -> Substring {
        Substring(self).drop { $0 == " " || $0 == "\t" }
    }
}
