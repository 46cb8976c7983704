import Foundation
import Testing
@testable import FolioPlot

/// Each mark's scene dump matches its reviewed golden text exactly.
@Test(arguments: Fixtures.all.map(\.name))
func sceneDumpMatchesGolden(name: String) throws {
    let figure = try #require(Fixtures.all.first { $0.name == name }?.figure)
    let dump = try figure.sceneDump()
    let stored = try Goldens.compareOrUpdate("\(name).scene.txt", current: Data(dump.utf8))
    let expected = try #require(stored.flatMap { String(data: $0, encoding: .utf8) },
                                "missing golden \(name).scene.txt; run with FOLIO_UPDATE_GOLDENS=1")
    if dump != expected {
        let current = dump.split(separator: "\n", omittingEmptySubsequences: false)
        let golden = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(current, golden).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(current.count, golden.count)
        Issue.record("""
            scene of \(name) differs from its golden at line \(line + 1):
              golden:  \(line < golden.count ? String(golden[line]) : "<end>")
              current: \(line < current.count ? String(current[line]) : "<end>")
            """)
    }
}

@Test func sceneDumpShowsEveryPrimitiveKind() throws {
    let dump = try Fixtures.heatmap.sceneDump()
    #expect(dump.contains("image 5x6 fnv="))
    #expect(dump.contains("stroke #ffffff w=1.25 M"))  // the contour
    #expect(dump.contains("text #262626 at"))
    #expect(dump.contains(" rot90 "))  // the y-axis and colorbar labels
    #expect(dump.contains("clip ["))
}
