import Foundation

/// A backend that writes each primitive as one line of text, for golden tests: numbers
/// rounded to 0.01 pt, colours as hex, images by size and an FNV-1a hash of their pixels.
struct RecordingBackend: RenderBackend {
    private(set) var lines: [String] = []

    var text: String { lines.joined(separator: "\n") + "\n" }

    mutating func fill(_ path: Path, color: Color) {
        lines.append("fill \(color.hexString) \(Self.describe(path))")
    }

    mutating func stroke(_ path: Path, style: StrokeStyle) {
        let dash = style.dash.isEmpty ? "" : " dash=" + style.dash.map(Self.number).joined(separator: ",")
        lines.append("stroke \(style.color.hexString) w=\(Self.number(style.widthPoints))\(dash) \(Self.describe(path))")
    }

    mutating func drawImage(_ image: RasterImage, in rect: Rect) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in image.rgba { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        lines.append("image \(image.width)x\(image.height) fnv=\(String(hash, radix: 16)) in \(Self.describe(rect))")
    }

    mutating func drawText(_ text: PlacedText) {
        let runs = text.runs.map { run in
            "\"\(run.text)\"@\(Self.number(run.dx)),\(Self.number(run.rise)) \(Self.number(run.sizePoints))pt\(run.bold ? " bold" : "")"
        }.joined(separator: " + ")
        lines.append("text \(text.color.hexString) at \(Self.describe(text.origin))\(text.rotated ? " rot90" : "") \(runs)")
    }

    mutating func setClip(_ rect: Rect?) {
        lines.append(rect.map { "clip \(Self.describe($0))" } ?? "clip none")
    }

    static func number(_ value: Double) -> String {
        let text = String(format: "%.2f", value)
        return text == "-0.00" ? "0.00" : text
    }

    static func describe(_ point: Point) -> String { "\(number(point.x)),\(number(point.y))" }

    static func describe(_ rect: Rect) -> String {
        "[\(number(rect.x)),\(number(rect.y)) \(number(rect.width))x\(number(rect.height))]"
    }

    static func describe(_ path: Path) -> String {
        path.elements.map { element in
            switch element {
            case let .move(p): return "M" + describe(p)
            case let .line(p): return "L" + describe(p)
            case .close: return "Z"
            case let .circle(center, radius): return "C" + describe(center) + "r" + number(radius)
            case let .rect(rect): return "R" + describe(rect)
            }
        }.joined(separator: " ")
    }
}
