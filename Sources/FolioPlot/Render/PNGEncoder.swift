import CZlib

/// Writes PNGs from Cairo image surfaces. Cairo's own writer goes through libpng with
/// adaptive filtering and zlib level 6, which costs most of a figure's render time; this
/// encoder uses the Up filter and a fast zlib level, and writes no timestamp chunk.
enum PNGEncoder {
    /// zlib level: plots are mostly flat colour, which compresses well even at level 3.
    static let compressionLevel: Int32 = 3

    /// Encodes `height` rows of premultiplied, native-endian ARGB32 words as an 8-bit RGB
    /// PNG (RGBA when some pixel is not opaque).
    static func encode(words: UnsafePointer<UInt32>, width: Int, height: Int, wordsPerRow: Int) throws -> [UInt8] {
        var opaque = true
        for row in 0..<height where opaque {
            for column in 0..<width where words[row * wordsPerRow + column] >> 24 != 0xFF {
                opaque = false
                break
            }
        }
        let channels = opaque ? 3 : 4
        let rowBytes = width * channels
        var raw = [UInt8](repeating: 0, count: (rowBytes + 1) * height)
        // Each row is unpacked once into `current`, then written minus the row above it.
        var current = [UInt8](repeating: 0, count: rowBytes)
        var previous = [UInt8](repeating: 0, count: rowBytes)
        raw.withUnsafeMutableBufferPointer { out in
            for row in 0..<height {
                let pixels = words + row * wordsPerRow
                current.withUnsafeMutableBufferPointer { bytes in
                    var offset = 0
                    for column in 0..<width {
                        let pixel = straight(pixels[column])
                        bytes[offset] = pixel.0
                        bytes[offset + 1] = pixel.1
                        bytes[offset + 2] = pixel.2
                        if !opaque { bytes[offset + 3] = pixel.3 }
                        offset += channels
                    }
                }
                let start = row * (rowBytes + 1)
                out[start] = 2  // the Up filter: each byte minus the one above it
                current.withUnsafeBufferPointer { now in
                    previous.withUnsafeBufferPointer { above in
                        for index in 0..<rowBytes { out[start + 1 + index] = now[index] &- above[index] }
                    }
                }
                swap(&current, &previous)
            }
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header += bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]  // depth, colour type, compression, filter, interlace
        append(chunk: "IHDR", header, to: &png)
        append(chunk: "IDAT", try deflate(raw), to: &png)
        append(chunk: "IEND", [], to: &png)
        return png
    }

    /// Red, green, blue and alpha of a premultiplied ARGB32 word, un-premultiplied.
    @inline(__always)
    private static func straight(_ word: UInt32) -> (UInt8, UInt8, UInt8, UInt8) {
        let alpha = word >> 24
        if alpha == 0xFF { return (UInt8(truncatingIfNeeded: word >> 16), UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word), 0xFF) }
        @inline(__always) func channel(_ shift: UInt32) -> UInt8 {
            let value = (word >> shift) & 0xFF
            return UInt8(alpha == 0xFF || alpha == 0 ? value : min(255, (value * 255 + alpha / 2) / alpha))
        }
        return (channel(16), channel(8), channel(0), UInt8(alpha))
    }

    private static func deflate(_ data: [UInt8]) throws -> [UInt8] {
        var length = compressBound(uLong(data.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = compress2(&output, &length, data, uLong(data.count), compressionLevel)
        guard status == Z_OK else { throw PlotError.renderFailed("zlib compression failed with status \(status)") }
        return Array(output.prefix(Int(length)))
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
