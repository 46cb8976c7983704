import Testing
import FolioNotebook
@testable import FolioEngine

@Suite("Model built-ins")
struct ModelBuiltinsTests {
    @Test func pcpRecoversTheLowRankPartThroughTheCellLanguage() {
        let outcome = TestSupport.run("""
            let data = lowRankPlusSparse(rows: 60, cols: 60, rank: 2, outlierRatio: 0.05)
            let fit = pcp(data.observed)
            print(relativeError(fit.lowRank, data.lowRank) < 1e-5, fit.converged, fit.rank)
            """)
        #expect(outcome.error == nil, "\(outcome.error?.rendered ?? "")")
        #expect(outcome.text == "true true 2\n")
    }

    @Test func ppcaMethodsAgree() {
        let outcome = TestSupport.run("""
            let data = linearGaussian(rows: 300, cols: 8, rank: 2, noiseVariance: 0.1)
            let closed = ppca(data.observed, rank: 2)
            let em = ppca(data.observed, rank: 2, method: .em)
            print(principalAngles(closed.loading, em.loading).allSatisfy { $0 < 0.1 }, abs(closed.noiseVariance - em.noiseVariance) < 1e-6)
            """)
        #expect(outcome.error == nil, "\(outcome.error?.rendered ?? "")")
        #expect(outcome.text == "true true\n")
    }

    @Test func trainingIsDeterministicAndReturnsItsRecord() {
        let code = """
            let data = linearGaussian(rows: 200, cols: 6, rank: 2, noiseVariance: 0.1)
            let vae = trainVAE(data.observed, latent: 4, epochs: 3, batchSize: 50, clean: data.clean)
            print(vae.energy.count, vae.nmse.count, vae.columnNorms.count, vae.latentVariances.columns)
            vae.energy
            """
        let first = TestSupport.run(code), second = TestSupport.run(code)
        #expect(first.error == nil, "\(first.error?.rendered ?? "")")
        #expect(first.text == "3 3 4 4\n")
        #expect(first.value != nil && first.value == second.value)
    }

    @Test func divergenceIsAnErrorWithAHint() throws {
        let outcome = TestSupport.run("""
            let data = linearGaussian(rows: 100, cols: 6, rank: 2, noiseVariance: 0.1)
            let vae = trainVAE(data.observed, latent: 2, epochs: 5, learningRate: 1e3)
            """)
        let error = try #require(outcome.error)
        #expect(error.message.hasPrefix("training diverged in epoch"))
        #expect(error.line == 7 && error.column == 11)
        #expect(error.hint == "lower the learning rate (now 1000.0)")
    }

    @Test func unknownOptionCaseIsCaughtBeforeRunning() {
        let outcome = TestSupport.run("let r = lowRankPlusSparse(rows: 4, cols: 4, rank: 1, outlierRatio: 0.1, outliers: .gaussian)")
        #expect(!outcome.diagnostics.isEmpty || outcome.error?.hint?.contains(".normal") == true)
    }
}
