/// Legend geometry: the box size for a list of entries, the row positions inside it, and
/// the inside corner that covers the fewest data points.
struct LegendLayout {
    let measurer: TextMeasurer

    var rowHeight: Double { measurer.measure(RichText(plain: "Ag"), style: Theme.legendText).height }

    func size(of entries: [LegendEntry]) -> (width: Double, height: Double)? {
        guard !entries.isEmpty else { return nil }
        let widest = entries.map { measurer.measure(TeXLabel.parse($0.label), style: Theme.legendText).width }.max() ?? 0
        let count = Double(entries.count)
        return (2 * Theme.legendPad + Theme.legendSwatchWidth + Theme.legendSwatchGap + widest,
                2 * Theme.legendPad + count * rowHeight + (count - 1) * Theme.legendRowGap)
    }

    /// Vertical centre of row `index` in a legend box.
    func rowCenterY(_ index: Int, in box: Rect) -> Double {
        box.minY + Theme.legendPad + Double(index) * (rowHeight + Theme.legendRowGap) + rowHeight / 2
    }

    /// The candidate position inside `plot` covering the fewest `points` (figure coordinates);
    /// ties go to the earlier candidate: upper right, upper left, lower right, lower left,
    /// then the middles of the right and left edges and of the top and bottom.
    /// `covered` is how many points that position still hides (0: a free spot was found).
    func bestPlacement(size: (width: Double, height: Double), in plot: Rect, avoiding points: [Point]) -> (rect: Rect, covered: Int) {
        let inset = Theme.legendInset
        let left = plot.minX + inset, right = plot.maxX - inset - size.width
        let top = plot.minY + inset, bottom = plot.maxY - inset - size.height
        let midX = plot.midX - size.width / 2, midY = plot.midY - size.height / 2
        let origins = [(right, top), (left, top), (right, bottom), (left, bottom),
                       (right, midY), (left, midY), (midX, top), (midX, bottom)]
        let candidates = origins.map { Rect(x: $0.0, y: $0.1, width: size.width, height: size.height) }
        var best = candidates[0]
        var fewest = Int.max
        for candidate in candidates {
            let padded = candidate.insetBy(-2)
            let covered = points.reduce(0) { $0 + (padded.contains($1) ? 1 : 0) }
            if covered < fewest {
                fewest = covered
                best = candidate
            }
        }
        return (best, fewest == Int.max ? 0 : fewest)
    }
}
