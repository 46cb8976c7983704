import Testing
import FolioNotebook
@testable import FolioEngine

/// One test per construct of the cell language; code starts at file line 6.
@Suite struct InterpreterTests {
    private func value(_ code: String, params: [String] = []) -> String? {
        let outcome = TestSupport.run(code, params: params)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map(\.rendered))")
        #expect(outcome.error == nil, "\(outcome.error?.rendered ?? "")")
        return outcome.value
    }

    private func failure(_ code: String) -> String? {
        let outcome = TestSupport.run(code, timeoutSeconds: 0.3)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map(\.rendered))")
        return outcome.error?.headline
    }

    @Test func letAndVar() { #expect(value("let a = 2\nvar b = a\nb = b + 1\nb") == "3") }
    @Test func compoundAssignment() { #expect(value("var x = 10\nx += 5\nx -= 3\nx *= 2\nx /= 4\nx %= 4\nx") == "2") }
    @Test func literals() { #expect(value("(1, 2.5, true, \"s\\n\".count)") == "(1, 2.5, true, 2)") }
    @Test func interpolation() { #expect(value("let n = 3\n\"n = \\(n), twice \\(n * 2)\"") == "n = 3, twice 6") }
    @Test func progressMapIsMap() { #expect(value("[1, 2, 3].progressMap(label: \"points\") { $0 * 2 }") == "[2, 4, 6]") }
    @Test func measureSecondsTimesItsBody() {
        #expect(value("let s = measureSeconds { (0..<1000).map { $0 * 2 } }\ns >= 0 && s < 60") == "true")
    }
    @Test func arrays() { #expect(value("var xs = [1, 2, 3]\nxs.append(4)\nxs[0] = 9\nxs") == "[9, 2, 3, 4]") }
    @Test func dictionaries() {
        #expect(value("var d = [\"a\": 1]\nd[\"b\"] = 2\nd[\"a\"] += 10\n(d[\"a\"], d[\"z\", default: 0], d.count)") == "(11, 0, 2)")
    }
    @Test func tuples() { #expect(value("let t = (x: 1, y: \"a\")\nlet (p, q) = (3, 4)\n(t.x, t.1, p + q)") == "(1, \"a\", 7)") }
    @Test func ranges() { #expect(value("var s = 0\nfor i in 1...4 { s += i }\nfor i in 0..<3 { s += i }\n(s, (0..<5).count)") == "(13, 5)") }
    @Test func strideIntsAndDoubles() {
        #expect(value("(stride(from: 0, to: 10, by: 3), stride(from: 1.0, through: 2.0, by: 0.5))") == "([0, 3, 6, 9], [1.0, 1.5, 2.0])")
    }
    @Test func arithmeticPrecedence() { #expect(value("(1 + 2 * 3 - 4 / 2, -2 * 3 + 10 % 4, 7.0 / 2)") == "(5, -4, 3.5)") }
    @Test func comparisonAndLogic() { #expect(value("(1 < 2 && 2 <= 2, !(3 > 4) || false, \"a\" < \"b\", 1 == 1.0)") == "(true, true, true, true)") }
    @Test func ifElse() {
        #expect(value("var r = \"\"\nlet x = 5\nif x > 10 { r = \"big\" } else if x > 3 { r = \"mid\" } else { r = \"small\" }\nr") == "mid")
    }
    @Test func ternary() { #expect(value("let x = 4\nx % 2 == 0 ? \"even\" : \"odd\"") == "even") }
    @Test func forInWithWhereBreakContinue() {
        #expect(value("var s = 0\nfor i in 0..<100 where i % 2 == 1 {\n  if i > 9 { break }\n  if i == 3 { continue }\n  s += i\n}\ns") == "22")
    }
    @Test func whileLoop() { #expect(value("var n = 1\nwhile n < 100 { n *= 3 }\nn") == "243") }
    @Test func whileHasNoIterationCap() {
        // One more iteration than the cap Folio used to have.
        let outcome = TestSupport.run("var n = 0\nwhile n < 1_000_001 { n += 1 }\nn", timeoutSeconds: nil)
        #expect(outcome.error == nil && outcome.value == "1000001")
    }
    @Test func functionsWithLabelsAndDefaults() {
        #expect(value("func scale(_ x: Double, by factor: Double = 2) -> Double { return x * factor }\n(scale(3), scale(3, by: 10))") == "(6.0, 30.0)")
    }
    @Test func recursion() { #expect(value("func fact(_ n: Int) -> Int { n <= 1 ? 1 : n * fact(n - 1) }\nfact(10)") == "3628800") }
    @Test func closuresNamedAndAnonymous() {
        #expect(value("let add = { (a: Int, b: Int) in a + b }\nlet xs = [1, 2, 3].map { $0 * 10 }\n(add(1, 2), xs)") == "(3, [10, 20, 30])")
    }
    @Test func trailingClosuresAndReduce() {
        #expect(value("let xs = [3, 1, 2]\n(xs.filter { $0 > 1 }, xs.reduce(0) { $0 + $1 }, xs.sorted())") == "([3, 2], 6, [1, 2, 3])")
    }
    @Test func closuresCapture() {
        #expect(value("func counter() -> Int {\n  var c = 0\n  let bump = { c += 1 }\n  bump()\n  bump()\n  return c\n}\ncounter()") == "2")
    }
    @Test func closuresCaptureEachIteration() {
        #expect(value("var adders = [{ (x: Int) in x }]\nfor i in 1...3 { adders.append({ x in x + i }) }\nadders.map { $0(10) }") == "[10, 11, 12, 13]")
    }
    @Test func memberAccessAndSubscripts() {
        #expect(value("let X = matrix([[1, 2], [3, 4]])\n(X.rows, X.columns, X[1, 0], X.transposed[0, 1])") == "(2, 2, 3.0, 3.0)")
    }
    @Test func implicitMemberResolvedAgainstParameterType() {
        #expect(value("let X = matrix([[3, 0], [0, 4]])\nnorm(X, kind: .spectral)") == "4.0")
    }
    @Test func records() { #expect(value("let d = svd(matrix([[2, 0], [0, 1]]))\nd.singularValues") == "[2.0, 1.0]") }
    @Test func printGoesToText() {
        let outcome = TestSupport.run("print(\"a\", 1)\nprint([1.5], separator: \"-\")")
        #expect(outcome.text == "a 1\n[1.5]\n")
    }
    @Test func paramsAreReadable() {
        #expect(value("(params.trials * 2, params.method, params.scales)", params: ["trials: 5", "method: { default: pca, values: [pca, vae] }", "scales: [1, 2.5]"]) == "(10, \"pca\", [1.0, 2.5])")
    }
    @Test func seededRandomIsReproducible() {
        #expect(value("randomNormal(rows: 2, columns: 2)[0, 0]") == value("randomNormal(rows: 2, columns: 2)[0, 0]"))
    }

    // MARK: Runtime errors at the failing expression

    @Test func indexOutOfRange() { #expect(failure("let xs = [1, 2]\nlet y = xs[5]") == "t.md:7:9: error: index 5 is out of range for an array of 2 elements") }
    @Test func divisionByZero() { #expect(failure("let z = 0\nlet y = 10 / z") == "t.md:7:12: error: division by zero") }
    @Test func typeAnnotationMismatch() { #expect(failure("let d = 2.5\nlet n: Int = d") == "t.md:7:14: error: cannot convert value of type Double to specified type 'Int'") }
    @Test func integerOverflow() { #expect(failure("let big = 9223372036854775807\nlet y = big + 1") == "t.md:7:13: error: arithmetic overflow") }
    @Test func shapeMismatch() {
        #expect(failure("let A = zeros(rows: 2, columns: 2)\nlet B = zeros(rows: 3, columns: 2)\nlet C = A + B")?.hasPrefix("t.md:8:11: error: ") == true)
    }
    @Test func nanFromBuiltin() { #expect(failure("let x = -1.0\nlet y = sqrt(x)") == "t.md:7:9: error: 'sqrt' returned NaN") }
    @Test func timeout() { #expect(failure("var s = 0\nfor i in 0..<1_000_000_000 { s += 1 }")?.contains("error: cell timed out after 0.3 seconds") == true) }
    @Test func runawayRecursion() { #expect(failure("func f(_ n: Int) -> Int { f(n + 1) }\nf(0)")?.contains("calls nested more than 200 deep") == true) }
}
