import Testing
@testable import FolioEngine

/// Nesting that would make SwiftParser slow is refused before it parses, however the
/// brackets are mixed or split; brackets in strings and comments do not count.
@Suite struct BracketNestingTests {
    private func violation(_ code: String) -> String? {
        BracketNesting.violation(in: code).map { "\($0.line):\($0.column): \($0.message)" }
    }

    @Test func runsMixesAndCommentSplitRunsAreBounded() {
        #expect(violation("let x = " + String(repeating: "[", count: 11)) == "0:19: more than 10 '[' open at once")
        #expect(violation("let x = " + String(repeating: "[(", count: 11)) == "0:29: more than 10 '[' open at once")
        #expect(violation("let x =\n" + String(repeating: "[ /* ] */ // ]\n", count: 11)) == "11:1: more than 10 '[' open at once")
        #expect(violation(String(repeating: "(", count: 151)) == "0:151: brackets nested more than 150 deep")
    }

    /// A string's interpolations are code: 26 `[` inside one took the parser 6 s in release
    /// and minutes in debug (found by `make fuzz`, kept as a seed in Tests/Fuzz/Corpus).
    @Test func bracketsInInterpolationsCount() {
        #expect(violation("print(\"a \\(f(" + String(repeating: "[", count: 11) + "\"") == "0:24: more than 10 '[' open at once")
        #expect(violation("let s = \"\\(\"\\(" + String(repeating: "[", count: 11) + ")\")\"") == "0:25: more than 10 '[' open at once")
        // After an interpolation closes, the rest of the string is text again.
        #expect(violation("let s = \"\\(x) " + String(repeating: "[", count: 50) + "\"") == nil)
        #expect(violation("let s = \"\\(m[[1]][0]) and \\(\"[[[[[[[[[[[[\")\"") == nil)
    }

    @Test func ordinaryCodeAndBracketsInStringsPass() {
        #expect(violation("let m = [[1, 2], [3, 4]]\nlet s = \"" + String(repeating: "[", count: 50) + "\"") == nil)
        #expect(violation("let t = \"\"\"\n" + String(repeating: "[", count: 50) + "\n\"\"\"\nlet u = \"\\\"[[[\"") == nil)
        // Closed brackets do not add up: a long flat list of short nestings is fine.
        #expect(violation(String(repeating: "f([[a]]) ", count: 1000)) == nil)
        #expect(violation("/* /* [[[[[[[[[[[[ */ */ let a = 1") == nil)
    }

    @Test func refusedBeforeParsing() {
        let code = "let x = " + String(repeating: "[(", count: 40) + "1" + String(repeating: ")]", count: 40)
        let outcome = TestSupport.run(code)
        #expect(outcome.diagnostics.map(\.headline) == ["t.md:6:29: error: more than 10 '[' open at once"])
    }
}
