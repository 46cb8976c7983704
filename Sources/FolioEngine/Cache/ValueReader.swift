import Foundation
import FolioMath
import FolioNotebook

/// Decodes the binary value tree `ValueWriter` wrote, loading blobs as it meets them.
/// Functions and struct types are re-lowered from their source and bound to `scope`.
struct ValueReader {
    private var input: ByteReader
    let blobs: BlobStore
    let scope: Scope
    let registry: BuiltinRegistry
    let notebook: Notebook
    /// Blobs loaded so far, and their bytes.
    private(set) var blobsRead = 0
    private(set) var bytesRead = 0
    /// Blobs already loaded by name: a matrix many values share is read once.
    private var loaded: [String: any Sendable] = [:]
    /// Struct types rebuilt so far, by source: the values of one type share it.
    private var structTypes: [String: StructType] = [:]
    /// True once a function or struct type was bound to `scope`: the values read may then
    /// look names up there when they are called.
    private(set) var capturedScope = false

    init(_ data: Data, blobs: BlobStore, scope: Scope, registry: BuiltinRegistry, notebook: Notebook) {
        self.input = ByteReader(data)
        self.blobs = blobs
        self.scope = scope
        self.registry = registry
        self.notebook = notebook
    }

    var isAtEnd: Bool { input.remaining == 0 }

    mutating func read() throws -> Value {
        guard let tag = ValueTag(rawValue: try input.byte()) else { throw CacheFormatError("unknown value tag") }
        switch tag {
        case .void: return .void
        case .int: return .int(try input.integer())
        case .double: return .double(try input.double())
        case .bool: return .bool(try input.byte() != 0)
        case .string: return .string(try input.string())
        case .array: return .array(try (0..<input.count()).map { _ in try read() })
        case .doubles:
            let (elements, _, _) = try payload(Double.self)
            return .array(elements.map(Value.double))
        case .ints:
            let (elements, _, _) = try payload(Int64.self)
            return .array(elements.map { .int(Int($0)) })
        case .matrix:
            let (elements, rows, columns) = try payload(Double.self)
            return .matrix(try Matrix(rows: rows, columns: columns, columnMajor: elements))
        case .dictionary:
            var dictionary = DictionaryValue()
            for _ in 0..<(try input.count(stride: 2)) {
                guard let key = DictionaryKey(try read()) else { throw CacheFormatError("dictionary key is not a scalar") }
                dictionary[key] = try read()
            }
            return .dictionary(dictionary)
        case .tuple:
            return .tuple(try (0..<input.count(stride: 2)).map { _ in TupleField(label: try optionalString(), value: try read()) })
        case .range: return .range(lower: try input.integer(), upper: try input.integer())
        case .builtin:
            let name = try input.string()
            guard let builtin = registry.function(named: name) else { throw CacheFormatError("no built-in named \(name)") }
            return .function(.builtin(builtin))
        case .function:
            capturedScope = true
            return .function(.closure(Closure(literal: try function(try source()), scope: scope)))
        case .structType:
            return .function(.structType(try structType(try source())))
        case .structValue:
            let type = try structType(try source())
            let names = type.declaration.fields.map(\.name)
            guard try input.count(stride: 1) == names.count else { throw CacheFormatError("struct \(type.name) has \(names.count) fields") }
            return .record(Record(type, try names.map { (name: $0, value: try read()) }))
        case .record:
            let typeName = try input.string()
            let fields = try (0..<input.count(stride: 9)).map { _ in (name: try input.string(), value: try read()) }
            return .record(Record(typeName, fields))
        case .enumCase: return .enumCase(type: try optionalString(), name: try input.string())
        case .figure: return .figure(try JSONDecoder().decode(FigureOutput.self, from: try input.bytes()))
        case .table: return .table(try JSONDecoder().decode(TableOutput.self, from: try input.bytes()))
        }
    }

    private mutating func optionalString() throws -> String? {
        try input.byte() == 0 ? nil : try input.string()
    }

    /// A numeric payload: its elements, inline or from a blob, and its shape.
    private mutating func payload<Scalar: BlobScalar>(_ type: Scalar.Type) throws -> (elements: [Scalar], rows: Int, columns: Int) {
        let rows = try input.integer(), columns = try input.integer()
        guard rows >= 0, columns >= 0, columns == 0 || rows <= Int.max / 8 / columns else {
            throw CacheFormatError("invalid shape \(rows)×\(columns)")
        }
        if try input.byte() == 0 { return (try input.raw(rows * columns, of: Scalar.self), rows, columns) }
        let name = try input.string()
        if let elements = loaded[name] as? [Scalar], elements.count == rows * columns { return (elements, rows, columns) }
        let shape = BlobStore.Shape(element: Scalar.blobElement, rows: rows, columns: columns)
        let elements = try blobs.load(name, shape: shape, as: Scalar.self)
        loaded[name] = elements
        blobsRead += 1
        bytesRead += BlobStore.headerSize + shape.payloadBytes
        return (elements, rows, columns)
    }

    private mutating func source() throws -> FunctionSource {
        FunctionSource(text: try input.string(), line: try input.integer(), column: try input.integer())
    }

    /// The statement `source` declares, lowered at its original position.
    private func lowered(_ source: FunctionSource) throws -> Stmt {
        let padded = String(repeating: " ", count: max(0, source.column - 1)) + source.text
        let (statements, problems) = Lowering.lower(code: padded, firstLine: source.line, indent: 0, notebook: notebook)
        guard !problems.containsErrors, let first = statements.first else { throw CacheFormatError("cached source does not lower") }
        return first
    }

    /// The struct type `source` declares, bound to `scope` (rebuilt once per source).
    private mutating func structType(_ source: FunctionSource) throws -> StructType {
        if let known = structTypes[source.text] { return known }
        guard case .structDeclaration(let declaration) = try lowered(source).kind else {
            throw CacheFormatError("struct source is not a struct")
        }
        let type = StructType(declaration: declaration, scope: scope)
        capturedScope = true
        structTypes[source.text] = type
        return type
    }

    /// The function or closure literal `source` declares.
    private func function(_ source: FunctionSource) throws -> FunctionLiteral {
        switch try lowered(source).kind {
        case .function(let literal): return literal
        case .expression(let expr):
            guard case .closure(let literal) = expr.kind else { break }
            return literal
        default: break
        }
        throw CacheFormatError("function source is not a function")
    }
}
