import Testing
import FolioMath

@Suite("OpenBLAS thread count")
struct BLASThreadsTests {
    @Test func environmentOverridesAndBadValuesAreErrors() throws {
        let before = BLASThreads.current
        defer { BLASThreads.set(before) }
        #expect(try BLASThreads.configure(environment: ["FOLIO_THREADS": "1"]) == 1)
        #expect(try BLASThreads.configure(environment: [:]) == 1)
        let error = #expect(throws: LinearAlgebraError.self) {
            try BLASThreads.configure(environment: ["FOLIO_THREADS": "many"])
        }
        #expect(error?.description == "FOLIO_THREADS: 'many' is not a positive thread count")
    }
}
