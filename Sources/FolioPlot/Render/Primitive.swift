/// A drawing path in figure coordinates.
struct Path: Equatable, Sendable {
    enum Element: Equatable, Sendable {
        case move(Point)
        case line(Point)
        case close
        case circle(center: Point, radius: Double)
        case rect(Rect)
    }

    var elements: [Element] = []

    mutating func move(to point: Point) { elements.append(.move(point)) }
    mutating func line(to point: Point) { elements.append(.line(point)) }
    mutating func close() { elements.append(.close) }

    /// An open polyline through `points`.
    static func polyline(_ points: [Point]) -> Path {
        var path = Path()
        for (index, point) in points.enumerated() {
            if index == 0 { path.move(to: point) } else { path.line(to: point) }
        }
        return path
    }

    static func rect(_ rect: Rect) -> Path { Path(elements: [.rect(rect)]) }

    /// A straight segment.
    static func segment(_ a: Point, _ b: Point) -> Path { Path(elements: [.move(a), .line(b)]) }
}

/// Line dash patterns.
public enum LineDash: String, Equatable, Sendable, CaseIterable {
    case solid, dashed, dotted

    /// On/off lengths in points for a line of the given width.
    func pattern(width: Double) -> [Double] {
        switch self {
        case .solid: return []
        case .dashed: return [3.7 * width, 1.6 * width]
        case .dotted: return [1 * width, 1.65 * width]
        }
    }
}

/// How a path is stroked.
struct StrokeStyle: Equatable, Sendable {
    var color: Color
    var widthPoints: Double
    var dash: [Double] = []
}

/// An 8-bit RGBA raster (straight alpha), row by row from the top.
struct RasterImage: Equatable, Sendable {
    let width: Int
    let height: Int
    let rgba: [UInt8]
}

/// One run of text on a shared baseline, offset from its text's origin.
struct PlacedRun: Equatable, Sendable {
    let text: String
    /// Offset along the baseline direction from the origin.
    let dx: Double
    /// Baseline shift (positive = up, for superscripts).
    let rise: Double
    let sizePoints: Double
    let bold: Bool
}

/// Text ready to draw: runs relative to a baseline origin, optionally rotated a quarter
/// turn counter-clockwise (for y-axis labels).
struct PlacedText: Equatable, Sendable {
    let runs: [PlacedRun]
    let origin: Point
    let rotated: Bool
    let color: Color
}

/// What the scene builder emits and every backend draws.
enum Primitive: Equatable, Sendable {
    case fill(Path, Color)
    case stroke(Path, StrokeStyle)
    case image(RasterImage, Rect)
    case text(PlacedText)
    /// Restrict later primitives to a rectangle (nil lifts the restriction).
    case clip(Rect?)
}
