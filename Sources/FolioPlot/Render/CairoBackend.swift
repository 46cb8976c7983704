import CCairo
import Foundation

/// Draws primitives on any Cairo surface (image, SVG, PDF) with fixed antialiasing and
/// font options, so output depends only on the scene.
struct CairoBackend: RenderBackend {
    let context: OpaquePointer
    let faces: FontFaces

    init(context: OpaquePointer, faces: FontFaces) {
        self.context = context
        self.faces = faces
        cairo_set_antialias(context, CAIRO_ANTIALIAS_GRAY)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
        let options = FontFaces.makeOptions()
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    private func setSource(_ color: Color) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
    }

    private func trace(_ path: Path) {
        cairo_new_path(context)
        for element in path.elements {
            switch element {
            case let .move(p): cairo_move_to(context, p.x, p.y)
            case let .line(p): cairo_line_to(context, p.x, p.y)
            case .close: cairo_close_path(context)
            case let .circle(center, radius):
                cairo_new_sub_path(context)
                cairo_arc(context, center.x, center.y, radius, 0, 2 * Double.pi)
                cairo_close_path(context)
            case let .rect(rect): cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
            }
        }
    }

    mutating func fill(_ path: Path, color: Color) {
        trace(path)
        setSource(color)
        cairo_fill(context)
    }

    mutating func stroke(_ path: Path, style: StrokeStyle) {
        trace(path)
        setSource(style.color)
        cairo_set_line_width(context, style.widthPoints)
        cairo_set_dash(context, style.dash, Int32(style.dash.count), 0)
        cairo_stroke(context)
    }

    mutating func drawImage(_ image: RasterImage, in rect: Rect) {
        guard image.width > 0, image.height > 0, rect.width > 0, rect.height > 0,
              let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(image.width), Int32(image.height)),
              let data = cairo_image_surface_get_data(surface) else { return }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        // ARGB32: one native-endian, premultiplied 32-bit word per pixel.
        data.withMemoryRebound(to: UInt32.self, capacity: stride / 4 * image.height) { words in
            for row in 0..<image.height {
                for column in 0..<image.width {
                    let source = (row * image.width + column) * 4
                    let alpha = UInt32(image.rgba[source + 3])
                    func premultiplied(_ value: UInt8) -> UInt32 { (UInt32(value) * alpha + 127) / 255 }
                    words[row * stride / 4 + column] = (alpha << 24) | (premultiplied(image.rgba[source]) << 16)
                        | (premultiplied(image.rgba[source + 1]) << 8) | premultiplied(image.rgba[source + 2])
                }
            }
        }
        cairo_surface_mark_dirty(surface)
        cairo_save(context)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
        cairo_translate(context, rect.x, rect.y)
        cairo_scale(context, rect.width / Double(image.width), rect.height / Double(image.height))
        cairo_set_source_surface(context, surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_NEAREST)
        cairo_pattern_set_extend(cairo_get_source(context), CAIRO_EXTEND_PAD)
        cairo_paint(context)
        cairo_restore(context)
    }

    mutating func drawText(_ text: PlacedText) {
        cairo_save(context)
        cairo_translate(context, text.origin.x, text.origin.y)
        if text.rotated { cairo_rotate(context, -Double.pi / 2) }
        setSource(text.color)
        for run in text.runs {
            cairo_set_font_face(context, faces.face(bold: run.bold))
            cairo_set_font_size(context, run.sizePoints)
            cairo_move_to(context, run.dx, -run.rise)
            cairo_show_text(context, run.text)
        }
        cairo_restore(context)
    }

    mutating func setClip(_ rect: Rect?) {
        cairo_reset_clip(context)
        if let rect {
            cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
            cairo_clip(context)
        }
    }
}
