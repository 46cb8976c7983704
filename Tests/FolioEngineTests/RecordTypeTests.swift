import Testing
import FolioNotebook
@testable import FolioEngine

/// Every built-in that returns a record fills each field its `RecordType` declares.
@Suite struct RecordTypeTests {
    /// A record type and a cell expression that makes one (over `X`, 40 × 6).
    static let makers: [(RecordType, String)] = [
        (.svd, "svd(X)"), (.pca, "pca(X, rank: 2)"), (.ppca, "ppca(X, rank: 2, method: .em)"), (.pcp, "pcp(X)"),
        (.linearGaussianData, "linearGaussian(rows: 20, cols: 4, rank: 2, noiseVariance: 0.1)"),
        (.corruptedData, "corruptEntries(X, ratio: 0.1)"),
        (.manifoldData, "reluManifold(samples: 10, latent: 2, hidden: [8], output: 5)"),
        (.supportRecovery, "supportRecovery(X, X)"),
        (.vaeResult, "trainVAE(X, latent: 2, epochs: 2, batchSize: 20)"),
    ]

    @Test(arguments: makers.map(\.0.name))
    func everyDeclaredFieldIsFilled(_ name: String) throws {
        let (type, maker) = try #require(Self.makers.first { $0.0.name == name })
        let shown = type.fields.map { "\"\\(r.\($0.name))\"" }.joined(separator: ", ")
        let outcome = TestSupport.run("let X = randomNormal(rows: 40, columns: 6)\nlet r = \(maker)\n[\(shown)].contains(\"()\")")
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map(\.rendered))")
        #expect(outcome.error == nil, "\(outcome.error?.rendered ?? "")")
        #expect(outcome.value == "false")
    }

    @Test func aFieldMissingFromTheValuesShowsAsEmpty() {
        let type = RecordType("T", doc: "", [("a", .int, ""), ("b", .int, "")])
        #expect(type.make(["a": .int(1), "c": .int(2)]).description == "T(a: 1, b: ())")
    }

    @Test func everyRecordABuiltinReturnsIsDeclared() {
        let registry = BuiltinRegistry.standard
        let undeclared = registry.modules.flatMap(\.functions).compactMap { builtin -> String? in
            guard case .record(let name) = builtin.returnType, registry.records[name] == nil else { return nil }
            return name
        }
        #expect(Set(undeclared) == ["Mark", "Panel"])
    }
}
