import Foundation
import Testing
@testable import FolioPlot

/// `FOLIO_PLOT_GALLERY=/some/dir swift test --filter Gallery` writes every fixture as a PNG
/// for looking at; without the variable the test only checks that each renders.
@Test func galleryRendersEveryFixture() throws {
    let directory = ProcessInfo.processInfo.environment["FOLIO_PLOT_GALLERY"]
    let extra: [(name: String, figure: Figure)] = [
        ("small-multiples", Fixtures.smallMultiples), ("long-labels", Fixtures.longLabels), ("mixed-panels", Fixtures.mixedPanels),
    ]
    for (name, figure) in Fixtures.all + extra {
        let png = try figure.renderPNG()
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        if let directory {
            try figure.write(to: URL(fileURLWithPath: directory).appendingPathComponent(name + ".png"), format: .png)
        }
    }
}
