import CCairo

/// DejaVu Sans (regular and bold) loaded from its files through FreeType, once per process.
///
/// Faces are created with `cairo_ft_font_face_create_for_ft_face`, never looked up by name,
/// so every machine with fonts-dejavu-core draws the same glyphs. Cairo serialises access
/// to the FreeType faces internally, so the faces may be used from several threads.
final class FontFaces: @unchecked Sendable {
    static let directory = "/usr/share/fonts/truetype/dejavu"
    static let regularPath = directory + "/DejaVuSans.ttf"
    static let boldPath = directory + "/DejaVuSans-Bold.ttf"

    let regular: OpaquePointer
    let bold: OpaquePointer

    private init(regular: OpaquePointer, bold: OpaquePointer) {
        self.regular = regular
        self.bold = bold
    }

    /// The process-wide faces, or the reason they could not be loaded.
    static let shared: Result<FontFaces, PlotError> = load()

    private static func load() -> Result<FontFaces, PlotError> {
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else {
            return .failure(.fontUnavailable(path: regularPath, message: "FreeType failed to initialise"))
        }
        do {
            return .success(FontFaces(regular: try face(library, regularPath), bold: try face(library, boldPath)))
        } catch {
            return .failure(error)
        }
    }

    private static func face(_ library: FT_Library, _ path: String) throws(PlotError) -> OpaquePointer {
        var ftFace: FT_Face?
        let status = FT_New_Face(library, path, 0, &ftFace)
        guard status == 0, let ftFace else {
            throw PlotError.fontUnavailable(path: path, message: "FreeType error \(status) (is fonts-dejavu-core installed?)")
        }
        guard let face = cairo_ft_font_face_create_for_ft_face(ftFace, 0),
              cairo_font_face_status(face) == CAIRO_STATUS_SUCCESS else {
            throw PlotError.fontUnavailable(path: path, message: "cairo could not wrap the FreeType face")
        }
        return face
    }

    func face(bold isBold: Bool) -> OpaquePointer { isBold ? bold : regular }

    /// Fixed rasterisation options: greyscale antialiasing, no hinting, unhinted metrics,
    /// so text looks and measures the same at every scale and on every machine.
    static func makeOptions() -> OpaquePointer? {
        let options = cairo_font_options_create()
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_subpixel_order(options, CAIRO_SUBPIXEL_ORDER_DEFAULT)
        return options
    }
}
