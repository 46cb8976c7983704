import Crypto
import Foundation

/// The framing of every file under `entries/` and of the notebook indexes.
///
/// A fixed 104-byte header, all integers little-endian UInt64:
///
/// | offset | field |
/// | --- | --- |
/// | 0 | magic `FOLIOCCH` |
/// | 8 | format version (`CacheFile.version`) |
/// | 16 | kind (1 cell entry, 2 inline value entry, 3 notebook index) |
/// | 24 | head length |
/// | 32 | values length |
/// | 40 | SHA-256 of the head |
/// | 72 | SHA-256 of the values |
///
/// then the head (JSON: what a render shows) and the values (binary, `ValueWriter`). The
/// head is read on its own, so reusing a cell reads none of its exported values; the
/// values are read and checked only when a cell that runs needs them. Files of another
/// version (the JSON entries of Folio before 0.2 start with `FOLIO-CACHE 1`), kind or size,
/// or whose sections do not match their checksums, are rejected with `CacheFormatError`.
enum CacheFile {
    enum Kind: UInt64 {
        case cell = 1, inline = 2, index = 3
    }

    static let magic = Data("FOLIOCCH".utf8)
    static let version: UInt64 = 2
    static let headerSize = 104

    /// Where the sections of a checked file are.
    struct Layout {
        var headLength: Int
        var valuesLength: Int
        var valuesChecksum: Data

        var valuesOffset: Int { CacheFile.headerSize + headLength }
    }

    /// The bytes of a file of `kind` with these sections.
    static func encode(kind: Kind, head: Data, values: Data = Data()) -> Data {
        var writer = ByteWriter()
        writer.raw(Array(magic))
        writer.unsigned(version)
        writer.unsigned(kind.rawValue)
        writer.integer(head.count)
        writer.integer(values.count)
        writer.raw(Array(SHA256.hash(data: head)))
        writer.raw(Array(SHA256.hash(data: values)))
        var data = writer.data
        data.append(head)
        data.append(values)
        return data
    }

    /// Reads and checks the header and the head of the file at `url`, not its values.
    static func readHead(_ url: URL, kind: Kind) throws -> (head: Data, layout: Layout) {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let fileSize = Int(try handle.seekToEnd())
        try handle.seek(toOffset: 0)
        var header = ByteReader(try handle.read(upToCount: headerSize) ?? Data())
        guard header.remaining == headerSize, try header.take(8) == magic else {
            throw CacheFormatError("not a Folio cache file of this format (an older Folio's entry?)")
        }
        let fileVersion = try header.unsigned()
        guard fileVersion == version else { throw CacheFormatError("format version \(fileVersion), expected \(version)") }
        let fileKind = try header.unsigned()
        guard fileKind == kind.rawValue else { throw CacheFormatError("holds kind \(fileKind), expected \(kind.rawValue)") }
        let headLength = try header.integer(), valuesLength = try header.integer()
        guard headLength >= 0, valuesLength >= 0, headerSize + headLength + valuesLength == fileSize else {
            throw CacheFormatError("size \(fileSize) does not match its header (truncated?)")
        }
        let headChecksum = try header.take(32), valuesChecksum = try header.take(32)
        let head = try handle.read(upToCount: headLength) ?? Data()
        guard head.count == headLength, Data(SHA256.hash(data: head)) == headChecksum else {
            throw CacheFormatError("head does not match its checksum")
        }
        return (head, Layout(headLength: headLength, valuesLength: valuesLength, valuesChecksum: valuesChecksum))
    }

    /// Reads and checks the values of a file whose head `readHead` returned `layout`.
    static func readValues(_ url: URL, layout: Layout) throws -> Data {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(layout.valuesOffset))
        let values = try handle.read(upToCount: layout.valuesLength) ?? Data()
        guard values.count == layout.valuesLength, Data(SHA256.hash(data: values)) == layout.valuesChecksum else {
            throw CacheFormatError("values do not match their checksum")
        }
        return values
    }
}

extension CacheFile {
    /// Writes a file of `kind` whose head is `head` as JSON.
    static func write(_ head: some Encodable, kind: Kind, values: Data = Data(), to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        try AtomicFile.write(encode(kind: kind, head: try encoder.encode(head), values: values), to: url)
    }

    /// Reads the JSON head of a file of `kind` (not its values).
    static func read<Head: Decodable>(_ type: Head.Type, kind: Kind, from url: URL) throws -> (head: Head, layout: Layout) {
        let (head, layout) = try readHead(url, kind: kind)
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return (try decoder.decode(Head.self, from: head), layout)
        } catch {
            throw CacheFormatError("head is not a valid \(Head.self)")
        }
    }
}
