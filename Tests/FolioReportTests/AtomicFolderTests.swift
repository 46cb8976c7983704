import Foundation
import Testing
@testable import FolioReport

/// The report folder swap: killed after any step, a complete report (old or new) remains
/// or is restored by the next replace, and no temporary is left behind for good.
@Suite struct AtomicFolderTests {
    private let manager = FileManager.default

    private func folder(_ version: String) throws -> (parent: URL, target: URL) {
        let parent = ReportFixtures.temporaryDirectory()
        let target = parent.appendingPathComponent("report")
        try manager.createDirectory(at: target, withIntermediateDirectories: true)
        try Data(version.utf8).write(to: target.appendingPathComponent("index.html"))
        return (parent, target)
    }

    private func content(_ target: URL) -> String? {
        (try? Data(contentsOf: target.appendingPathComponent("index.html"))).map { String(decoding: $0, as: UTF8.self) }
    }

    private func hidden(_ parent: URL) throws -> [String] {
        try manager.contentsOfDirectory(atPath: parent.path).filter { $0.hasPrefix(".") }
    }

    private func write(_ version: String) -> (URL) throws -> Void {
        { try Data(version.utf8).write(to: $0.appendingPathComponent("index.html")) }
    }

    @Test(arguments: [true, false])
    func aKillAfterAnyStepLeavesAReport(exchange: Bool) throws {
        for step in AtomicFolder.Step.allCases {
            let (parent, target) = try folder("old")
            try AtomicFolder.replace(target, exchange: exchange, stoppingAfter: step, fill: write("new"))
            let atKill = content(target)
            if exchange || step != .swapped {
                #expect(atKill == "old" || atKill == "new", "\(step): \(atKill ?? "no report")")
            }
            // The next replace repairs and cleans up, then swaps in its own content.
            try AtomicFolder.replace(target, exchange: exchange, fill: write("next"))
            #expect(content(target) == "next", "\(step)")
            let leftovers = try hidden(parent)
            #expect(leftovers.isEmpty, "\(step): \(leftovers)")
        }
    }

    @Test func aKillBetweenTheFallbackRenamesIsRepaired() throws {
        let (parent, target) = try folder("old")
        try AtomicFolder.replace(target, exchange: false, stoppingAfter: .swapped, fill: write("new"))
        #expect(content(target) == nil)
        #expect(try AtomicFolder.removeLeftovers(in: parent).count == 1)
        #expect(content(target) == "old")
        #expect(try hidden(parent).isEmpty)
    }

    @Test func cleanRemovesStaleTemporaries() throws {
        let (parent, target) = try folder("old")
        try AtomicFolder.replace(target, stoppingAfter: .filled, fill: write("new"))
        try manager.createDirectory(at: parent.appendingPathComponent(".cache"), withIntermediateDirectories: true)
        #expect(try hidden(parent).count == 2)
        #expect(try AtomicFolder.removeLeftovers(in: parent).count == 1)
        #expect(try hidden(parent) == [".cache"])
        #expect(content(target) == "old")
    }

    @Test func userFilesInTheReportFolderAreKept() throws {
        let (_, target) = try folder("old")
        try Data("{}".utf8).write(to: target.appendingPathComponent("report.ipynb"))
        try manager.createDirectory(at: target.appendingPathComponent("figures"), withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: target.appendingPathComponent("figures/gone.png"))
        try AtomicFolder.replace(target, owned: ReportWriter.ownedNames, fill: write("new"))
        #expect(content(target) == "new")
        #expect(manager.fileExists(atPath: target.appendingPathComponent("report.ipynb").path))
        #expect(!manager.fileExists(atPath: target.appendingPathComponent("figures").path))
    }

    @Test func leftoverNamesAreRecognised() {
        let uuid = UUID().uuidString
        #expect(AtomicFolder.targetName(ofLeftover: ".report.tmp-\(uuid)") == "report")
        #expect(AtomicFolder.targetName(ofLeftover: ".a.b.old-\(uuid)") == "a.b")
        #expect(AtomicFolder.targetName(ofLeftover: ".cache") == nil)
        #expect(AtomicFolder.targetName(ofLeftover: ".report.tmp-not-a-uuid-at-all-but-long-enough-x") == nil)
    }
}
