import Testing
import FolioPlot
@testable import FolioEngine

/// `folio functions` documents every built-in, enumeration and record type, and speaks for
/// itself: no documentation cites a file a user does not have.
@Suite struct BuiltinDocumentationTests {
    @Test func noDocumentationCitesARepositoryFile() {
        let registry = BuiltinRegistry.standard
        var texts: [(name: String, text: String)] = []
        for builtin in registry.modules.flatMap({ $0.functions + $0.methods + $0.properties }) {
            texts.append((builtin.name, builtin.documentation))
        }
        for record in registry.records.values {
            texts += [(record.name, record.doc)] + record.fields.map { (record.name, $0.doc) }
        }
        for enumeration in registry.enumerations.values {
            texts += enumeration.cases.map { (enumeration.name, $0.summary) }
        }
        for (name, text) in texts {
            #expect(!["PAPER.md", "DESIGN.md", ".md", ".swift"].contains { text.contains($0) }, "\(name): \(text)")
        }
    }

    @Test func anOptionDecodesItsCasesAndRefusesOthers() throws {
        #expect(try LineDash(.enumCase(type: nil, name: "dashed")) == .dashed)
        #expect(try LatentPenaltyOption(.enumCase(type: "LatentPenalty", name: "l1")).model(weight: 2) == .l1(weight: 2))
        do {
            _ = try LineDash(.enumCase(type: nil, name: "dotty"))
            Issue.record("'.dotty' decoded")
        } catch let error as BuiltinError {
            #expect(error.message == "type 'LineDash' has no case '.dotty'")
            #expect(error.hint == "cases are .solid, .dashed, .dotted")
        }
    }

    @Test func anEnumerationListsItsCasesOneLineEach() {
        #expect(BuiltinDocumentation.render(registry: .standard, name: "LatentPenalty") == """
            enum LatentPenalty

              .none  No penalty.
              .l2    penaltyWeight · ‖μz‖² per sample.
              .l1    penaltyWeight · ‖μz‖₁ per sample.

            Taken by: trainVAE(…), trainAE(…).
            """)
    }

    @Test func aRecordListsItsFieldsWithTypesOneLineEach() throws {
        let text = try #require(BuiltinDocumentation.render(registry: .standard, name: "SVD"))
        #expect(text == """
            record SVD

            A thin singular value decomposition a = u · diag(singularValues) · vt.

              u: Matrix                 Left singular vectors (rows × k).
              singularValues: [Double]  Singular values, largest first.
              vt: Matrix                Right singular vectors, transposed (k × columns).

            Returned by: svd(…).
            """)
    }

    @Test func aBuiltinReturningARecordListsItsFields() throws {
        let text = try #require(BuiltinDocumentation.render(registry: .standard, name: "svd"))
        #expect(text.hasSuffix("""
            Returns SVD:
              u: Matrix                 Left singular vectors (rows × k).
              singularValues: [Double]  Singular values, largest first.
              vt: Matrix                Right singular vectors, transposed (k × columns).
            """))
    }

    @Test func theListingHasALinePerEnumerationAndRecord() throws {
        let lines = try #require(BuiltinDocumentation.render(registry: .standard, name: nil)).split(separator: "\n")
        let registry = BuiltinRegistry.standard
        #expect(lines.filter { $0.hasPrefix("enum ") }.count == registry.enumerations.count)
        #expect(lines.filter { $0.hasPrefix("record ") }.count == registry.records.count)
        #expect(lines.contains("record       SVD: u, singularValues, vt"))
        #expect(BuiltinDocumentation.render(registry: registry, name: "NoSuchType") == nil)
    }
}
