/// Anything a panel can draw. Build marks with their own types, e.g.
/// `.line(LineMark(x: epochs, y: loss, label: "VAE"))`.
public enum Mark: Equatable, Sendable {
    case line(LineMark)
    case band(BandMark)
    case scatter(ScatterMark)
    case bars(BarMark)
    case heatmap(HeatmapMark)
    case histogram(HistogramMark)
    case imageGrid(ImageGridMark)
    case rule(RuleMark)
    case text(TextMark)

    var drawable: any DrawableMark {
        switch self {
        case let .line(mark): return mark
        case let .band(mark): return mark
        case let .scatter(mark): return mark
        case let .bars(mark): return mark
        case let .heatmap(mark): return mark
        case let .histogram(mark): return mark
        case let .imageGrid(mark): return mark
        case let .rule(mark): return mark
        case let .text(mark): return mark
        }
    }
}
