import FolioMath

/// A value in the cell language.
///
/// Values are immutable Swift values (arrays copy on write), so a value handed from one
/// cell to another can never be changed behind its back. Scalars are stored inline (no
/// boxing: the interpreter's inner loops allocate nothing for them); payloads larger than
/// a String (a built-in, a record, an enum case, a matrix) are indirect, so a value is
/// 24 bytes instead of ~100 and copying one (into a slot, an array) is cheap.
enum Value: Sendable {
    case void
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    case array([Value])
    case dictionary(DictionaryValue)
    case tuple([TupleField])
    /// A half-open integer range `lower..<upper` (closed ranges are stored half-open).
    case range(lower: Int, upper: Int)
    indirect case matrix(Matrix<Double>)
    case function(FunctionValue)
    /// A built-in's result with named fields (`result.history`).
    indirect case record(Record)
    /// An enum-like option (`.affine`), with its type when known.
    indirect case enumCase(type: String?, name: String)
    indirect case figure(FigureOutput)
    indirect case table(TableOutput)
}

struct TupleField: Sendable {
    var label: String?
    var value: Value
}

/// A record: a named type with ordered fields (a built-in's result, or a value of a
/// struct declared in a cell).
struct Record: Sendable {
    var typeName: String
    var fields: [(name: String, value: Value)]
    /// The cell-declared struct this is a value of (nil for a built-in's record).
    var structType: StructType?

    init(_ typeName: String, _ fields: [(name: String, value: Value)]) {
        self.typeName = typeName
        self.fields = fields
    }

    /// A value of a struct declared in a cell; `fields` follow the declaration's order.
    init(_ type: StructType, _ fields: [(name: String, value: Value)]) {
        self.init(type.name, fields)
        self.structType = type
    }

    subscript(name: String) -> Value? { fields.first { $0.name == name }?.value }
}

/// The key of a dictionary: only scalars hash.
enum DictionaryKey: Hashable, Sendable {
    case int(Int), double(Double), bool(Bool), string(String)

    init?(_ value: Value) {
        switch value {
        case .int(let v): self = .int(v)
        case .double(let v): self = .double(v)
        case .bool(let v): self = .bool(v)
        case .string(let v): self = .string(v)
        default: return nil
        }
    }

    var value: Value {
        switch self {
        case .int(let v): .int(v)
        case .double(let v): .double(v)
        case .bool(let v): .bool(v)
        case .string(let v): .string(v)
        }
    }
}

/// A dictionary that remembers insertion order (so printing is deterministic).
struct DictionaryValue: Sendable {
    private(set) var keys: [DictionaryKey] = []
    private(set) var storage: [DictionaryKey: Value] = [:]

    subscript(key: DictionaryKey) -> Value? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Applies `body` to the value at `key` in place, with one hash lookup when the key is
    /// present (`counts[k, default: 0] += 1` in a loop); a missing key starts from `missing`
    /// and is added once `body` succeeds.
    mutating func update(_ key: DictionaryKey, missing: Value, _ body: (inout Value) throws -> Void) rethrows {
        if let index = storage.index(forKey: key) {
            try body(&storage.values[index])
            return
        }
        var value = missing
        try body(&value)
        storage[key] = value
        keys.append(key)
    }

    var entries: [(key: DictionaryKey, value: Value)] { keys.compactMap { key in storage[key].map { (key, $0) } } }
    var count: Int { keys.count }
}

/// A callable: a closure or `func` from a cell, a built-in, or a cell's struct type
/// (called, it is the memberwise initializer).
enum FunctionValue: Sendable {
    case closure(Closure)
    indirect case builtin(Builtin)
    case structType(StructType)
}

/// A closure with the scope it captured.
final class Closure: @unchecked Sendable {
    let literal: FunctionLiteral
    /// Read-only once the defining cell has finished (see `Scope.isFrozen`).
    let scope: Scope
    /// The declared parameters' names, in order (built once, not at every call).
    let parameterNames: [String]

    init(literal: FunctionLiteral, scope: Scope) {
        self.literal = literal
        self.scope = scope
        self.parameterNames = literal.parameters.map(\.name)
    }
}

extension Value {
    /// The value's type as a Swift programmer would name it.
    var typeName: String {
        switch self {
        case .void: "Void"
        case .int: "Int"
        case .double: "Double"
        case .bool: "Bool"
        case .string: "String"
        case .array(let elements): "[\(elements.first?.typeName ?? "Any")]"
        case .dictionary: "Dictionary"
        case .tuple: "tuple"
        case .range: "Range<Int>"
        case .matrix: "Matrix"
        case .function: "function"
        case .record(let record): record.typeName
        case .enumCase(let type, _): type ?? "enum case"
        case .figure: "Figure"
        case .table: "Table"
        }
    }

    /// Swift-like printing: `print(x)` and the last expression's value use it.
    var description: String { formatted(nested: false) }

    private func formatted(nested: Bool) -> String {
        switch self {
        case .void: return "()"
        case .int(let v): return String(v)
        case .double(let v): return String(v)
        case .bool(let v): return String(v)
        case .string(let v): return nested ? "\"\(v)\"" : v
        case .array(let elements):
            return "[" + elements.map { $0.formatted(nested: true) }.joined(separator: ", ") + "]"
        case .dictionary(let dictionary):
            if dictionary.count == 0 { return "[:]" }
            return "["
                + dictionary.entries.map { "\($0.key.value.formatted(nested: true)): \($0.value.formatted(nested: true))" }
                .joined(separator: ", ") + "]"
        case .tuple(let fields):
            return "("
                + fields.map { ($0.label.map { "\($0): " } ?? "") + $0.value.formatted(nested: true) }.joined(separator: ", ")
                + ")"
        case .range(let lower, let upper): return "\(lower)..<\(upper)"
        case .matrix(let matrix):
            let shown = matrix.rowArrays.prefix(8).map { row in
                "[" + row.prefix(8).map { String($0) }.joined(separator: ", ") + (row.count > 8 ? ", …" : "") + "]"
            }
            return "\(matrix.shapeDescription) matrix\n" + shown.joined(separator: "\n") + (matrix.rows > 8 ? "\n…" : "")
        case .function(.closure(let closure)): return closure.literal.name.map { "func \($0)" } ?? "closure"
        case .function(.builtin(let builtin)): return "built-in \(builtin.name)"
        case .function(.structType(let type)): return "struct \(type.name)"
        case .record(let record):
            return record.typeName + "("
                + record.fields.map { "\($0.name): \($0.value.formatted(nested: true))" }.joined(separator: ", ") + ")"
        case .enumCase(_, let name): return ".\(name)"
        case .figure(let figure): return "Figure(\(Int(figure.widthPoints))×\(Int(figure.heightPoints)) pt)"
        case .table(let table): return "Table(\(table.rows.count) rows × \(table.columns.count) columns)"
        }
    }
}
