import FolioNotebook
import FolioMath

/// The cache's serial form of a `Value`.
///
/// Functions are stored as their source text and rebuilt against the restored cell scope;
/// a closure that captured local variables cannot be restored, so a cell exporting one is
/// not cached (it simply reruns).
indirect enum EncodedValue: Codable, Sendable {
    case void
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    case array([EncodedValue])
    case dictionary(keys: [EncodedValue], values: [EncodedValue])
    case tuple(labels: [String?], values: [EncodedValue])
    case range(lower: Int, upper: Int)
    case matrix(Matrix<Double>)
    case function(FunctionSource)
    case builtin(String)
    case record(typeName: String, names: [String], values: [EncodedValue])
    case enumCase(type: String?, name: String)
    case figure(FigureOutput)
    case table(TableOutput)

    struct NotEncodable: Error {}

    /// Encodes `value`; closures must have been created in `cellScope`.
    init(_ value: Value, cellScope: Scope) throws {
        switch value {
        case .void: self = .void
        case .int(let v): self = .int(v)
        case .double(let v): self = .double(v)
        case .bool(let v): self = .bool(v)
        case .string(let v): self = .string(v)
        case .array(let elements): self = .array(try elements.map { try EncodedValue($0, cellScope: cellScope) })
        case .dictionary(let dictionary):
            self = .dictionary(
                keys: try dictionary.entries.map { try EncodedValue($0.key.value, cellScope: cellScope) },
                values: try dictionary.entries.map { try EncodedValue($0.value, cellScope: cellScope) })
        case .tuple(let fields):
            self = .tuple(labels: fields.map(\.label), values: try fields.map { try EncodedValue($0.value, cellScope: cellScope) })
        case .range(let lower, let upper): self = .range(lower: lower, upper: upper)
        case .matrix(let matrix): self = .matrix(matrix)
        case .function(.builtin(let builtin)): self = .builtin(builtin.name)
        case .function(.closure(let closure)):
            guard closure.scope === cellScope, let source = closure.literal.source else { throw NotEncodable() }
            self = .function(source)
        case .record(let record):
            self = .record(
                typeName: record.typeName, names: record.fields.map(\.name),
                values: try record.fields.map { try EncodedValue($0.value, cellScope: cellScope) })
        case .enumCase(let type, let name): self = .enumCase(type: type, name: name)
        case .figure(let figure): self = .figure(figure)
        case .table(let table): self = .table(table)
        }
    }

    /// Rebuilds the value; functions are re-lowered from source and bound to `scope`.
    func value(scope: Scope, registry: BuiltinRegistry, notebook: Notebook) throws -> Value {
        switch self {
        case .void: return .void
        case .int(let v): return .int(v)
        case .double(let v): return .double(v)
        case .bool(let v): return .bool(v)
        case .string(let v): return .string(v)
        case .array(let elements): return .array(try elements.map { try $0.value(scope: scope, registry: registry, notebook: notebook) })
        case .dictionary(let keys, let values):
            var dictionary = DictionaryValue()
            for (key, value) in zip(keys, values) {
                guard let hashable = DictionaryKey(try key.value(scope: scope, registry: registry, notebook: notebook)) else {
                    throw NotEncodable()
                }
                dictionary[hashable] = try value.value(scope: scope, registry: registry, notebook: notebook)
            }
            return .dictionary(dictionary)
        case .tuple(let labels, let values):
            return .tuple(
                try zip(labels, values).map {
                    TupleField(label: $0, value: try $1.value(scope: scope, registry: registry, notebook: notebook))
                })
        case .range(let lower, let upper): return .range(lower: lower, upper: upper)
        case .matrix(let matrix): return .matrix(matrix)
        case .builtin(let name):
            guard let builtin = registry.function(named: name) else { throw NotEncodable() }
            return .function(.builtin(builtin))
        case .function(let source):
            let padded = String(repeating: " ", count: max(0, source.column - 1)) + source.text
            let (statements, problems) = Lowering.lower(code: padded, firstLine: source.line, indent: 0, notebook: notebook)
            guard !problems.containsErrors, let first = statements.first else { throw NotEncodable() }
            switch first.kind {
            case .function(let literal): return .function(.closure(Closure(literal: literal, scope: scope)))
            case .expression(let expr):
                guard case .closure(let literal) = expr.kind else { throw NotEncodable() }
                return .function(.closure(Closure(literal: literal, scope: scope)))
            default: throw NotEncodable()
            }
        case .record(let typeName, let names, let values):
            return .record(
                Record(typeName, try zip(names, values).map { ($0, try $1.value(scope: scope, registry: registry, notebook: notebook)) }))
        case .enumCase(let type, let name): return .enumCase(type: type, name: name)
        case .figure(let figure): return .figure(figure)
        case .table(let table): return .table(table)
        }
    }
}

