import CZlib
import FolioMath

/// An array read from an IDX file (the format of MNIST and Fashion-MNIST): its shape and
/// its values, kept in the file's compact element type until a matrix is asked for.
public struct IDXArray: Sendable, Equatable {
    /// The element type byte of the header.
    public enum ElementType: UInt8, Sendable {
        // The IDX type codes.
        case unsignedByte = 0x08, signedByte = 0x09, short = 0x0B, int = 0x0C, float = 0x0D, double = 0x0E

        /// Bytes per element on disk.
        var byteWidth: Int {
            switch self {
            case .unsignedByte, .signedByte: 1
            case .short: 2
            case .int, .float: 4
            case .double: 8
            }
        }
    }

    /// The dimensions, outermost first (e.g. `[60000, 28, 28]`).
    public let shape: [Int]
    /// The element type on disk.
    public let elementType: ElementType
    /// The payload exactly as stored (big-endian, row-major).
    let payload: [UInt8]

    /// Number of elements (the product of `shape`).
    public var count: Int { shape.reduce(1, *) }

    /// Element `k` in storage (row-major) order, decoded from big-endian.
    public func value(at k: Int) -> Double {
        let width = elementType.byteWidth
        var bits: UInt64 = 0
        for byte in payload[(k * width)..<((k + 1) * width)] { bits = bits << 8 | UInt64(byte) }
        switch elementType {
        case .unsignedByte: return Double(UInt8(bits))
        case .signedByte: return Double(Int8(bitPattern: UInt8(bits)))
        case .short: return Double(Int16(bitPattern: UInt16(bits)))
        case .int: return Double(Int32(bitPattern: UInt32(bits)))
        case .float: return Double(Float(bitPattern: UInt32(bits)))
        case .double: return Double(bitPattern: bits)
        }
    }

    /// The array as a matrix with one row per entry of the first dimension and the other
    /// dimensions flattened row-major into columns (an image of 28×28 becomes 784 columns),
    /// each value multiplied by `scale` (1/255 maps bytes to [0, 1]). A 1-D array is a column.
    /// `limit` keeps only the first rows.
    public func matrix(scale: Double = 1, limit: Int? = nil) -> Matrix<Double> {
        let totalRows = shape.first ?? 1
        let rowCount = min(totalRows, max(0, limit ?? totalRows))
        let columnCount = totalRows == 0 ? 0 : count / totalRows
        var result = Matrix<Double>(rows: rowCount, columns: columnCount)
        result.withUnsafeMutableElements { target in
            for i in 0..<rowCount {
                for j in 0..<columnCount {
                    let k = i * columnCount + j
                    // Bytes (every MNIST-style image file) skip the general big-endian decoder.
                    let raw = elementType == .unsignedByte ? Double(payload[k]) : value(at: k)
                    target[i + j * rowCount] = raw * scale
                }
            }
        }
        return result
    }

    /// The values as integers (class labels of a 1-D label file).
    public var integers: [Int] { (0..<count).map { Int(value(at: $0)) } }
}

/// Why an IDX file could not be read; every case names the file.
public enum IDXError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file does not exist or cannot be opened.
    case cannotOpen(path: String)
    /// zlib reported an error (e.g. a corrupt gzip stream).
    case unreadable(path: String, message: String)
    /// The first four bytes are not 00 00 <known type> <dimension count ≥ 1>.
    case badMagic(path: String, bytes: [UInt8])
    /// The file ends before the header or the data it announces.
    case truncated(path: String, expectedBytes: Int, foundBytes: Int)
    /// The announced dimensions overflow or exceed the 4 GiB limit.
    case dimensionOverflow(path: String, shape: [Int])

    public var description: String {
        switch self {
        case let .cannotOpen(path):
            return "\(path): cannot open the IDX file"
        case let .unreadable(path, message):
            return "\(path): cannot read the IDX file (\(message))"
        case let .badMagic(path, bytes):
            let hex = bytes.map { String($0, radix: 16, uppercase: true) }.joined(separator: " ")
            return "\(path): not an IDX file: the magic number is [\(hex)], expected 00 00 <type 08…0E> <dimension count>"
        case let .truncated(path, expected, found):
            return "\(path): truncated IDX file: the header announces \(expected) bytes of data, the file holds \(found)"
        case let .dimensionOverflow(path, shape):
            return "\(path): IDX dimensions \(shape.map(String.init).joined(separator: "×")) are too large to hold in memory"
        }
    }
}

/// The largest payload `readIDX` accepts (4 GiB): a corrupt header must not trigger a huge allocation.
let idxMaximumPayloadBytes = 1 << 32

/// Reads an IDX file, gzipped (`.gz`) or not (zlib reads plain files transparently).
public func readIDX(path: String) throws -> IDXArray {
    guard let file = gzopen(path, "rb") else { throw IDXError.cannotOpen(path: path) }
    defer { gzclose(file) }
    let header = try readBytes(file, count: 4, path: path)
    guard header.count == 4, header[0] == 0, header[1] == 0, let type = IDXArray.ElementType(rawValue: header[2]),
          header[3] > 0
    else { throw IDXError.badMagic(path: path, bytes: header) }
    let dimensionBytes = try readBytes(file, count: 4 * Int(header[3]), path: path)
    guard dimensionBytes.count == 4 * Int(header[3]) else {
        throw IDXError.truncated(path: path, expectedBytes: 4 * Int(header[3]), foundBytes: dimensionBytes.count)
    }
    let shape = (0..<Int(header[3])).map { d in
        dimensionBytes[(4 * d)..<(4 * d + 4)].reduce(0) { $0 << 8 | Int($1) }
    }
    var payloadBytes = type.byteWidth
    for extent in shape {
        let (product, overflow) = payloadBytes.multipliedReportingOverflow(by: extent)
        guard !overflow, product <= idxMaximumPayloadBytes else {
            throw IDXError.dimensionOverflow(path: path, shape: shape)
        }
        payloadBytes = product
    }
    let payload = try readBytes(file, count: payloadBytes, path: path)
    guard payload.count == payloadBytes else {
        throw IDXError.truncated(path: path, expectedBytes: payloadBytes, foundBytes: payload.count)
    }
    return IDXArray(shape: shape, elementType: type, payload: payload)
}

/// Up to `count` bytes; fewer only at the end of the file.
private func readBytes(_ file: gzFile, count: Int, path: String) throws -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
        let chunk = UInt32(min(count - filled, 1 << 30))
        let read = bytes.withUnsafeMutableBytes { buffer in
            gzread(file, buffer.baseAddress! + filled, chunk)
        }
        if read < 0 {
            var code: Int32 = 0
            let message = gzerror(file, &code).map { String(cString: $0) } ?? "zlib error \(code)"
            throw IDXError.unreadable(path: path, message: message)
        }
        if read == 0 { break }
        filled += Int(read)
    }
    return Array(bytes[0..<filled])
}
