import Foundation
import Testing
import FolioEngine
@testable import FolioReport

@Suite struct TemplateSetTests {
    /// A copy of the default templates in a temporary folder.
    private func copyOfDefaultTemplates() throws -> URL {
        let folder = ReportFixtures.temporaryDirectory().appendingPathComponent("my-template")
        try FileManager.default.copyItem(at: ReportFixtures.templatesFolder, to: folder)
        return folder
    }

    @Test func aNotebookCanUseItsOwnTemplate() throws {
        let folder = try copyOfDefaultTemplates()
        let report = folder.appendingPathComponent("report.html")
        let original = try String(contentsOf: report, encoding: .utf8)
        try original.replacing("<main>", with: "<main class=\"house-style\">").write(to: report, atomically: true, encoding: .utf8)
        let result = ReportFixtures.run(ReportFixtures.source(cells: ["print(1)"]))
        let page = try Report.page(
            for: result, provenance: ReportFixtures.provenance, templates: try TemplateSet(folder: folder), resources: .linked)
        #expect(page.html.contains("<main class=\"house-style\">"))
        #expect(!page.usesMath && !page.html.contains("katex"))
    }

    @Test func aMissingPartialIsAnErrorNamingTheFile() throws {
        let folder = try copyOfDefaultTemplates()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("figure.mustache"))
        let error = #expect(throws: ReportError.self) { try TemplateSet(folder: folder) }
        #expect(error?.description.hasPrefix(folder.appendingPathComponent("figure.mustache").path + ": error: template file not found") == true)
    }

    @Test func aMustacheSyntaxErrorNamesTheFile() throws {
        let folder = try copyOfDefaultTemplates()
        try "{{#blocks}} unclosed".write(to: folder.appendingPathComponent("toc.mustache"), atomically: true, encoding: .utf8)
        let error = #expect(throws: ReportError.self) { try TemplateSet(folder: folder) }
        #expect(error?.description.hasPrefix(folder.appendingPathComponent("toc.mustache").path + ": error:") == true)
    }
}
