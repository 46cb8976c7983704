/// Where a panel's legend goes.
public enum LegendPosition: String, Equatable, Sendable, CaseIterable {
    /// Inside the plot area, in the corner that covers the least data.
    case best
    /// To the right of the plot area, outside it.
    case outside
    /// No legend.
    case hidden
}
