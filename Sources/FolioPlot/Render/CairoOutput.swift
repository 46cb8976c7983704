import CCairo
import Foundation
import FolioMath

/// Encodes a scene with Cairo as PNG, SVG or PDF bytes.
enum CairoOutput {
    /// Collects the bytes Cairo writes to a stream.
    private final class ByteSink {
        var bytes: [UInt8] = []
    }

    private static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }

    /// Cairo images are at most 32767 pixels on a side.
    static func checkImageSize(width: Double, height: Double, scale: Double) throws {
        guard width * scale <= 32767, height * scale <= 32767 else {
            throw PlotError.invalidFigure("\(width)×\(height) points at scale \(scale) exceeds 32767 pixels on a side")
        }
    }

    static func png(
        _ scene: [Primitive], width: Double, height: Double, scale: Double, faces: FontFaces, stop: StopCheck = .never
    ) throws -> [UInt8] {
        try checkImageSize(width: width, height: height, scale: scale)
        let pixelWidth = Int32((width * scale).rounded(.up)), pixelHeight = Int32((height * scale).rounded(.up))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixelWidth, pixelHeight) else {
            throw PlotError.renderFailed("cannot create a \(pixelWidth)×\(pixelHeight) image")
        }
        defer { cairo_surface_destroy(surface) }
        try draw(scene, on: surface, scale: scale, faces: faces, stop: stop)
        cairo_surface_flush(surface)
        try stop()
        guard let data = cairo_image_surface_get_data(surface) else { throw PlotError.renderFailed("the image has no pixels") }
        let wordsPerRow = Int(cairo_image_surface_get_stride(surface)) / 4
        return try data.withMemoryRebound(to: UInt32.self, capacity: wordsPerRow * Int(pixelHeight)) { words in
            try PNGEncoder.encode(words: words, width: Int(pixelWidth), height: Int(pixelHeight), wordsPerRow: wordsPerRow)
        }
    }

    static func svg(_ scene: [Primitive], width: Double, height: Double, faces: FontFaces) throws -> [UInt8] {
        let sink = ByteSink()
        try withExtendedLifetime(sink) {
            guard let surface = cairo_svg_surface_create_for_stream(write, Unmanaged.passUnretained(sink).toOpaque(), width, height)
            else { throw PlotError.renderFailed("cannot create an SVG surface") }
            defer { cairo_surface_destroy(surface) }
            cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
            try draw(scene, on: surface, scale: 1, faces: faces)
            cairo_surface_finish(surface)
            try check(cairo_surface_status(surface), "SVG encoding")
        }
        return SVGIdentifiers.normalize(sink.bytes)
    }

    static func pdf(_ scene: [Primitive], width: Double, height: Double, faces: FontFaces) throws -> [UInt8] {
        let sink = ByteSink()
        try withExtendedLifetime(sink) {
            guard let surface = cairo_pdf_surface_create_for_stream(write, Unmanaged.passUnretained(sink).toOpaque(), width, height)
            else { throw PlotError.renderFailed("cannot create a PDF surface") }
            defer { cairo_surface_destroy(surface) }
            // A fixed creation date keeps two renders byte-identical.
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z")
            try draw(scene, on: surface, scale: 1, faces: faces)
            cairo_surface_finish(surface)
            try check(cairo_surface_status(surface), "PDF encoding")
        }
        return sink.bytes
    }

    private static func draw(
        _ scene: [Primitive], on surface: OpaquePointer, scale: Double, faces: FontFaces, stop: StopCheck = .never
    ) throws {
        guard let context = cairo_create(surface) else { throw PlotError.renderFailed("cannot create a Cairo context") }
        defer { cairo_destroy(context) }
        cairo_scale(context, scale, scale)
        var backend = CairoBackend(context: context, faces: faces)
        try backend.draw(scene, stop: stop)
        try check(cairo_status(context), "drawing")
    }

    private static func check(_ status: cairo_status_t, _ stage: String) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PlotError.renderFailed("\(stage): \(String(cString: cairo_status_to_string(status)))")
        }
    }
}
