/// Making drift visible: `folio check` shows a diff image beside the committed and the new
/// figure, and writes it with Folio's own PNG encoder.
extension PNGImage {
    init(width: Int, height: Int, pixels: [UInt32]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The image as PNG bytes, through `PNGEncoder` (the encoder figures are written with).
    public func pngBytes() throws -> [UInt8] {
        guard width > 0, height > 0 else { throw PlotError.renderFailed("cannot encode an empty image") }
        return try pixels.withUnsafeBufferPointer { words in
            guard let base = words.baseAddress else { throw PlotError.renderFailed("cannot encode an empty image") }
            return try PNGEncoder.encode(words: base, width: width, height: height, wordsPerRow: width)
        }
    }

    /// An image the size of both images' union: pixels that agree (every channel within
    /// `channelTolerance`, as in `difference(from:channelTolerance:)`) appear as a faint grey
    /// copy of this image; pixels that differ, or lie outside one of the images, are solid
    /// `highlight` (premultiplied ARGB; opaque red by default).
    public func differenceImage(from other: PNGImage, channelTolerance: Int = 24, highlight: UInt32 = 0xFFE0_1B24) -> PNGImage {
        let unionWidth = max(width, other.width), unionHeight = max(height, other.height)
        var result = [UInt32](repeating: highlight, count: unionWidth * unionHeight)
        for row in 0..<min(height, other.height) {
            for column in 0..<min(width, other.width) {
                let mine = pixels[row * width + column], theirs = other.pixels[row * other.width + column]
                guard Self.channelDelta(mine, theirs) <= channelTolerance else { continue }
                result[row * unionWidth + column] = Self.faded(mine)
            }
        }
        return PNGImage(width: unionWidth, height: unionHeight, pixels: result)
    }

    /// The largest difference between corresponding channels of two ARGB words.
    static func channelDelta(_ a: UInt32, _ b: UInt32) -> Int {
        guard a != b else { return 0 }
        var worst = 0
        for shift in stride(from: 0, to: 32, by: 8) {
            worst = max(worst, abs(Int((a >> UInt32(shift)) & 0xFF) - Int((b >> UInt32(shift)) & 0xFF)))
        }
        return worst
    }

    /// An opaque grey a quarter as dark as the pixel's luminance over white: context, not content.
    private static func faded(_ word: UInt32) -> UInt32 {
        let alpha = Int(word >> 24)
        // Premultiplied channels composited over white: c + (255 − alpha).
        let red = Int((word >> 16) & 0xFF) + 255 - alpha
        let green = Int((word >> 8) & 0xFF) + 255 - alpha
        let blue = Int(word & 0xFF) + 255 - alpha
        let luminance = (299 * red + 587 * green + 114 * blue) / 1000
        let grey = UInt32(255 - (255 - min(255, luminance)) / 4)
        return 0xFF00_0000 | grey << 16 | grey << 8 | grey
    }
}
