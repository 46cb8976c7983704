/// One plot area of a figure: marks drawn against an x and a y axis.
public struct Panel: Equatable, Sendable {
    public var title: String?
    public var x: Axis
    public var y: Axis
    /// Drawn in order, later marks on top.
    public var marks: [Mark]
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
