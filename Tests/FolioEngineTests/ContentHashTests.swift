import Foundation
import Testing
@testable import FolioEngine

@Suite struct ContentHashTests {
    /// Cache keys are these strings, so the hex must stay exactly as before: lower case,
    /// two digits a byte, leading zeros kept (the FIPS 180-2 test vectors).
    @Test func sha256IsLowerCaseHexOfTheStandardVectors() {
        #expect(ContentHash.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ContentHash.sha256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentHash.hex([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(ContentHash.hex([0x01]) != "1")
    }
}
