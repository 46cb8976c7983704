import Foundation

#if !_endian(little)
#error("the cache format stores numbers little-endian by copying memory; ByteWriter and ByteReader need porting")
#endif

/// A cache file or value that does not have the expected form: wrong magic, version or
/// kind, a bad checksum, a truncated or inconsistent field.
struct CacheFormatError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Appends little-endian binary fields: unsigned 64-bit integers, bytes with a length
/// prefix, and arrays of scalars as raw memory.
struct ByteWriter {
    private(set) var data = Data()

    mutating func byte(_ value: UInt8) { data.append(value) }

    mutating func unsigned(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    mutating func integer(_ value: Int) { unsigned(UInt64(bitPattern: Int64(value))) }

    mutating func double(_ value: Double) { unsigned(value.bitPattern) }

    /// A length, then the bytes.
    mutating func bytes(_ bytes: Data) {
        integer(bytes.count)
        data.append(bytes)
    }

    mutating func string(_ string: String) { bytes(Data(string.utf8)) }

    /// The scalars' memory, without a length (the reader knows the count).
    mutating func raw<Scalar: BitwiseCopyable>(_ elements: [Scalar]) {
        elements.withUnsafeBytes { data.append(contentsOf: $0) }
    }
}

/// Reads what `ByteWriter` wrote; every read checks that enough bytes remain, so truncated
/// or corrupt input throws `CacheFormatError` instead of trapping.
struct ByteReader {
    private let data: Data
    private var offset: Int

    init(_ data: Data) {
        self.data = data
        self.offset = data.startIndex
    }

    var remaining: Int { data.endIndex - offset }

    mutating func take(_ count: Int) throws -> Data {
        guard count >= 0, count <= remaining else { throw CacheFormatError("truncated: \(count) bytes wanted, \(remaining) left") }
        defer { offset += count }
        return data[offset..<offset + count]
    }

    mutating func byte() throws -> UInt8 { try take(1).first ?? 0 }

    mutating func unsigned() throws -> UInt64 {
        UInt64(littleEndian: try take(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
    }

    mutating func integer() throws -> Int { Int(Int64(bitPattern: try unsigned())) }

    /// A count of things that each take at least `stride` bytes: checked against what
    /// remains, so a corrupt count cannot ask for a huge allocation.
    mutating func count(stride: Int = 1) throws -> Int {
        let count = try integer()
        guard count >= 0, count <= remaining / max(1, stride) else { throw CacheFormatError("invalid count \(count)") }
        return count
    }

    mutating func double() throws -> Double { Double(bitPattern: try unsigned()) }

    mutating func bytes() throws -> Data { try take(try count()) }

    mutating func string() throws -> String { String(decoding: try bytes(), as: UTF8.self) }

    /// `count` scalars stored as raw memory.
    mutating func raw<Scalar: BitwiseCopyable>(_ count: Int, of type: Scalar.Type) throws -> [Scalar] {
        let size = MemoryLayout<Scalar>.stride
        guard count >= 0, count <= remaining / size else { throw CacheFormatError("truncated array of \(count) elements") }
        return Self.scalars(try take(count * size), count: count)
    }

    /// Copies `count` scalars out of `bytes` (any alignment).
    static func scalars<Scalar: BitwiseCopyable>(_ bytes: Data, count: Int) -> [Scalar] {
        [Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[..<(count * MemoryLayout<Scalar>.stride)]))
            }
            initialized = count
        }
    }
}
