import CZlib
import Foundation
import FolioMath

/// Writes PNGs from Cairo image surfaces. Cairo's own writer goes through libpng with
/// adaptive filtering and zlib level 6, which costs most of a figure's render time; this
/// encoder uses the Up filter and a fast zlib level, and writes no timestamp chunk.
///
/// Deflating a 2× figure is still its most expensive step, so the image is cut into
/// `stripeCount` horizontal stripes that are filtered and deflated independently, on
/// parallel threads, and joined into one zlib stream the way pigz does it: every stripe
/// but the last ends with a sync flush, so the raw deflate streams concatenate, and their
/// Adler-32 checksums combine. The stripe count is fixed, so the bytes never depend on the
/// number of cores.
enum PNGEncoder {
    /// zlib level: plots are mostly flat colour, which compresses well even at level 3.
    static let compressionLevel: Int32 = 3
    /// Horizontal stripes deflated independently.
    static let stripeCount = 4

    /// Encodes `height` rows of premultiplied, native-endian ARGB32 words as an 8-bit RGB
    /// PNG (RGBA when some pixel is not opaque).
    static func encode(words: UnsafePointer<UInt32>, width: Int, height: Int, wordsPerRow: Int) throws -> [UInt8] {
        let opaque = (0..<height).allSatisfy { row in
            UnsafeBufferPointer(start: words + row * wordsPerRow, count: width).allSatisfy { $0 >> 24 == 0xFF }
        }
        let image = SourceImage(words: words, width: width, wordsPerRow: wordsPerRow, opaque: opaque)
        var stripes = [Stripe?](repeating: nil, count: stripeCount)
        stripes.withUnsafeMutableBufferPointer { results in
            performConcurrently(stripeCount, threads: ProcessInfo.processInfo.activeProcessorCount) { index in
                let rows = evenRange(height, part: index, of: stripeCount)
                results[index] = Stripe(image, rows: rows, final: index == stripeCount - 1)
            }
        }
        // zlib header: deflate with a 32 KiB window, "fast" level flag (0x785E is a multiple of 31).
        var stream: [UInt8] = [0x78, 0x5E]
        var checksum: uLong = 1
        for case let stripe? in stripes {
            guard let deflated = stripe.deflated else {
                throw PlotError.renderFailed("zlib compression failed with status \(stripe.status)")
            }
            stream += deflated
            checksum = adler32_combine(checksum, stripe.checksum, off_t(stripe.rawCount))
        }
        stream += bigEndian(UInt32(checksum))

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header += bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]  // depth, colour type, compression, filter, interlace
        append(chunk: "IHDR", header, to: &png)
        append(chunk: "IDAT", stream, to: &png)
        append(chunk: "IEND", [], to: &png)
        return png
    }

    /// The pixels being encoded.
    private struct SourceImage: @unchecked Sendable {
        let words: UnsafePointer<UInt32>
        let width, wordsPerRow: Int
        let opaque: Bool
        var channels: Int { opaque ? 3 : 4 }
        /// A filtered row: the filter-type byte and the pixel bytes.
        var filteredRowBytes: Int { 1 + width * channels }
    }

    /// One stripe of rows, Up-filtered and deflated as a raw (headerless) deflate stream.
    private struct Stripe {
        /// Adler-32 of the filtered bytes, and how many there were.
        let checksum: uLong
        let rawCount: Int
        /// The deflate stream; nil when zlib failed with `status`.
        let deflated: [UInt8]?
        let status: Int32

        init?(_ image: SourceImage, rows: Range<Int>, final: Bool) {
            guard !rows.isEmpty else { return nil }
            // Every byte is written by the filter, so the buffer is not zeroed first.
            let raw = [UInt8](unsafeUninitializedCapacity: image.filteredRowBytes * rows.count) { out, count in
                for (index, row) in rows.enumerated() {
                    PNGEncoder.filterUp(image, row: row, into: out.baseAddress! + index * image.filteredRowBytes)
                }
                count = out.count
            }
            checksum = adler32(1, raw, uInt(raw.count))
            rawCount = raw.count
            (deflated, status) = PNGEncoder.deflateRaw(raw, final: final)
        }
    }

    /// Writes row `row` with the Up filter: type byte 2, then each byte minus the byte
    /// above it (zero above the first row).
    private static func filterUp(_ image: SourceImage, row: Int, into out: UnsafeMutablePointer<UInt8>) {
        out[0] = 2
        let pixels = image.words + row * image.wordsPerRow
        let above = row > 0 ? image.words + (row - 1) * image.wordsPerRow : nil
        if image.opaque {
            // Opaque premultiplied pixels are their own straight colour: subtract bytes directly.
            var offset = 1
            for column in 0..<image.width {
                let word = pixels[column], up = above?[column] ?? 0
                out[offset] = UInt8(truncatingIfNeeded: word >> 16) &- UInt8(truncatingIfNeeded: up >> 16)
                out[offset + 1] = UInt8(truncatingIfNeeded: word >> 8) &- UInt8(truncatingIfNeeded: up >> 8)
                out[offset + 2] = UInt8(truncatingIfNeeded: word) &- UInt8(truncatingIfNeeded: up)
                offset += 3
            }
        } else {
            var offset = 1
            for column in 0..<image.width {
                let now = straight(pixels[column]), up = above.map { straight($0[column]) } ?? (0, 0, 0, 0)
                out[offset] = now.0 &- up.0
                out[offset + 1] = now.1 &- up.1
                out[offset + 2] = now.2 &- up.2
                out[offset + 3] = now.3 &- up.3
                offset += 4
            }
        }
    }

    /// Red, green, blue and alpha of a premultiplied ARGB32 word, un-premultiplied.
    @inline(__always)
    private static func straight(_ word: UInt32) -> (UInt8, UInt8, UInt8, UInt8) {
        let alpha = word >> 24
        if alpha == 0xFF { return (UInt8(truncatingIfNeeded: word >> 16), UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word), 0xFF) }
        @inline(__always) func channel(_ shift: UInt32) -> UInt8 {
            let value = (word >> shift) & 0xFF
            return UInt8(alpha == 0 ? value : min(255, (value * 255 + alpha / 2) / alpha))
        }
        return (channel(16), channel(8), channel(0), UInt8(alpha))
    }

    /// `data` as raw deflate blocks: the last stripe ends the stream, the others end with a
    /// sync flush (an empty stored block), so that the next stripe's blocks can follow.
    private static func deflateRaw(_ data: [UInt8], final: Bool) -> (deflated: [UInt8]?, status: Int32) {
        var stream = z_stream()
        let initialised = deflateInit2_(
            &stream, compressionLevel, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
            Int32(MemoryLayout<z_stream>.size))
        guard initialised == Z_OK else { return (nil, initialised) }
        defer { deflateEnd(&stream) }
        // The bound is about the input's size, ten times what a plot compresses to: the
        // buffer is left uninitialised, so only the pages zlib writes are ever touched.
        var status = Z_OK
        let output = [UInt8](unsafeUninitializedCapacity: Int(deflateBound(&stream, uLong(data.count))) + 16) { out, count in
            status = data.withUnsafeBufferPointer { input in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                return deflate(&stream, final ? Z_FINISH : Z_SYNC_FLUSH)
            }
            count = Int(stream.total_out)
        }
        guard status == (final ? Z_STREAM_END : Z_OK), stream.avail_in == 0 else { return (nil, status) }
        return (output, status)
    }

    private static func append(chunk type: String, _ data: [UInt8], to png: inout [UInt8]) {
        let typed = Array(type.utf8) + data
        png += bigEndian(UInt32(data.count)) + typed
        png += bigEndian(UInt32(crc32(0, typed, uInt(typed.count))))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
