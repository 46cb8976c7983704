/// Sizes and styles of every decoration, in points.
enum Theme {
    static let margin = 8.0
    static let tickLabel = TextStyle(sizePoints: 9)
    static let axisLabel = TextStyle(sizePoints: 10)
    static let panelTitle = TextStyle(sizePoints: 11)
    static let figureTitle = TextStyle(sizePoints: 13, bold: true)
    static let legendText = TextStyle(sizePoints: 9)

    static let tickLength = 3.5
    static let minorTickLength = 2.0
    static let tickPad = 3.0
    static let labelPad = 5.0
    static let titlePad = 6.0
    static let spineWidth = 0.8
    static let columnGap = 14.0
    static let rowGap = 12.0
    static let colorbarGap = 8.0
    static let colorbarWidth = 11.0
    static let legendGap = 8.0
    static let legendPad = 5.0
    static let legendSwatchWidth = 18.0
    static let legendSwatchGap = 6.0
    static let legendRowGap = 3.0
    static let legendInset = 6.0
    /// Minimum free space between neighbouring tick labels.
    static let tickLabelGap = 6.0
    /// Preferred distance between major ticks along x and y.
    static let xTickSpacing = 62.0
    static let yTickSpacing = 42.0
    static let minimumPlotSize = 24.0
    /// Fraction of the data range added on each side of non-tight axes.
    static let dataMargin = 0.05
}
