/// The notebook's YAML front matter.
public struct FrontMatter: Sendable, Equatable {
    public var title: String?
    public var authors: [String] = []
    public var date: String?
    public var abstract: String?
    /// Seeds every cell's random stream (with the cell's label or index).
    public var seed: UInt64 = 0
    /// Parameters, in declaration order; `params.name` in cells, `--param name=value` on
    /// the command line.
    public var params: [Param] = []
    /// Declared input folders, readable by file built-ins.
    public var data: [DataFolder] = []
    /// A report template name (used by the report stage).
    public var template: String?

    public init() {}

    /// Every front matter key.
    public static let keys = ["title", "author", "authors", "date", "abstract", "seed", "params", "data", "template"]

    /// The parameter called `name`, if declared.
    public func param(_ name: String) -> Param? { params.first { $0.name == name } }
}

/// A notebook parameter, typed by its default value.
public struct Param: Sendable, Equatable {
    public var name: String
    public var value: ParamValue
    /// For enum-like string parameters: the allowed values.
    public var allowedValues: [String]?
    /// Where the parameter is declared.
    public var line: Int
    public var column: Int

    public init(name: String, value: ParamValue, allowedValues: [String]? = nil, line: Int, column: Int) {
        self.name = name
        self.value = value
        self.allowedValues = allowedValues
        self.line = line
        self.column = column
    }
}

/// A parameter value: Int, Double, Bool, String or an array of these.
public indirect enum ParamValue: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    case array([ParamValue])

    /// The type's name as written in Swift (`Int`, `[Double]`).
    public var typeName: String {
        switch self {
        case .int: "Int"
        case .double: "Double"
        case .bool: "Bool"
        case .string: "String"
        case .array(let elements): "[\(elements.first?.typeName ?? "Int")]"
        }
    }

    public var description: String {
        switch self {
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .bool(let value): String(value)
        case .string(let value): value
        case .array(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        }
    }

    /// Parses command-line text as a value of the same type as `self` (the default), or nil.
    /// Arrays are written `1,2,3` or `[1, 2, 3]`.
    public func parsing(_ text: String) -> ParamValue? {
        let trimmed = text.trimmingLeadingWhitespace().description.trimmingTrailingWhitespace()
        switch self {
        case .int: return Int(trimmed).map(ParamValue.int)
        case .double: return Double(trimmed).flatMap { $0.isFinite ? ParamValue.double($0) : nil }
        case .bool: return ["true": true, "false": false][trimmed].map(ParamValue.bool)
        case .string: return .string(trimmed)
        case .array(let elements):
            let prototype = elements.first ?? .int(0)
            var body = Substring(trimmed)
            if body.hasPrefix("["), body.hasSuffix("]") { body = body.dropFirst().dropLast() }
            if body.trimmingLeadingWhitespace().isEmpty { return .array([]) }
            var parsed: [ParamValue] = []
            for part in body.split(separator: ",", omittingEmptySubsequences: false) {
                guard let value = prototype.parsing(String(part)) else { return nil }
                parsed.append(value)
            }
            return .array(parsed)
        }
    }
}

/// A declared input folder: `data: { fashion: /usr/share/datasets/fashion-mnist }`.
public struct DataFolder: Sendable, Equatable {
    public var name: String
    public var path: String
    public var line: Int

    public init(name: String, path: String, line: Int) {
        self.name = name
        self.path = path
        self.line = line
    }
}

extension Notebook {
    /// Applies `--param name=value` overrides; returns messages for unknown names,
    /// ill-typed values and values outside an enum-like parameter's allowed list.
    public mutating func applyParams(_ overrides: [(name: String, value: String)]) -> [String] {
        var problems: [String] = []
        for (name, text) in overrides {
            guard let index = frontMatter.params.firstIndex(where: { $0.name == name }) else {
                let names = frontMatter.params.map(\.name)
                let hint = DidYouMean.hint(for: name, among: names).map { " (\($0))" } ?? ""
                problems.append("--param: unknown param '\(name)'\(hint); declared: \(names.joined(separator: ", "))")
                continue
            }
            let param = frontMatter.params[index]
            guard let value = param.value.parsing(text) else {
                let finite = param.value.typeName.contains("Double") ? " (a finite number)" : ""
                problems.append("--param: '\(name)' expects \(param.value.typeName)\(finite), got '\(text)'")
                continue
            }
            if let allowed = param.allowedValues, case .string(let string) = value, !allowed.contains(string) {
                problems.append("--param: '\(name)' must be one of \(allowed.joined(separator: ", ")), got '\(text)'")
                continue
            }
            frontMatter.params[index].value = value
        }
        return problems
    }
}
