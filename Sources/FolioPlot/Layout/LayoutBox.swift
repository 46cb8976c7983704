/// One labelled rectangle of a solved layout; tests check that these stay inside the
/// canvas and do not overlap.
struct LayoutBox: Equatable, Sendable {
    enum Role: String, Sendable {
        case plotArea, tickLabel, axisLabel, panelTitle, figureTitle, legend, colorbar, colorbarTickLabel, colorbarLabel
    }

    let role: Role
    /// Index of the panel the box belongs to (nil for the figure title).
    let panel: Int?
    let rect: Rect
}

/// A piece of text placed by the layout, with its box.
struct LaidOutText: Sendable {
    let text: PlacedText
    let box: LayoutBox
}
