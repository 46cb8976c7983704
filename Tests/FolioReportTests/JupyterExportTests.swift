import Foundation
import Testing
import FolioEngine
@testable import FolioReport

@Suite struct JupyterExportTests {
    /// The nbformat 4.5 schema, vendored from the `nbformat` package (BSD-3, see Schemas/).
    static func schema() throws -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Schemas/nbformat.v4.5.schema.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    private func exportedTour() throws -> [String: Any] {
        let source = try String(contentsOfFile: TourReportTests.tourPath, encoding: .utf8)
        let data = try JupyterExport.document(for: ReportFixtures.run(source, path: TourReportTests.tourPath))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func tourExportIsValidNbformat45() throws {
        let notebook = try exportedTour()
        let problems = JSONSchemaValidator(root: try Self.schema()).errors(in: notebook)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        let cells = try #require(notebook["cells"] as? [[String: Any]])
        let code = cells.filter { $0["cell_type"] as? String == "code" }
        #expect(code.count == 4)
        #expect(code.allSatisfy { ($0["metadata"] as? [String: Any])?["language"] as? String == "swift" })
        let outputs = code.flatMap { ($0["outputs"] as? [[String: Any]]) ?? [] }
        #expect(outputs.map { $0["output_type"] as? String ?? "" } == ["stream", "display_data", "display_data", "error", "stream"])
        let png = (outputs[1]["data"] as? [String: Any])?["image/png"] as? String
        #expect(png.flatMap { Data(base64Encoded: $0) }.map { Array($0.prefix(4)) } == [0x89, 0x50, 0x4E, 0x47])
    }

    @Test func validatorRejectsABrokenNotebook() throws {
        var notebook = try exportedTour()
        var cells = try #require(notebook["cells"] as? [[String: Any]])
        cells[1]["execution_count"] = nil
        cells[0]["cell_type"] = "prose"
        notebook["cells"] = cells
        let problems = JSONSchemaValidator(root: try Self.schema()).errors(in: notebook)
        #expect(problems.count >= 2, "\(problems)")
    }

    @Test func exportIsDeterministic() throws {
        let source = try String(contentsOfFile: TourReportTests.tourPath, encoding: .utf8)
        let first = try JupyterExport.document(for: ReportFixtures.run(source, path: TourReportTests.tourPath))
        let second = try JupyterExport.document(for: ReportFixtures.run(source, path: TourReportTests.tourPath))
        #expect(first == second)
    }
}
