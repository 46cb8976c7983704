import Testing
@testable import FolioPlot

/// Default colours: bands pair with the series they shade, labels share a colour, and a
/// new series never takes a colour a labelled series holds.
struct PaletteTests {
    private func colors(_ requests: [SeriesRequest]) -> [Color] {
        var palette = SeriesPalette()
        return requests.map { palette.color(for: $0) }
    }

    private let line = SeriesRequest(label: nil, color: nil)
    private let band = SeriesRequest(label: nil, color: nil, cycle: .shading)

    @Test func unlabelledBandsTakeTheColourOfTheirLineInEitherOrder() {
        let (c0, c1) = (Palette.category(0), Palette.category(1))
        #expect(colors([band, line, band, line]) == [c0, c0, c1, c1])
        #expect(colors([line, band, line, band]) == [c0, c0, c1, c1])
    }

    @Test func labelsShareAColourAndNewSeriesSkipIt() {
        let vaeBand = SeriesRequest(label: "VAE", color: nil, cycle: .shading)
        let vae = SeriesRequest(label: "VAE", color: nil), ae = SeriesRequest(label: "AE", color: nil)
        #expect(colors([vaeBand, vae, ae]) == [Palette.category(0), Palette.category(0), Palette.category(1)])
        let red = Color(red: 1, green: 0, blue: 0)
        let explicit = SeriesRequest(label: "fixed", color: red)
        #expect(colors([explicit, SeriesRequest(label: "fixed", color: nil), line]) == [red, red, Palette.category(0)])
    }
}
