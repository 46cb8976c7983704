import Foundation
import FolioMath

/// The tags of the binary value tree in an entry's values section.
enum ValueTag: UInt8 {
    case void = 0, int, double, bool, string, array, dictionary, tuple, range
    /// A matrix, an array of Doubles, an array of Ints: `NumericPayload`.
    case matrix, doubles, ints
    case function, builtin, record, enumCase, figure, table
    /// A struct declared in a cell (its source), and a value of one (source, then fields).
    case structType, structValue
}

/// Encodes exported values as the binary tree of an entry's values section.
///
/// Scalars, strings and structure are written inline; a matrix, an array of Doubles or an
/// array of Ints is a numeric payload: raw little-endian elements inline when smaller than
/// `blobThreshold` bytes, otherwise a reference to a blob in the `BlobStore` (written once
/// per content). Functions and struct types are stored as their source and rebuilt on
/// reading (a struct value carries its type's source before its fields); a closure
/// that captured local variables cannot be, so `write` throws `NotEncodable`.
struct ValueWriter {
    struct NotEncodable: Error {}

    /// Payloads of at least this many bytes become blobs.
    static let blobThreshold = 4096

    let blobs: BlobStore
    /// The scope the exporting cell ran in: only closures that captured it are encodable.
    let cellScope: Scope
    private(set) var output = ByteWriter()
    /// Blob name → size, for every blob the values refer to.
    private(set) var blobsUsed: [String: Int] = [:]
    /// Bytes of blobs this writer created (0 for blobs that existed).
    private(set) var bytesWritten = 0

    init(blobs: BlobStore, cellScope: Scope) {
        self.blobs = blobs
        self.cellScope = cellScope
    }

    mutating func write(_ value: Value) throws {
        switch value {
        case .void: output.byte(ValueTag.void.rawValue)
        case .int(let v): tag(.int); output.integer(v)
        case .double(let v): tag(.double); output.double(v)
        case .bool(let v): tag(.bool); output.byte(v ? 1 : 0)
        case .string(let v): tag(.string); output.string(v)
        case .array(let elements):
            if let doubles = Self.numbers(elements, Self.double) {
                tag(.doubles)
                try payload(doubles, rows: doubles.count, columns: 1)
            } else if let ints = Self.numbers(elements, Self.int) {
                tag(.ints)
                try payload(ints, rows: ints.count, columns: 1)
            } else {
                tag(.array)
                output.integer(elements.count)
                for element in elements { try write(element) }
            }
        case .dictionary(let dictionary):
            tag(.dictionary)
            output.integer(dictionary.count)
            for (key, value) in dictionary.entries {
                try write(key.value)
                try write(value)
            }
        case .tuple(let fields):
            tag(.tuple)
            output.integer(fields.count)
            for field in fields {
                optionalString(field.label)
                try write(field.value)
            }
        case .range(let lower, let upper):
            tag(.range)
            output.integer(lower)
            output.integer(upper)
        case .matrix(let matrix):
            tag(.matrix)
            try payload(matrix.elements, rows: matrix.rows, columns: matrix.columns)
        case .function(.builtin(let builtin)):
            tag(.builtin)
            output.string(builtin.name)
        case .function(.closure(let closure)):
            guard closure.scope === cellScope, let source = closure.literal.source else { throw NotEncodable() }
            tag(.function)
            self.source(source)
        case .function(.structType(let type)):
            guard type.scope === cellScope else { throw NotEncodable() }
            tag(.structType)
            source(type.declaration.source)
        case .record(let record):
            if let type = record.structType {
                tag(.structValue)
                source(type.declaration.source)
                output.integer(record.fields.count)
                for field in record.fields { try write(field.value) }
                return
            }
            tag(.record)
            output.string(record.typeName)
            output.integer(record.fields.count)
            for field in record.fields {
                output.string(field.name)
                try write(field.value)
            }
        case .enumCase(let type, let name):
            tag(.enumCase)
            optionalString(type)
            output.string(name)
        case .figure(let figure): tag(.figure); output.bytes(try JSONEncoder().encode(figure))
        case .table(let table): tag(.table); output.bytes(try JSONEncoder().encode(table))
        }
    }

    private mutating func tag(_ tag: ValueTag) { output.byte(tag.rawValue) }

    private mutating func source(_ source: FunctionSource) {
        output.string(source.text)
        output.integer(source.line)
        output.integer(source.column)
    }

    private mutating func optionalString(_ string: String?) {
        output.byte(string == nil ? 0 : 1)
        if let string { output.string(string) }
    }

    /// Shape, then the elements inline (storage byte 0) or a blob name (storage byte 1).
    private mutating func payload<Scalar: BlobScalar>(_ elements: [Scalar], rows: Int, columns: Int) throws {
        output.integer(rows)
        output.integer(columns)
        guard elements.count * MemoryLayout<Scalar>.stride >= Self.blobThreshold else {
            output.byte(0)
            output.raw(elements)
            return
        }
        let (name, written) = try blobs.store(elements, rows: rows, columns: columns)
        blobsUsed[name] = BlobStore.headerSize + elements.count * MemoryLayout<Scalar>.stride
        bytesWritten += written
        output.byte(1)
        output.string(name)
    }

    private static func double(_ value: Value) -> Double? {
        guard case .double(let v) = value else { return nil }
        return v
    }

    private static func int(_ value: Value) -> Int64? {
        guard case .int(let v) = value else { return nil }
        return Int64(v)
    }

    /// The elements as numbers when every one is the kind `number` extracts (and there is
    /// at least one).
    private static func numbers<Scalar>(_ elements: [Value], _ number: (Value) -> Scalar?) -> [Scalar]? {
        guard !elements.isEmpty else { return nil }
        var numbers: [Scalar] = []
        numbers.reserveCapacity(elements.count)
        for element in elements {
            guard let value = number(element) else { return nil }
            numbers.append(value)
        }
        return numbers
    }
}
