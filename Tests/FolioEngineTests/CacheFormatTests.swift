import Foundation
import Testing
import FolioMath
import FolioNotebook
@testable import FolioEngine

/// The cache's binary format: every value kind round-trips exactly, numeric payloads
/// become content-addressed blobs stored once, and corrupt or truncated blobs are
/// rejected, never misread.
@Suite struct CacheFormatTests {
    let blobs = BlobStore(directory: TestSupport.temporaryDirectory().appendingPathComponent("blobs"))

    /// Writes `values` and reads them back.
    private func roundTrip(_ values: [Value]) throws -> (values: [Value], writer: ValueWriter) {
        var writer = ValueWriter(blobs: blobs, cellScope: Scope(parent: nil))
        for value in values { try writer.write(value) }
        var reader = ValueReader(
            writer.output.data, blobs: blobs, scope: Scope(parent: nil), registry: .standard,
            notebook: Notebook.parse(source: "", path: "t.md").0)
        let read = try values.map { _ in try reader.read() }
        #expect(reader.isAtEnd)
        return (read, writer)
    }

    static func matrix(_ rows: Int, _ columns: Int, offset: Double = 0) -> Matrix<Double> {
        Matrix(rows: rows, columns: columns) { i, j in Double(i * columns + j) * 0.25 + offset }
    }

    @Test func everyValueKindRoundTrips() throws {
        let figure = FigureOutput(pngData: Data([137, 80, 78, 71]), altText: "alt", widthPoints: 300, heightPoints: 200, caption: "c")
        var dictionary = DictionaryValue()
        dictionary[.string("a")] = .int(1)
        dictionary[.int(2)] = .array([.double(.nan), .double(-0.0), .double(.infinity)])
        let problem = Value.tuple([
            TupleField(label: "observed", value: .matrix(Self.matrix(1000, 100))),
            TupleField(label: nil, value: .matrix(Self.matrix(2, 3))),
        ])
        let values: [Value] = [
            .void, .int(-42), .double(3.25), .bool(true), .string("π ≈ 3.14"),
            .array((0..<2000).map { .double(Double($0) / 3) }), .array([.double(1), .double(2)]),
            .array((0..<1000).map { .int($0 * 7) }), .array([.int(1), .double(2), .string("x")]), .array([]),
            .dictionary(dictionary), problem, .range(lower: -3, upper: 9),
            .matrix(Self.matrix(0, 4)), .matrix(Self.matrix(3, 3)),
            .array((0..<25).map { _ in problem }),
            .record(Record("PCAResult", [("scores", .matrix(Self.matrix(50, 20))), ("ok", .bool(false)), ("nested", problem)])),
            .enumCase(type: "NormKind", name: "frobenius"), .enumCase(type: nil, name: "affine"),
            .figure(figure), .table(TableOutput(columns: ["a"], rows: [["1"]], caption: nil)),
            .function(.builtin(try #require(BuiltinRegistry.standard.function(named: "mean")))),
        ]
        let (read, writer) = try roundTrip(values)
        for (original, restored) in zip(values, read) {
            #expect(Self.same(original, restored), "\(original.typeName) changed in the cache")
        }
        // The 1000×100 matrix is one blob however often it is exported; big Double and Int
        // arrays and the 50×20 matrix are blobs too; small payloads stay inline.
        #expect(writer.blobsUsed.count == 4)
        #expect(writer.output.data.count < 20_000)
    }

    @Test func identicalMatricesAreStoredOnce() throws {
        let big = Value.matrix(Self.matrix(200, 50))
        let (_, first) = try roundTrip([big, .array([big, big]), .record(Record("R", [("m", big)]))])
        let (_, second) = try roundTrip([big])
        #expect(first.blobsUsed.count == 1)
        #expect(first.bytesWritten == BlobStore.headerSize + 200 * 50 * 8)
        #expect(second.bytesWritten == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: blobs.directory.path)
        #expect(files.count == 1)
        // A matrix of the same numbers in another shape is another blob.
        let (_, reshaped) = try roundTrip([.matrix(try Matrix(rows: 50, columns: 200, columnMajor: Self.matrix(200, 50).elements))])
        #expect(reshaped.bytesWritten > 0)
    }

    @Test func blobsHoldBothPrecisions() throws {
        let singles: [Float] = (0..<3000).map { Float($0) * 0.5 }
        let stored = try blobs.store(singles, rows: 100, columns: 30)
        #expect(stored.written == BlobStore.headerSize + 3000 * 4)
        let shape = BlobStore.Shape(element: .float32, rows: 100, columns: 30)
        #expect(try blobs.load(stored.name, shape: shape, as: Float.self) == singles)
        #expect(throws: CacheFormatError.self) {
            try blobs.load(stored.name, shape: BlobStore.Shape(element: .float32, rows: 30, columns: 100), as: Float.self)
        }
        let doubles = Self.matrix(30, 100).elements
        let double = try blobs.store(doubles, rows: 30, columns: 100)
        #expect(try blobs.load(double.name, shape: .init(element: .float64, rows: 30, columns: 100), as: Double.self) == doubles)
        #expect(double.name != stored.name)
    }

    @Test(arguments: [0, 7, 9, 17, 25, 33, 45, 71, 72, 4000, 8071])
    func corruptBlobsAreRejected(offset: Int) throws {
        let doubles = Self.matrix(1000, 1).elements
        let stored = try blobs.store(doubles, rows: 1000, columns: 1)
        let url = blobs.url(stored.name)
        var data = try Data(contentsOf: url)
        data[offset] ^= 0x40
        try data.write(to: url)
        #expect(throws: CacheFormatError.self) {
            try blobs.load(stored.name, shape: .init(element: .float64, rows: 1000, columns: 1), as: Double.self)
        }
    }

    @Test(arguments: [0, 8, 40, 71, 72, 100, 8071])
    func truncatedBlobsAreRejected(length: Int) throws {
        let stored = try blobs.store(Self.matrix(1000, 1).elements, rows: 1000, columns: 1)
        let url = blobs.url(stored.name)
        try Data(try Data(contentsOf: url).prefix(length)).write(to: url)
        #expect(throws: CacheFormatError.self) {
            try blobs.load(stored.name, shape: .init(element: .float64, rows: 1000, columns: 1), as: Double.self)
        }
    }

    @Test func entryFilesCheckHeaderVersionKindAndChecksums() throws {
        let url = blobs.directory.deletingLastPathComponent().appendingPathComponent("entry.cache")
        let values = Data((0..<200).map { UInt8($0) })
        try AtomicFile.write(CacheFile.encode(kind: .cell, head: Data("{}".utf8), values: values), to: url)
        let (head, layout) = try CacheFile.readHead(url, kind: .cell)
        #expect(head == Data("{}".utf8))
        #expect(try CacheFile.readValues(url, layout: layout) == values)
        #expect(throws: CacheFormatError.self) { try CacheFile.readHead(url, kind: .inline) }
        let good = try Data(contentsOf: url)
        // Header, version, lengths, checksums and head fail at once; the values only when read.
        for offset in [0, 8, 16, 24, 32, 40, 72, CacheFile.headerSize] {
            var bad = good
            bad[offset] ^= 0x01
            try bad.write(to: url)
            #expect(throws: CacheFormatError.self) {
                _ = try CacheFile.readValues(url, layout: try CacheFile.readHead(url, kind: .cell).layout)
            }
        }
        for offset in [CacheFile.headerSize + 2, good.count - 1] {
            var bad = good
            bad[offset] ^= 0x01
            try bad.write(to: url)
            let layout = try CacheFile.readHead(url, kind: .cell).layout
            #expect(throws: CacheFormatError.self) { try CacheFile.readValues(url, layout: layout) }
        }
        for length in [0, 10, CacheFile.headerSize, good.count - 1] {
            try Data(good.prefix(length)).write(to: url)
            #expect(throws: CacheFormatError.self) { try CacheFile.readHead(url, kind: .cell) }
        }
        try Data("FOLIO-CACHE 1\n{}".utf8).write(to: url)
        #expect(throws: CacheFormatError.self) { try CacheFile.readHead(url, kind: .cell) }
    }

    /// Exact equality of values (Doubles by bit pattern, so NaN and -0 count).
    static func same(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.void, .void): true
        case (.int(let x), .int(let y)): x == y
        case (.double(let x), .double(let y)): x.bitPattern == y.bitPattern
        case (.bool(let x), .bool(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x.count == y.count && zip(x, y).allSatisfy(same)
        case (.dictionary(let x), .dictionary(let y)):
            x.count == y.count && zip(x.entries, y.entries).allSatisfy { $0.key == $1.key && same($0.value, $1.value) }
        case (.tuple(let x), .tuple(let y)):
            x.count == y.count && zip(x, y).allSatisfy { $0.label == $1.label && same($0.value, $1.value) }
        case (.range(let l1, let u1), .range(let l2, let u2)): l1 == l2 && u1 == u2
        case (.matrix(let x), .matrix(let y)):
            x.rows == y.rows && x.columns == y.columns && zip(x.elements, y.elements).allSatisfy { $0.bitPattern == $1.bitPattern }
        case (.record(let x), .record(let y)):
            x.typeName == y.typeName && x.fields.count == y.fields.count
                && zip(x.fields, y.fields).allSatisfy { $0.name == $1.name && same($0.value, $1.value) }
        case (.enumCase(let t1, let n1), .enumCase(let t2, let n2)): t1 == t2 && n1 == n2
        case (.figure(let x), .figure(let y)): x == y
        case (.table(let x), .table(let y)): x == y
        case (.function(.builtin(let x)), .function(.builtin(let y))): x.name == y.name
        default: false
        }
    }
}
