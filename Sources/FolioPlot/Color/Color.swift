/// An sRGB colour with straight (not premultiplied) alpha, components in [0, 1].
public struct Color: Equatable, Hashable, Sendable {
    /// Components in [0, 1].
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// A colour from a `0xRRGGBB` literal.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(red: Double((hex >> 16) & 0xFF) / 255,
                  green: Double((hex >> 8) & 0xFF) / 255,
                  blue: Double(hex & 0xFF) / 255,
                  alpha: alpha)
    }

    /// The same colour with another opacity.
    public func withAlpha(_ alpha: Double) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha)
    }

    /// Pure black and white.
    public static let black = Color(hex: 0x000000)
    public static let white = Color(hex: 0xFFFFFF)
    /// Axis lines, ticks and reference lines.
    static let ink = Color(hex: 0x262626)

    /// `#rrggbb` (or `#rrggbbaa` when translucent), as used in scene dumps.
    var hexString: String {
        func byte(_ v: Double) -> String {
            let b = Int((min(max(v, 0), 1) * 255).rounded())
            let digits = String(b, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }
        let rgb = "#" + byte(red) + byte(green) + byte(blue)
        return alpha < 1 ? rgb + byte(alpha) : rgb
    }

    /// Linear interpolation in sRGB between two colours.
    static func mix(_ a: Color, _ b: Color, _ t: Double) -> Color {
        Color(red: a.red + (b.red - a.red) * t,
              green: a.green + (b.green - a.green) * t,
              blue: a.blue + (b.blue - a.blue) * t,
              alpha: a.alpha + (b.alpha - a.alpha) * t)
    }
}
