/// Reads the `//| key: value` lines at the top of a cell into `CellOptions`.
struct CellOptionParser {
    let notebook: Notebook
    let cell: Cell
    private(set) var diagnostics: [Diagnostic] = []

    init(notebook: Notebook, cell: Cell) {
        self.notebook = notebook
        self.cell = cell
    }

    /// The file line and column of option `key`'s name in `cell`, if present.
    static func location(of key: String, in cell: Cell) -> (Int, Int)? {
        option(key, in: cell).map { ($0.line, $0.keyColumn) }
    }

    /// Option `key` of `cell` with its file line, the columns of its name and value, and
    /// its value; nil when the cell does not set it.
    static func option(_ key: String, in cell: Cell) -> (line: Int, keyColumn: Int, valueColumn: Int, value: String)? {
        for (offset, line) in cell.code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = String(line)
            guard Cell.isOptionLine(text), let parsed = split(text), parsed.key == key else { continue }
            return (cell.codeStartLine + offset, cell.indent + parsed.keyColumn, cell.indent + parsed.valueColumn, parsed.value)
        }
        return nil
    }

    /// Splits `//| key: value` into its key (with 1-based column) and value (with column).
    private static func split(_ line: String) -> (key: String, keyColumn: Int, value: String, valueColumn: Int)? {
        let characters = Array(line)
        var i = characters.prefix { $0 == " " || $0 == "\t" }.count + 3
        while i < characters.count, characters[i] == " " { i += 1 }
        guard let colon = characters[i...].firstIndex(of: ":") else { return nil }
        let key = String(characters[i..<colon]).trimmingTrailingWhitespace()
        var valueStart = colon + 1
        while valueStart < characters.count, characters[valueStart] == " " { valueStart += 1 }
        let value = String(characters[valueStart...]).trimmingTrailingWhitespace()
        return (key, i + 1, value, valueStart + 1)
    }

    mutating func parse() -> CellOptions {
        var options = CellOptions()
        var seen: Set<String> = []
        var inHeader = true
        for (offset, line) in cell.code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = String(line)
            let fileLine = cell.codeStartLine + offset
            guard Cell.isOptionLine(text) else {
                if !text.trimmingLeadingWhitespace().isEmpty { inHeader = false }
                continue
            }
            let optionColumn = cell.indent + text.prefix { $0 == " " || $0 == "\t" }.count + 1
            guard inHeader else {
                report(fileLine, optionColumn, "cell option after code", "put '//|' option lines at the top of the cell")
                continue
            }
            guard let parsed = Self.split(text), !parsed.key.isEmpty else {
                report(fileLine, optionColumn, "malformed cell option", "write options as '//| key: value'")
                continue
            }
            let keyColumn = cell.indent + parsed.keyColumn
            let valueColumn = cell.indent + parsed.valueColumn
            guard CellOptions.keys.contains(parsed.key) else {
                report(
                    fileLine, keyColumn, "unknown cell option '\(parsed.key)'",
                    DidYouMean.hint(
                        for: parsed.key, among: CellOptions.keys,
                        fallback: "options are " + CellOptions.keys.joined(separator: ", ")))
                continue
            }
            guard seen.insert(parsed.key).inserted else {
                report(fileLine, keyColumn, "cell option '\(parsed.key)' is given twice", "keep one of them")
                continue
            }
            apply(parsed.key, unquote(parsed.value), to: &options, line: fileLine, column: valueColumn)
        }
        return options
    }

    private func unquote(_ value: String) -> String {
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            return String(value.dropFirst().dropLast())
        }
        return value
    }

    private mutating func apply(_ key: String, _ value: String, to options: inout CellOptions, line: Int, column: Int) {
        switch key {
        case "label":
            if isLabel(value) { options.label = value } else {
                report(
                    line, column, "invalid label '\(value)'",
                    "a label starts with a letter and holds letters, digits, '-' and '_' (e.g. fig-loss)")
            }
        case "caption": options.caption = value
        case "alt": options.alt = value
        case "echo": options.echo = bool(key, value, line, column) ?? options.echo
        case "fold": options.fold = bool(key, value, line, column) ?? options.fold
        case "cache": options.cache = bool(key, value, line, column) ?? options.cache
        case "expect-error": options.expectError = bool(key, value, line, column) ?? options.expectError
        case "timeout": options.timeoutSeconds = positive(key, value, line, column, unit: "seconds")
        case "memory":
            if let bytes = ByteSize.parse(value), bytes > 0 { options.memoryBytes = bytes } else {
                report(line, column, "option 'memory' expects a size such as 512MB or 8GB, got '\(value)'", ByteSize.hint)
            }
        case "width": options.widthPoints = positive(key, value, line, column, unit: "points")
        case "height": options.heightPoints = positive(key, value, line, column, unit: "points")
        case "tolerance":
            if let number = Double(value), number >= 0, number.isFinite { options.tolerance = number } else {
                report(line, column, "option 'tolerance' expects a number ≥ 0, got '\(value)'", "e.g. '//| tolerance: 1e-6'")
            }
        case "sweep", "trials": applySweep(key, value, to: &options, line: line, column: column)
        case "work":
            if value.isEmpty {
                report(line, column, "option 'work' expects an expression", "e.g. '//| work: Double(params.samples * params.epochs)'")
            } else {
                options.work = value
            }
        default: break
        }
    }

    /// `sweep` adds its variables before the trial index, `trials` adds the trial index last.
    private mutating func applySweep(_ key: String, _ value: String, to options: inout CellOptions, line: Int, column: Int) {
        var parser = SweepOptionParser()
        let existing = options.sweep?.variables ?? []
        if key == "sweep", let variables = parser.variables(value) {
            options.sweep = SweepGrid(variables: variables + existing)
        } else if key == "trials", let trial = parser.trials(value) {
            options.sweep = SweepGrid(variables: existing + [trial])
        }
        for problem in parser.problems { report(line, column + problem.offset, problem.message, problem.hint) }
    }

    private func isLabel(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return value.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }

    private mutating func bool(_ key: String, _ value: String, _ line: Int, _ column: Int) -> Bool? {
        if let parsed = ["true": true, "false": false][value] { return parsed }
        report(line, column, "option '\(key)' expects true or false, got '\(value)'", "write '//| \(key): true' or '//| \(key): false'")
        return nil
    }

    private mutating func positive(_ key: String, _ value: String, _ line: Int, _ column: Int, unit: String) -> Double? {
        if let number = Double(value), number > 0, number.isFinite { return number }
        report(line, column, "option '\(key)' expects a positive number of \(unit), got '\(value)'", "e.g. '//| \(key): 300'")
        return nil
    }

    private mutating func report(_ line: Int, _ column: Int, _ message: String, _ hint: String?) {
        diagnostics.append(notebook.diagnostic(line: line, column: column, message, hint: hint))
    }
}
