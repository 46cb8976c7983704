import Foundation
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

/// Reads an IDX file, gzipped (`.gz`) or not.
public func readIDX(path: String) throws -> IDXArray {
    guard let contents = FileManager.default.contents(atPath: path) else { throw IDXError.cannotOpen(path: path) }
    return try parseIDX([UInt8](contents), name: path)
}

/// Parses the bytes of an IDX file, gzipped or not (told apart by the gzip magic number);
/// `name` (the file's path) is what errors name. Engine built-ins read files through their
/// sandbox and parse the bytes here.
public func parseIDX(_ file: [UInt8], name: String) throws -> IDXArray {
    let bytes = file.starts(with: [0x1F, 0x8B]) ? try gunzip(file, name: name) : file
    let header = Array(bytes.prefix(4))
    guard header.count == 4, header[0] == 0, header[1] == 0, let type = IDXArray.ElementType(rawValue: header[2]),
          header[3] > 0
    else { throw IDXError.badMagic(path: name, bytes: header) }
    let dimensionCount = Int(header[3]), payloadStart = 4 + 4 * dimensionCount
    guard bytes.count >= payloadStart else {
        throw IDXError.truncated(path: name, expectedBytes: 4 * dimensionCount, foundBytes: bytes.count - 4)
    }
    let shape = (0..<dimensionCount).map { d in
        bytes[(4 + 4 * d)..<(8 + 4 * d)].reduce(0) { $0 << 8 | Int($1) }
    }
    var payloadBytes = type.byteWidth
    for extent in shape {
        let (product, overflow) = payloadBytes.multipliedReportingOverflow(by: extent)
        guard !overflow, product <= idxMaximumPayloadBytes else {
            throw IDXError.dimensionOverflow(path: name, shape: shape)
        }
        payloadBytes = product
    }
    guard bytes.count - payloadStart >= payloadBytes else {
        throw IDXError.truncated(path: name, expectedBytes: payloadBytes, foundBytes: bytes.count - payloadStart)
    }
    return IDXArray(shape: shape, elementType: type, payload: Array(bytes[payloadStart..<(payloadStart + payloadBytes)]))
}

/// The decompressed bytes of a gzip file (all its members). A stream cut short yields
/// what it held, so that the IDX parser reports the truncation with byte counts.
private func gunzip(_ compressed: [UInt8], name: String) throws -> [UInt8] {
    var stream = z_stream()
    // 15 + 16: a 32 KiB window, gzip framing.
    guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
        throw IDXError.unreadable(path: name, message: "zlib could not start")
    }
    defer { inflateEnd(&stream) }
    var output: [UInt8] = []
    output.reserveCapacity(min(idxMaximumPayloadBytes, compressed.count * 4))
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    try compressed.withUnsafeBufferPointer { input in
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = uInt(input.count)
        while true {
            let (status, produced) = chunk.withUnsafeMutableBufferPointer { out in
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                let status = inflate(&stream, Z_NO_FLUSH)
                return (status, out.count - Int(stream.avail_out))
            }
            output.append(contentsOf: chunk[0..<produced])
            guard output.count <= idxMaximumPayloadBytes + 4096 else {
                throw IDXError.unreadable(path: name, message: "more than 4 GiB once decompressed")
            }
            switch status {
            case Z_OK: continue
            case Z_STREAM_END:
                // Another gzip member may follow the first.
                guard stream.avail_in > 0 else { return }
                inflateReset(&stream)
            case Z_BUF_ERROR where stream.avail_in == 0:
                return  // cut short
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw IDXError.unreadable(path: name, message: message)
            }
        }
    }
    return output
}
