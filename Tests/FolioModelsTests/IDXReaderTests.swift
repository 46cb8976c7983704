import Foundation
import Testing
import CZlib
@testable import FolioModels

/// Writes `bytes` to a fresh temporary file, gzipped when `gzip` is true.
private func temporaryFile(_ bytes: [UInt8], gzip: Bool) throws -> String {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("folio-idx-\(UUID().uuidString)\(gzip ? ".gz" : "")").path
    if gzip {
        let file = try #require(gzopen(path, "wb"))
        let written = bytes.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
        #expect(Int(written) == bytes.count)
        gzclose(file)
    } else {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
    return path
}

/// A 3×2×2 unsigned-byte IDX file holding 0…11.
private let smallImages: [UInt8] = [0, 0, 0x08, 3, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 2] + (0..<12).map(UInt8.init)

@Test(arguments: [false, true])
func idxReadsImagesAsRowsOfFlattenedPixels(gzip: Bool) throws {
    let path = try temporaryFile(smallImages, gzip: gzip)
    let array = try readIDX(path: path)
    #expect(array.shape == [3, 2, 2])
    let matrix = array.matrix()
    #expect(matrix.rows == 3 && matrix.columns == 4)
    #expect(matrix[1, 0] == 4 && matrix[2, 3] == 11)
    #expect(array.matrix(scale: 0.5, limit: 1).rowArrays == [[0, 0.5, 1, 1.5]])
}

@Test func idxDecodesBigEndianSignedAndFloatingTypes() throws {
    let shorts = try readIDX(path: try temporaryFile([0, 0, 0x0B, 1, 0, 0, 0, 2, 0xFF, 0xFE, 0x01, 0x00], gzip: false))
    #expect(shorts.integers == [-2, 256])
    let floats = try readIDX(path: try temporaryFile([0, 0, 0x0D, 1, 0, 0, 0, 1, 0x3F, 0xC0, 0, 0], gzip: true))
    #expect(floats.value(at: 0) == 1.5)
}

@Test func idxRejectsWrongMagicNamingTheFile() throws {
    let path = try temporaryFile([0x1F, 0x00, 0x08, 1, 0, 0, 0, 1, 7], gzip: false)
    #expect(throws: IDXError.badMagic(path: path, bytes: [0x1F, 0x00, 0x08, 1])) { try readIDX(path: path) }
    let badType = try temporaryFile([0, 0, 0x07, 1, 0, 0, 0, 1, 7], gzip: true)
    let error = #expect(throws: IDXError.self) { try readIDX(path: badType) }
    #expect(error?.description.contains(badType) == true)
}

@Test func idxRejectsTruncatedPayloadAndHeader() throws {
    let path = try temporaryFile(Array(smallImages.dropLast(3)), gzip: true)
    #expect(throws: IDXError.truncated(path: path, expectedBytes: 12, foundBytes: 9)) { try readIDX(path: path) }
    let shortHeader = try temporaryFile([0, 0, 0x08, 3, 0, 0, 0, 3, 0], gzip: false)
    #expect(throws: IDXError.truncated(path: shortHeader, expectedBytes: 12, foundBytes: 5)) { try readIDX(path: shortHeader) }
}

@Test func idxRejectsDimensionOverflowAndMissingFiles() throws {
    let huge: [UInt8] = [0, 0, 0x0E, 3, 0x7F, 0xFF, 0xFF, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF]
    let path = try temporaryFile(huge, gzip: false)
    #expect(throws: IDXError.dimensionOverflow(path: path, shape: [2_147_483_647, 2_147_483_647, 2_147_483_647])) {
        try readIDX(path: path)
    }
    #expect(throws: IDXError.cannotOpen(path: "/nonexistent/folio.idx")) { try readIDX(path: "/nonexistent/folio.idx") }
}

@Test func fashionMNISTHeaderReadsWhenInstalled() throws {
    let path = "\(fashionMNISTDirectory)/t10k-labels-idx1-ubyte.gz"
    guard FileManager.default.fileExists(atPath: path) else { return }
    let labels = try readIDX(path: path)
    #expect(labels.shape == [10_000])
    #expect(labels.integers.allSatisfy { (0...9).contains($0) })
}
