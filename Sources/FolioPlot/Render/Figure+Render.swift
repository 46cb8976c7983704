import Foundation
import FolioMath

extension Figure {
    /// The output formats `write(to:format:)` understands.
    public enum Format: String, Sendable {
        case png, svg, pdf
    }

    /// The figure as PNG bytes at `scale` pixels per point (2 = high-density displays);
    /// drawing asks `stop` regularly whether to go on (it throws its `StopReason`).
    public func renderPNG(scale: Double = 2, stop: StopCheck = .never) throws -> [UInt8] {
        guard scale.isFinite, scale > 0, scale <= 16 else { throw PlotError.invalidFigure("PNG scale \(scale) is not in (0, 16]") }
        try CairoOutput.checkImageSize(width: widthPoints, height: heightPoints, scale: scale)
        let (scene, faces) = try makeScene()
        try stop()
        return try CairoOutput.png(scene, width: widthPoints, height: heightPoints, scale: scale, faces: faces, stop: stop)
    }

    /// Bytes rendering at `scale` holds at once: the ARGB image and about as much again
    /// for its PNG encoding (what a memory budget is checked against before drawing).
    public func renderingBytes(scale: Double = 2) -> Int {
        let pixels = (widthPoints * scale).rounded(.up) * (heightPoints * scale).rounded(.up)
        guard pixels.isFinite, pixels < 0x1p55 else { return .max }
        return Int(pixels) * 8
    }

    /// The figure as a standalone SVG document (text drawn as glyph outlines).
    public func renderSVG() throws -> [UInt8] {
        let (scene, faces) = try makeScene()
        return try CairoOutput.svg(scene, width: widthPoints, height: heightPoints, faces: faces)
    }

    /// The figure as a one-page PDF with a fixed creation date, so renders are byte-identical.
    public func renderPDF() throws -> [UInt8] {
        let (scene, faces) = try makeScene()
        return try CairoOutput.pdf(scene, width: widthPoints, height: heightPoints, faces: faces)
    }

    /// Every drawing primitive as one line of text (positions in points, rounded to 0.01):
    /// what golden tests compare.
    public func sceneDump() throws -> String {
        var recorder = RecordingBackend()
        try recorder.draw(try makeScene().scene)
        return recorder.text
    }

    /// Renders and writes the figure atomically (temporary file, then rename), so a reader
    /// never sees a partial file. PNGs use `scale` pixels per point.
    public func write(to url: URL, format: Format, scale: Double = 2) throws {
        let bytes: [UInt8]
        switch format {
        case .png: bytes = try renderPNG(scale: scale)
        case .svg: bytes = try renderSVG()
        case .pdf: bytes = try renderPDF()
        }
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw PlotError.writeFailed(path: url.path, message: (error as NSError).localizedDescription)
        }
    }

    func layout() throws -> FigureLayout {
        try FigureLayout.solve(self, measurer: TextMeasurer())
    }

    private func makeScene() throws -> (scene: [Primitive], faces: FontFaces) {
        let measurer = try TextMeasurer()
        let layout = try FigureLayout.solve(self, measurer: measurer)
        return (SceneBuilder(layout: layout, measurer: measurer).build(), measurer.faces)
    }
}
