/// A montage of equally sized greyscale images (e.g. 28×28 digits) on a grid,
/// drawn without axes at the images' own aspect ratio.
public struct ImageGridMark: Equatable, Sendable {
    /// Each image row by row from the top, `imageWidth × imageHeight` values.
    public var images: [[Double]]
    /// Width and height of every image, in pixels.
    public var imageWidth: Int
    public var imageHeight: Int
    /// Images per row; about square when nil.
    public var columns: Int?
    /// Maps pixel values (after `range`) to colours; grey by default.
    public var colormap: Colormap
    /// Value range mapped to the colour map; the range over all images when nil.
    public var range: ClosedRange<Double>?

    public init(images: [[Double]], imageWidth: Int, imageHeight: Int, columns: Int? = nil,
                colormap: Colormap = .gray, range: ClosedRange<Double>? = nil) {
        self.images = images
        self.imageWidth = imageWidth
        self.imageHeight = imageHeight
        self.columns = columns
        self.colormap = colormap
        self.range = range
    }

    /// Gap between images, in image pixels.
    static let gap = 1

    var gridColumns: Int {
        if let columns, columns > 0 { return min(columns, max(images.count, 1)) }
        var side = 1
        while side * side < images.count { side += 1 }
        return side
    }

    var gridRows: Int { (images.count + gridColumns - 1) / gridColumns }
    var montageWidth: Int { gridColumns * imageWidth + (gridColumns - 1) * Self.gap }
    var montageHeight: Int { gridRows * imageHeight + (gridRows - 1) * Self.gap }
}

extension ImageGridMark: DrawableMark {
    var kind: String { "image grid" }

    func validate() throws {
        if images.isEmpty { throw PlotError.invalidData(mark: kind, message: "no images given") }
        if imageWidth < 1 || imageHeight < 1 || imageWidth > 4096 || imageHeight > 4096 {
            throw PlotError.invalidData(mark: kind, message: "image size \(imageWidth)×\(imageHeight) must be between 1 and 4096 on a side")
        }
        for (index, image) in images.enumerated() {
            if image.count != imageWidth * imageHeight {
                throw PlotError.invalidData(
                    mark: kind, message: "image \(index) has \(image.count) values, expected \(imageWidth)×\(imageHeight) = \(imageWidth * imageHeight)")
            }
            try DataChecks.finite(image, mark: kind, field: "images[\(index)]")
        }
    }

    func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent {
        MarkExtent(x: Extent(range: 0...Double(montageWidth), tight: true),
                   y: Extent(range: 0...Double(montageHeight), tight: true))
    }

    var seriesRequests: [SeriesRequest] { [] }
    var preferredAspect: Double? { 1 }
    var hidesAxes: Bool { true }

    func occupiedPoints(in frame: PlotFrame) -> [(x: Double, y: Double)] { [] }

    func draw(in frame: PlotFrame, colors: [Color], measurer: TextMeasurer) -> [Primitive] {
        let resolved = ColorRange.resolve(range, values: images.flatMap { $0 })
        let width = montageWidth, height = montageHeight
        var rgba = [UInt8](repeating: 255, count: width * height * 4)
        for (index, image) in images.enumerated() {
            let left = (index % gridColumns) * (imageWidth + Self.gap)
            let top = (index / gridColumns) * (imageHeight + Self.gap)
            for row in 0..<imageHeight {
                for column in 0..<imageWidth {
                    let color = colormap.color(at: ColorRange.fraction(image[row * imageWidth + column], in: resolved))
                    let offset = ((top + row) * width + left + column) * 4
                    rgba.replaceSubrange(offset..<(offset + 4), with: color.rgbaBytes)
                }
            }
        }
        let topLeft = frame.point(0, Double(height)), bottomRight = frame.point(Double(width), 0)
        let rect = Rect(x: topLeft.x, y: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y)
        return [.image(RasterImage(width: width, height: height, rgba: rgba), rect)]
    }
}
