import Yams

/// Reads the YAML front matter with Yams, keeping every key's position for diagnostics.
struct FrontMatterParser {
    let notebook: Notebook
    /// File line of the YAML text's first line.
    let firstLine: Int
    private(set) var diagnostics: [Diagnostic] = []

    init(notebook: Notebook, firstLine: Int) {
        self.notebook = notebook
        self.firstLine = firstLine
    }

    /// Number of lines of the YAML text (a problem past them is reported at its context).
    private var yamlLineCount = 0

    mutating func parse(_ yaml: String) -> FrontMatter {
        yamlLineCount = yaml.split(separator: "\n", omittingEmptySubsequences: false).count
        var frontMatter = FrontMatter()
        if let violation = YAMLBounds.violation(in: yaml) {
            diagnostics.append(
                notebook.diagnostic(
                    line: firstLine + violation.line, column: violation.column, violation.message, hint: violation.hint))
            return frontMatter
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            reportYAMLError(error)
            return frontMatter
        } catch {
            report(at: nil, "invalid YAML front matter: \(error)", nil)
            return frontMatter
        }
        guard let root else { return frontMatter }
        guard case .mapping(let mapping) = root else {
            report(at: root.mark, "front matter must be a mapping of keys to values", "e.g. 'title: My notebook'")
            return frontMatter
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "title": frontMatter.title = string(key, value)
            case "date": frontMatter.date = string(key, value)
            case "abstract": frontMatter.abstract = string(key, value)
            case "template": frontMatter.template = string(key, value)
            case "author", "authors": frontMatter.authors += authors(value)
            case "seed": frontMatter.seed = seed(value) ?? frontMatter.seed
            case "params": frontMatter.params = params(value)
            case "data": frontMatter.data = dataFolders(value)
            default:
                report(
                    at: keyNode.mark, "unknown front matter key '\(key)'",
                    DidYouMean.hint(
                        for: key, among: FrontMatter.keys,
                        fallback: "keys are " + FrontMatter.keys.joined(separator: ", ")))
            }
        }
        return frontMatter
    }

    // MARK: Keys

    private mutating func string(_ key: String, _ node: Node) -> String? {
        if case .scalar(let scalar) = node { return scalar.string }
        report(at: node.mark, "'\(key)' must be a single value", nil)
        return nil
    }

    private mutating func authors(_ node: Node) -> [String] {
        switch node {
        case .scalar(let scalar): return [scalar.string]
        case .sequence(let sequence):
            return sequence.compactMap { element in
                if case .scalar(let scalar) = element { return scalar.string }
                if let name = element["name"]?.string { return name }
                report(at: element.mark, "an author is a name or a mapping with 'name'", nil)
                return nil
            }
        default:
            report(at: node.mark, "'author' must be a name or a list of names", nil)
            return []
        }
    }

    private mutating func seed(_ node: Node) -> UInt64? {
        if case .scalar(let scalar) = node, scalar.style == .plain, let value = UInt64(scalar.string) { return value }
        report(at: node.mark, "'seed' must be a non-negative integer", "e.g. 'seed: 2017'")
        return nil
    }

    private mutating func params(_ node: Node) -> [Param] {
        guard case .mapping(let mapping) = node else {
            report(at: node.mark, "'params' must map names to default values", "e.g. 'params: { trials: 5 }'")
            return []
        }
        var params: [Param] = []
        for (keyNode, value) in mapping {
            let name = keyNode.string ?? ""
            let mark = location(keyNode.mark)
            guard isIdentifier(name) else {
                report(at: keyNode.mark, "param name '\(name)' is not a Swift identifier", "use letters, digits and '_'")
                continue
            }
            if case .mapping = value {
                if let param = enumParam(name, value, line: mark.line, column: mark.column) { params.append(param) }
            } else if let parsed = paramValue(value) {
                params.append(Param(name: name, value: parsed, line: mark.line, column: mark.column))
            }
        }
        return params
    }

    /// `method: { default: ppca, values: [pca, ppca, vae] }`.
    private mutating func enumParam(_ name: String, _ node: Node, line: Int, column: Int) -> Param? {
        guard case .mapping(let mapping) = node else { return nil }
        for key in mapping.keys where !["default", "values"].contains(key.string ?? "") {
            report(
                at: key.mark, "unknown param field '\(key.string ?? "")'",
                DidYouMean.hint(for: key.string ?? "", among: ["default", "values"], fallback: "fields are default, values"))
        }
        guard let defaultNode = node["default"] else {
            report(at: node.mark, "param '\(name)' needs a 'default'", "e.g. '\(name): { default: a, values: [a, b] }'")
            return nil
        }
        guard let value = paramValue(defaultNode) else { return nil }
        var allowed: [String]?
        if let valuesNode = node["values"] {
            guard case .string(let defaultString) = value else {
                report(at: valuesNode.mark, "only String params can list allowed 'values'", nil)
                return nil
            }
            guard case .sequence(let sequence) = valuesNode, !sequence.isEmpty,
                let strings = Optional(sequence.compactMap(\.string)), strings.count == sequence.count
            else {
                report(at: valuesNode.mark, "'values' must be a list of strings", "e.g. 'values: [pca, ppca]'")
                return nil
            }
            guard strings.contains(defaultString) else {
                report(
                    at: defaultNode.mark, "default '\(defaultString)' is not among the allowed values",
                    "allowed: " + strings.joined(separator: ", "))
                return nil
            }
            allowed = strings
        }
        return Param(name: name, value: value, allowedValues: allowed, line: line, column: column)
    }

    private mutating func paramValue(_ node: Node) -> ParamValue? {
        switch node {
        case .scalar(let scalar):
            return Self.scalarValue(scalar)
        case .sequence(let sequence):
            var elements: [ParamValue] = []
            for element in sequence {
                guard case .scalar(let scalar) = element, let value = Self.scalarValue(scalar) else {
                    report(at: element.mark, "array params hold Int, Double, Bool or String values", nil)
                    return nil
                }
                elements.append(value)
            }
            return unify(elements, mark: node.mark)
        default:
            report(
                at: node.mark, "a param's default must be an Int, Double, Bool, String or an array of these",
                "or '{ default: a, values: [a, b] }' for a choice")
            return nil
        }
    }

    /// Arrays have one element type; Ints mixed with Doubles become Doubles.
    private mutating func unify(_ elements: [ParamValue], mark: Mark?) -> ParamValue? {
        let types = Set(elements.map(\.typeName))
        if types.count <= 1 { return .array(elements) }
        if types == ["Int", "Double"] {
            return .array(elements.map { if case .int(let value) = $0 { .double(Double(value)) } else { $0 } })
        }
        report(at: mark, "array param mixes types \(types.sorted().joined(separator: " and "))", "use one element type")
        return nil
    }

    static func scalarValue(_ scalar: Node.Scalar) -> ParamValue? {
        let text = scalar.string
        guard scalar.style == .plain else { return .string(text) }
        if let int = Int(text) { return .int(int) }
        if let double = Double(text), double.isFinite { return .double(double) }
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        return .string(text)
    }

    private mutating func dataFolders(_ node: Node) -> [DataFolder] {
        guard case .mapping(let mapping) = node else {
            report(at: node.mark, "'data' must map names to folders", "e.g. 'data: { fashion: /usr/share/datasets/fashion-mnist }'")
            return []
        }
        return mapping.compactMap { key, value in
            guard let path = value.string, case .scalar = value, !path.isEmpty else {
                report(at: value.mark, "data folder '\(key.string ?? "")' must be a path", nil)
                return nil
            }
            return DataFolder(name: key.string ?? "", path: path, line: location(key.mark).line)
        }
    }

    // MARK: Locations

    private func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" }
    }

    private func location(_ mark: Mark?) -> (line: Int, column: Int) {
        guard let mark else { return (firstLine - 1, 1) }
        return (firstLine + mark.line - 1, mark.column)
    }

    private mutating func report(at mark: Mark?, _ message: String, _ hint: String?) {
        let (line, column) = location(mark)
        diagnostics.append(notebook.diagnostic(line: line, column: column, message, hint: hint))
    }

    private mutating func reportYAMLError(_ error: YamlError) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { " \($0.text)" } ?? ""
            // An unclosed bracket or quote is found at the end of the text: point at its start.
            let atEnd = mark.line > yamlLineCount || (mark.line == yamlLineCount && context != nil)
            let location = atEnd ? context?.mark ?? mark : mark
            report(at: location, "invalid YAML: \(problem)\(detail)", "check the indentation, brackets and quoting here")
        case .duplicatedKeysInMapping(let duplicates, let context):
            report(
                at: context.mark, "duplicate front matter key '\(duplicates.joined(separator: "', '"))'",
                "each key may appear once")
        default:
            report(at: nil, "invalid YAML front matter: \(error)", nil)
        }
    }
}
