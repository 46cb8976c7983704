import Foundation
import Testing
import FolioMath

@Suite("Thread counts")
struct ThreadCountTests {
    @Test func environmentOverridesTheCoreCountAndBadValuesAreErrors() throws {
        #expect(try ComputeThreads.count(environment: ["FOLIO_THREADS": " 3"]) == 3)
        #expect(try ComputeThreads.count(environment: [:]) == ProcessInfo.processInfo.activeProcessorCount)
        for bad in ["many", "0", "-2"] {
            let error = #expect(throws: LinearAlgebraError.self) {
                try ComputeThreads.count(environment: ["FOLIO_THREADS": bad])
            }
            #expect(error?.description == "FOLIO_THREADS: '\(bad)' is not a positive thread count")
        }
    }

    @Test func withThreadsRestoresTheOpenBLASCount() {
        let before = BLASThreads.current
        let inside = BLASThreads.withThreads(before + 1) { BLASThreads.current }
        #expect(inside == before + 1 && BLASThreads.current == before)
    }
}
