import Foundation
import Testing
@testable import FolioReport

@Suite struct ProvenanceProbeTests {
    @Test func readsTheCommitOfARepositoryAndNothingOutsideOne() {
        let repository = ReportFixtures.templatesFolder.deletingLastPathComponent()
        let inside = GitStatusProbe(folder: repository).result()
        #expect(inside.commit?.count == 40 && inside.commit?.allSatisfy(\.isHexDigit) == true, "\(String(describing: inside.commit))")
        let outside = GitStatusProbe(folder: ReportFixtures.temporaryDirectory()).result()
        #expect(outside.commit == nil && !outside.dirty)
    }

    @Test func describesTheMachine() {
        let provenance = ProvenanceProbe.collect(
            notebookPath: "/tmp/x.md", git: GitStatusProbe(folder: ReportFixtures.temporaryDirectory()), mode: "quick",
            wallSeconds: 1, inputFiles: ["a": "b"])
        #expect(provenance.operatingSystem.contains("Linux"))
        #expect(provenance.cpu.hasSuffix("cores"))
        #expect(provenance.mode == "quick" && provenance.inputFiles == ["a": "b"])
    }
}
