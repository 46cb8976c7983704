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
