import CCairo

/// A decoded PNG (through Cairo), for comparing rendered figures with stored baselines.
public struct PNGImage: Equatable, Sendable {
    /// Size in pixels.
    public let width: Int
    public let height: Int
    /// Premultiplied ARGB words, row by row.
    let pixels: [UInt32]

    /// Decodes PNG bytes; throws `PlotError.renderFailed` when they are not a PNG.
    public init(pngBytes: [UInt8]) throws {
        final class Reader {
            let bytes: [UInt8]
            var offset = 0
            init(_ bytes: [UInt8]) { self.bytes = bytes }
        }
        let reader = Reader(pngBytes)
        let read: cairo_read_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
            let reader = Unmanaged<Reader>.fromOpaque(closure).takeUnretainedValue()
            let count = Int(length)
            guard reader.offset + count <= reader.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            reader.bytes.withUnsafeBufferPointer { buffer in
                if let base = buffer.baseAddress { data.update(from: base + reader.offset, count: count) }
            }
            reader.offset += count
            return CAIRO_STATUS_SUCCESS
        }
        let surface = withExtendedLifetime(reader) {
            cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(reader).toOpaque())
        }
        defer { cairo_surface_destroy(surface) }
        guard let surface, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
              let source = cairo_image_surface_get_data(surface) else {
            throw PlotError.renderFailed("the bytes are not a readable PNG")
        }
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        var pixels: [UInt32] = []
        pixels.reserveCapacity(width * height)
        let format = cairo_image_surface_get_format(surface)
        source.withMemoryRebound(to: UInt32.self, capacity: stride / 4 * height) { words in
            for row in 0..<height {
                for column in 0..<width {
                    let word = words[row * stride / 4 + column]
                    pixels.append(format == CAIRO_FORMAT_RGB24 ? word | 0xFF00_0000 : word)
                }
            }
        }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// How two images differ.
    public struct Difference: Equatable, Sendable {
        /// Whether both images have the same pixel size (otherwise every pixel counts as differing).
        public let sameSize: Bool
        /// Pixels with some channel differing by more than the tolerance.
        public let differingPixels: Int
        /// `differingPixels` over the pixel count.
        public let differingFraction: Double
        /// The largest channel difference seen (0…255).
        public let maximumChannelDelta: Int
    }

    /// Per-pixel comparison: a pixel differs when any channel differs by more than
    /// `channelTolerance` (absorbs antialiasing noise across Cairo versions).
    public func difference(from other: PNGImage, channelTolerance: Int = 24) -> Difference {
        guard width == other.width, height == other.height else {
            return Difference(sameSize: false, differingPixels: max(pixels.count, other.pixels.count),
                              differingFraction: 1, maximumChannelDelta: 255)
        }
        var differing = 0
        var maximum = 0
        for (a, b) in zip(pixels, other.pixels) where a != b {
            let worst = Self.channelDelta(a, b)
            maximum = max(maximum, worst)
            if worst > channelTolerance { differing += 1 }
        }
        return Difference(sameSize: true, differingPixels: differing,
                          differingFraction: pixels.isEmpty ? 0 : Double(differing) / Double(pixels.count),
                          maximumChannelDelta: maximum)
    }
}
