import Testing
@testable import FolioPlot

/// Folio's PNG encoder and the decoder `folio check` compares figures with: what is encoded
/// decodes to the same pixels, and the diff image marks exactly the pixels that changed.
@Suite struct PNGRoundTripTests {
    /// A 37×23 gradient (odd sizes exercise the stripes' row split); opaque, or with alpha.
    static func gradient(opaque: Bool) -> PNGImage {
        let width = 37, height = 23
        let pixels = (0..<(width * height)).map { index -> UInt32 in
            let x = UInt32(index % width), y = UInt32(index / width)
            let alpha: UInt32 = opaque ? 255 : 255 - (x * 3 + y) % 200
            // Premultiplied: no channel exceeds alpha.
            return alpha << 24 | (x * 7 % (alpha + 1)) << 16 | (y * 11 % (alpha + 1)) << 8 | ((x + y) * 5 % (alpha + 1))
        }
        return PNGImage(width: width, height: height, pixels: pixels)
    }

    @Test func opaqueImageRoundTripsExactly() throws {
        let image = Self.gradient(opaque: true)
        #expect(try PNGImage(pngBytes: try image.pngBytes()) == image)
    }

    @Test func translucentImageRoundTripsWithinPremultiplicationRounding() throws {
        let image = Self.gradient(opaque: false)
        let decoded = try PNGImage(pngBytes: try image.pngBytes())
        #expect(decoded.width == image.width && decoded.height == image.height)
        #expect(decoded.difference(from: image, channelTolerance: 1).differingPixels == 0)
    }

    @Test func diffImageMarksOnlyTheChangedPixels() {
        let image = Self.gradient(opaque: true)
        var pixels = image.pixels
        pixels[5] = 0xFF00_0000
        pixels[100] = 0xFFFF_FFFF
        let changed = PNGImage(width: image.width, height: image.height, pixels: pixels)
        let diff = changed.differenceImage(from: image, highlight: 0xFFFF_0000)
        #expect(diff.pixels.indices.filter { diff.pixels[$0] == 0xFFFF_0000 } == [5, 100])
        #expect(image.differenceImage(from: image).pixels.allSatisfy { $0 != 0xFFFF_0000 })
    }

    @Test func diffImageOfDifferentSizesMarksTheMargin() {
        let small = PNGImage(width: 2, height: 2, pixels: Array(repeating: 0xFFFF_FFFF, count: 4))
        let large = PNGImage(width: 3, height: 2, pixels: Array(repeating: 0xFFFF_FFFF, count: 6))
        let diff = large.differenceImage(from: small, highlight: 0xFFFF_0000)
        #expect(diff.width == 3 && diff.height == 2)
        #expect(diff.pixels.indices.filter { diff.pixels[$0] == 0xFFFF_0000 } == [2, 5])
    }

    @Test func emptyImageIsNotEncoded() {
        #expect(throws: PlotError.self) { try PNGImage(width: 0, height: 0, pixels: []).pngBytes() }
    }
}
