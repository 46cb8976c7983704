import FolioMath

/// The renderer contract: a handful of path-centred operations, as in matplotlib.
/// Every mark, axis and legend is drawn through these.
protocol RenderBackend {
    mutating func fill(_ path: Path, color: Color)
    mutating func stroke(_ path: Path, style: StrokeStyle)
    mutating func drawImage(_ image: RasterImage, in rect: Rect)
    mutating func drawText(_ text: PlacedText)
    mutating func setClip(_ rect: Rect?)
}

extension RenderBackend {
    /// Replays a scene into this backend, asking `stop` every 256 primitives whether to go on.
    mutating func draw(_ scene: [Primitive], stop: StopCheck = .never) throws(StopReason) {
        for (index, primitive) in scene.enumerated() {
            if index & 255 == 0 { try stop() }
            switch primitive {
            case let .fill(path, color): fill(path, color: color)
            case let .stroke(path, style): stroke(path, style: style)
            case let .image(image, rect): drawImage(image, in: rect)
            case let .text(text): drawText(text)
            case let .clip(rect): setClip(rect)
            }
        }
    }
}
