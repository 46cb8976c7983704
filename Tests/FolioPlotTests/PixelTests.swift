import Foundation
import Testing
@testable import FolioPlot

/// Rendered PNGs stay within a small tolerance of stored baselines (rendered at 1 px per
/// point to keep them small), and the comparison notices a shifted series.
enum PixelBaselines {
    static let figures: [(name: String, figure: Figure)] = [
        ("line", Fixtures.line), ("heatmap", Fixtures.heatmap), ("bars", Fixtures.bars), ("image-grid", Fixtures.imageGrid),
    ]
    /// At most this fraction of pixels may differ by more than the channel tolerance.
    static let allowedFraction = 0.002

    static func baseline(_ name: String, current: [UInt8]) throws -> PNGImage {
        let stored = try #require(try Goldens.compareOrUpdate("\(name).png", current: Data(current)),
                                  "missing baseline \(name).png; run with FOLIO_UPDATE_GOLDENS=1")
        return try PNGImage(pngBytes: [UInt8](stored))
    }
}

@Test(arguments: PixelBaselines.figures.map(\.name))
func renderedPNGMatchesBaseline(name: String) throws {
    let figure = try #require(PixelBaselines.figures.first { $0.name == name }?.figure)
    let png = try figure.renderPNG(scale: 1)
    let baseline = try PixelBaselines.baseline(name, current: png)
    let difference = try PNGImage(pngBytes: png).difference(from: baseline)
    #expect(difference.sameSize)
    #expect(difference.differingFraction <= PixelBaselines.allowedFraction, "\(name): \(difference)")
}

@Test func shiftedSeriesIsDetectedAsDifferent() throws {
    var shifted = Fixtures.line
    guard case var .line(vae) = shifted.panels[0].marks[1] else {
        Issue.record("fixture changed: mark 1 is no longer the VAE line")
        return
    }
    vae.y = vae.y.map { $0 + 0.15 }
    shifted.panels[0].marks[1] = .line(vae)
    let baseline = try PixelBaselines.baseline("line", current: try Fixtures.line.renderPNG(scale: 1))
    let difference = try PNGImage(pngBytes: try shifted.renderPNG(scale: 1)).difference(from: baseline)
    #expect(difference.sameSize)
    #expect(difference.differingFraction > PixelBaselines.allowedFraction, "\(difference)")
}

@Test func comparisonRejectsNonPNGBytes() {
    #expect(throws: PlotError.self) { try PNGImage(pngBytes: Array("not a png".utf8)) }
}

@Test func encoderRoundTripsTranslucentPixels() throws {
    // Premultiplied ARGB: opaque red, half-transparent green, transparent, opaque grey.
    let words: [UInt32] = [0xFFFF_0000, 0x8000_8000, 0x0000_0000, 0xFF80_8080]
    let png = try words.withUnsafeBufferPointer { buffer in
        try PNGEncoder.encode(words: try #require(buffer.baseAddress), width: 2, height: 2, wordsPerRow: 2)
    }
    let decoded = try PNGImage(pngBytes: png)
    #expect(decoded.width == 2 && decoded.height == 2)
    #expect(decoded.pixels == words)
}

@Test(arguments: [true, false])
func encoderRoundTripsImagesCutIntoStripes(opaque: Bool) throws {
    // 37 × 23 pixels with a row stride wider than the image: four stripes of 5 or 6 rows,
    // each deflated on its own and joined into one zlib stream.
    let (width, height, wordsPerRow) = (37, 23, 40)
    var state: UInt32 = 12345
    let words: [UInt32] = (0..<(wordsPerRow * height)).map { index in
        state = state &* 1_103_515_245 &+ 12345
        let alpha: UInt32 = opaque || index % 7 != 0 ? 0xFF : 0x80
        // Premultiplied: no channel above alpha.
        let channel = { (shift: UInt32) in ((state >> shift) & 0xFF) * alpha / 0xFF }
        return alpha << 24 | channel(16) << 16 | channel(8) << 8 | channel(0)
    }
    let png = try words.withUnsafeBufferPointer { buffer in
        try PNGEncoder.encode(words: try #require(buffer.baseAddress), width: width, height: height, wordsPerRow: wordsPerRow)
    }
    let decoded = try PNGImage(pngBytes: png)
    #expect(decoded.width == width && decoded.height == height)
    let expected = (0..<height).flatMap { row in words[(row * wordsPerRow)..<(row * wordsPerRow + width)] }
    let matching = zip(decoded.pixels, expected).filter { $0 == $1 }.count
    if opaque {
        #expect(matching == expected.count)
    } else {
        // Un-premultiplying and premultiplying again may move a translucent channel by one.
        let close = zip(decoded.pixels, expected).allSatisfy { decoded, original in
            (0..<4).allSatisfy { byte in
                let a = Int((decoded >> (8 * byte)) & 0xFF), b = Int((original >> (8 * byte)) & 0xFF)
                return abs(a - b) <= 1
            }
        }
        #expect(close && matching > expected.count / 2)
    }
}
