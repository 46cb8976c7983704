/// Categorical colours: matplotlib's tab10, the default cycle for series and classes.
public enum Palette {
    /// The ten tab10 colours in their usual order.
    public static let tab10: [Color] = [
        0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD,
        0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF,
    ].map { Color(hex: $0) }

    /// The colour of category `index` (cycling after ten).
    public static func category(_ index: Int) -> Color {
        tab10[((index % tab10.count) + tab10.count) % tab10.count]
    }
}
