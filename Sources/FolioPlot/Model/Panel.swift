/// One plot area of a figure: marks drawn against an x and a y axis.
public struct Panel: Equatable, Sendable {
    /// Title above the plot area (TeX-style math allowed).
    public var title: String?
    /// The horizontal and vertical axes.
    public var x: Axis
    public var y: Axis
    /// Drawn in order, later marks on top.
    public var marks: [Mark]
    /// Where the legend goes (legend rows come from labelled marks).
    public var legend: LegendPosition

    public init(title: String? = nil, x: Axis = Axis(), y: Axis = Axis(),
                marks: [Mark], legend: LegendPosition = .best) {
        self.title = title
        self.x = x
        self.y = y
        self.marks = marks
        self.legend = legend
    }
}
