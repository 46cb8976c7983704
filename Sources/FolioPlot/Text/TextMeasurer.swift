import CCairo

/// Size of a piece of text in points: advance width and the font's ascent and descent.
struct TextSize: Equatable, Sendable {
    var width: Double
    var ascent: Double
    var descent: Double
    var height: Double { ascent + descent }
}

/// Style of a text element.
struct TextStyle: Equatable, Sendable {
    var sizePoints: Double
    var bold: Bool = false
    var color: Color = .ink
}

/// Horizontal and vertical anchoring of text relative to a point.
enum HorizontalAnchor: Sendable { case left, center, right }
enum VerticalAnchor: Sendable { case top, center, bottom }

/// Measures and places text with the real DejaVu Sans metrics (FreeType through Cairo).
/// One measurer serves one render; it remembers the runs it measured, because layout
/// measures the same tick labels on every pass.
struct TextMeasurer {
    let faces: FontFaces
    private let cache = RunCache()

    init() throws {
        faces = try FontFaces.shared.get()
    }

    /// Measured runs and the scaled fonts that measured them.
    private final class RunCache {
        struct Key: Hashable {
            let text: String
            let sizePoints: Double
            let bold: Bool
        }

        var sizes: [Key: TextSize] = [:]
        var fonts: [Key: OpaquePointer] = [:]

        deinit { fonts.values.forEach { cairo_scaled_font_destroy($0) } }
    }

    /// Advance width of a single run and the font's vertical extents, in points.
    func measureRun(_ text: String, sizePoints: Double, bold: Bool) -> TextSize {
        let key = RunCache.Key(text: text, sizePoints: sizePoints, bold: bold)
        if let known = cache.sizes[key] { return known }
        let scaled = scaledFont(sizePoints: sizePoints, bold: bold)
        var fontExtents = cairo_font_extents_t()
        cairo_scaled_font_extents(scaled, &fontExtents)
        var textExtents = cairo_text_extents_t()
        if !text.isEmpty { cairo_scaled_font_text_extents(scaled, text, &textExtents) }
        let size = TextSize(width: textExtents.x_advance, ascent: fontExtents.ascent, descent: fontExtents.descent)
        cache.sizes[key] = size
        return size
    }

    private func scaledFont(sizePoints: Double, bold: Bool) -> OpaquePointer? {
        let key = RunCache.Key(text: "", sizePoints: sizePoints, bold: bold)
        if let known = cache.fonts[key] { return known }
        var fontMatrix = cairo_matrix_t()
        var identity = cairo_matrix_t()
        cairo_matrix_init_scale(&fontMatrix, sizePoints, sizePoints)
        cairo_matrix_init_identity(&identity)
        let options = FontFaces.makeOptions()
        defer { cairo_font_options_destroy(options) }
        let scaled = cairo_scaled_font_create(faces.face(bold: bold), &fontMatrix, &identity, options)
        cache.fonts[key] = scaled
        return scaled
    }

    /// Size of rich text: runs side by side; sub/superscripts may extend the extents.
    func measure(_ text: RichText, style: TextStyle) -> TextSize {
        let base = measureRun("", sizePoints: style.sizePoints, bold: style.bold)
        var total = TextSize(width: 0, ascent: base.ascent, descent: base.descent)
        for run in text.runs {
            let size = measureRun(run.text, sizePoints: style.sizePoints * run.level.scale, bold: style.bold)
            let rise = run.level.rise * style.sizePoints
            total.width += size.width
            total.ascent = max(total.ascent, size.ascent + rise)
            total.descent = max(total.descent, size.descent - rise)
        }
        return total
    }

    /// Places `text` so that its box is anchored at `point`; returns the drawable text
    /// and the box it occupies (rotated boxes for `rotated` text, which reads bottom-up).
    func place(_ text: RichText, style: TextStyle, at point: Point,
               horizontal: HorizontalAnchor, vertical: VerticalAnchor, rotated: Bool = false) -> (PlacedText, Rect) {
        let size = measure(text, style: style)
        // Offsets along the text's own reading direction (u) and its up direction (v).
        let uStart: Double
        switch horizontal {
        case .left: uStart = 0
        case .center: uStart = -size.width / 2
        case .right: uStart = -size.width
        }
        let baselineAbove: Double  // distance from anchor to baseline, measured "down" the text
        switch vertical {
        case .top: baselineAbove = size.ascent
        case .center: baselineAbove = (size.ascent - size.descent) / 2
        case .bottom: baselineAbove = -size.descent
        }
        var runs: [PlacedRun] = []
        var advance = 0.0
        for run in text.runs {
            let runSize = style.sizePoints * run.level.scale
            runs.append(PlacedRun(text: run.text, dx: advance, rise: run.level.rise * style.sizePoints,
                                  sizePoints: runSize, bold: style.bold))
            advance += measureRun(run.text, sizePoints: runSize, bold: style.bold).width
        }
        let origin: Point
        let box: Rect
        if rotated {
            // Reading upwards: u runs towards -y, "down" the text runs towards -x.
            origin = Point(x: point.x + baselineAbove, y: point.y - uStart)
            box = Rect(x: origin.x - size.ascent, y: origin.y - size.width, width: size.height, height: size.width)
        } else {
            origin = Point(x: point.x + uStart, y: point.y + baselineAbove)
            box = Rect(x: origin.x, y: origin.y - size.ascent, width: size.width, height: size.height)
        }
        return (PlacedText(runs: runs, origin: origin, rotated: rotated, color: style.color), box)
    }
}
