import Crypto
import Foundation

/// A scalar type a blob can hold.
protocol BlobScalar: BitwiseCopyable, Sendable {
    static var blobElement: BlobElement { get }
}

/// The element type recorded in a blob's header.
enum BlobElement: UInt64, Sendable {
    case float32 = 1, float64 = 2, int64 = 3

    var size: Int { self == .float32 ? 4 : 8 }
}

extension Float: BlobScalar { static var blobElement: BlobElement { .float32 } }
extension Double: BlobScalar { static var blobElement: BlobElement { .float64 } }
extension Int64: BlobScalar { static var blobElement: BlobElement { .int64 } }

/// Content-addressed numeric arrays and matrices under `blobs/`, one file each.
///
/// A blob is a 72-byte header (little-endian UInt64s: magic `FOLIOBLB`, version, element
/// type, rows, columns; then the SHA-256 of the payload) followed by the raw little-endian
/// elements (column-major for a matrix; an array is `count × 1`). Its name is the SHA-256
/// of the header after the magic, so identical arrays of the same shape and type are
/// stored once, whichever cells export them. Reading maps the file and checks every
/// header field and the checksum.
struct BlobStore: Sendable {
    static let magic = Data("FOLIOBLB".utf8)
    static let version: UInt64 = 1
    static let headerSize = 72
    let directory: URL

    /// The shape and type of a blob, as recorded by its writer.
    struct Shape: Equatable {
        var element: BlobElement
        var rows: Int
        var columns: Int

        var payloadBytes: Int { rows * columns * element.size }
    }

    func url(_ name: String) -> URL { directory.appendingPathComponent("\(name).blob") }

    /// Stores `elements` (`rows × columns`, column-major) unless an identical blob exists;
    /// returns its name and the bytes written (0 when it existed).
    func store<Scalar: BlobScalar>(_ elements: [Scalar], rows: Int, columns: Int) throws -> (name: String, written: Int) {
        let shape = Shape(element: Scalar.blobElement, rows: rows, columns: columns)
        let checksum = elements.withUnsafeBytes { SHA256.hash(data: $0) }
        let header = Self.header(shape, checksum: Data(checksum))
        let name = ContentHash.hex(SHA256.hash(data: header.dropFirst(Self.magic.count)))
        let target = url(name)
        if AtomicFile.size(target) == Self.headerSize + shape.payloadBytes { return (name, 0) }
        try elements.withUnsafeBytes { payload in
            try AtomicFile.write(to: target) { file in
                try file.write(contentsOf: header)
                try file.write(contentsOf: payload)
            }
        }
        return (name, Self.headerSize + shape.payloadBytes)
    }

    /// Reads blob `name`, which must hold `shape`; throws `CacheFormatError` when it is
    /// missing, truncated, of another shape or type, or does not match its checksum. A bad
    /// blob is removed, so that the cell that recomputes it writes it again.
    func load<Scalar: BlobScalar>(_ name: String, shape: Shape, as type: Scalar.Type) throws -> [Scalar] {
        guard shape.element == Scalar.blobElement else { throw CacheFormatError("blob \(name) read as the wrong type") }
        let data: Data
        do {
            data = try Data(contentsOf: url(name), options: .alwaysMapped)
        } catch {
            throw CacheFormatError("blob \(name) is missing")
        }
        do {
            return try Self.elements(of: data, name: name, shape: shape)
        } catch {
            try? FileManager.default.removeItem(at: url(name))
            throw error
        }
    }

    private static func elements<Scalar: BlobScalar>(of data: Data, name: String, shape: Shape) throws -> [Scalar] {
        guard data.count == headerSize + shape.payloadBytes else {
            throw CacheFormatError("blob \(name) has \(data.count) bytes, expected \(headerSize + shape.payloadBytes)")
        }
        var reader = ByteReader(data)
        guard try reader.take(magic.count) == magic, try reader.unsigned() == version else {
            throw CacheFormatError("blob \(name) is not a blob of this format")
        }
        let recorded = Shape(
            element: BlobElement(rawValue: try reader.unsigned()) ?? .float32, rows: try reader.integer(), columns: try reader.integer())
        guard recorded == shape else { throw CacheFormatError("blob \(name) holds another shape or type") }
        let checksum = try reader.take(32)
        let payload = try reader.take(shape.payloadBytes)
        guard ContentHash.hex(SHA256.hash(data: data.prefix(headerSize).dropFirst(magic.count))) == name,
            Data(SHA256.hash(data: payload)) == checksum
        else {
            throw CacheFormatError("blob \(name) does not match its checksum")
        }
        return ByteReader.scalars(payload, count: shape.rows * shape.columns)
    }

    private static func header(_ shape: Shape, checksum: Data) -> Data {
        var writer = ByteWriter()
        writer.raw(Array(magic))
        writer.unsigned(version)
        writer.unsigned(shape.element.rawValue)
        writer.integer(shape.rows)
        writer.integer(shape.columns)
        writer.raw(Array(checksum))
        return writer.data
    }
}
