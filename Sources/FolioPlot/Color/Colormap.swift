/// A continuous colour map: a value in [0, 1] to a colour, by linear interpolation
/// between evenly spaced anchor colours.
public struct Colormap: Equatable, Sendable {
    /// Short name, shown in scene dumps and alt text.
    public let name: String
    let anchors: [Color]

    /// A map through `anchors`, evenly spaced over [0, 1] (at least two).
    public init(name: String, anchors: [Color]) {
        self.name = name
        self.anchors = anchors.count >= 2 ? anchors : [.black, .white]
    }

    /// The colour at `t`, clamped to [0, 1].
    public func color(at t: Double) -> Color {
        let clamped = t.isNaN ? 0 : min(max(t, 0), 1)
        let position = clamped * Double(anchors.count - 1)
        let lower = min(Int(position), anchors.count - 2)
        return Color.mix(anchors[lower], anchors[lower + 1], position - Double(lower))
    }

    /// Perceptually uniform, colourblind-safe sequential map (matplotlib's default),
    /// sampled at eleven points from the published table.
    public static let viridis = Colormap(name: "viridis", anchors: [
        (0.267004, 0.004874, 0.329415), (0.282623, 0.140926, 0.457517),
        (0.253935, 0.265254, 0.529983), (0.206756, 0.371758, 0.553117),
        (0.163625, 0.471133, 0.558148), (0.127568, 0.566949, 0.550556),
        (0.134692, 0.658636, 0.517649), (0.266941, 0.748751, 0.440573),
        (0.477504, 0.821444, 0.318195), (0.741388, 0.873449, 0.149561),
        (0.993248, 0.906157, 0.143936),
    ].map { Color(red: $0.0, green: $0.1, blue: $0.2) })

    /// Sequential map optimised for colour-vision deficiency (Nuñez et al. 2018).
    public static let cividis = Colormap(name: "cividis", anchors: [
        0x00204D, 0x00336F, 0x39486B, 0x575C6D, 0x707173,
        0x8A8779, 0xA69D75, 0xC4B56C, 0xE4CF5B, 0xFFEA46,
    ].map { Color(hex: $0) })

    /// Diverging map for signed values (ColorBrewer RdBu, blue for negative, red for
    /// positive, near-white at the centre).
    public static let diverging = Colormap(name: "diverging", anchors: [
        0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7,
        0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B, 0x67001F,
    ].map { Color(hex: $0) })

    /// Black to white, for images.
    public static let gray = Colormap(name: "gray", anchors: [.black, .white])

    /// White (0) to black (1), for ink-on-paper images such as digits.
    public static let grayInverted = Colormap(name: "gray-inverted", anchors: [.white, .black])
}
