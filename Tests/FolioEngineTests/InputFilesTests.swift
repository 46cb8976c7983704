import Foundation
import Testing
import FolioNotebook
@testable import FolioEngine

@Suite struct InputFilesTests {
    /// The files a cell read, with their hashes, are reported whether the cell ran or was
    /// reused from the cache: the report's provenance lists them.
    @Test func filesReadAreReportedWhenRunAndWhenCached() throws {
        let folder = TestSupport.temporaryDirectory()
        try "a,b\n1,2\n".write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent("nb.md").path
        let (notebook, diagnostics) = Notebook.parse(source: TestSupport.source(cells: ["readCSV(\"data.csv\").rows"]), path: path)
        #expect(diagnostics.isEmpty)
        let options = RunOptions(cacheDirectory: folder.appendingPathComponent("cache"))
        let expected = ["data.csv": ContentHash.sha256(Data("a,b\n1,2\n".utf8))]
        let first = Engine.run(notebook, options: options)
        #expect(first.cells.first?.status == .ran)
        #expect(first.cells.first?.inputFiles == expected)
        let second = Engine.run(notebook, options: options)
        #expect(second.cells.first?.status == .cached)
        #expect(second.cells.first?.inputFiles == expected)
    }
}
