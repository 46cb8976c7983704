import Testing
@testable import FolioEngine

/// Closures that `map`, `filter`, `reduce`, `sorted(by:)` and `allSatisfy` call per element
/// run as scalar code (ScalarClosure) for the first element's types; every value and error
/// must be the evaluator's, also for elements of other types (left to the compiled call).
@Suite struct ScalarClosureTests {
    private func value(_ code: String) -> String? { TestSupport.value(code) }
    private func failure(_ code: String) -> String? { TestSupport.failure(code) }

    @Test func valuesAreTheEvaluators() {
        #expect(value("[1.0, 2.5, 4.0].map { $0 * 2.0 }") == "[2.0, 5.0, 8.0]")
        #expect(value("(1...10).map { $0 * $0 }.filter { $0 % 2 == 0 }.reduce(0) { $0 + $1 }") == "220")
        #expect(value("[3, 1, 2].sorted { $0 > $1 }") == "[3, 2, 1]")
        #expect(value("[2, 4, 6].allSatisfy { $0 % 2 == 0 && $0 > 0 }") == "true")
        #expect(value("[1, 2].map { (x: Int) -> Int in x + 1 }") == "[2, 3]")
        #expect(value("[1.0, 4.0].map { x in x < 2.0 ? -x : sqrt(x) }") == "[-1.0, 2.0]")
        // Captured scalars are read as they are when the built-in runs.
        #expect(value("let k = 3.0\nvar t = 2\nt += 1\n[1.0, 2.0].map { x in x * k + Double(t) }") == "[6.0, 9.0]")
        // Elements of another type than the first's take the evaluator's way.
        #expect(value("[1, 2.5, 3].map { $0 * 2 }") == "[2, 5.0, 6]")
        #expect(value("[0.5, 1.5].reduce(0) { $0 + $1 }") == "2.0")
        #expect(value("[1, 2, 3].reduce(0.5) { $0 * Double($1) }") == "3.0")
        // A scalar function called from the closure stays in scalar code.
        #expect(value("func sq(_ x: Double) -> Double { x * x }\n[1.0, 3.0].map { sq($0) + 1.0 }") == "[2.0, 10.0]")
    }

    @Test func errorsAreTheEvaluators() {
        // The overflow in scalar code (Int elements), and in the compiled call (a Double first).
        let scalar = failure("let xs = [1, 9223372036854775807]\nxs.map { $0 + 1 }")
        #expect(scalar == failure("let xs = [1.5, 9223372036854775807]\nxs.map { $0 + 1 }"))
        #expect(failure("[1, 9223372036854775807].map { $0 + 1 }")?.hasSuffix("error: arithmetic overflow") == true)
        #expect(failure("[4, 0].map { 8 / $0 }")?.hasSuffix("error: division by zero") == true)
        #expect(failure("[1.0].map { $0 + $1 }")?.contains("closure uses $1 but was called with 1 arguments") == true)
        #expect(failure("[1.0, 2.0].filter { $0 * 2.0 }")?.contains("filter's closure must return Bool") == true)
    }
}
