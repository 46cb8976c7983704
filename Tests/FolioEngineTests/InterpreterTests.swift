import Testing
import FolioMath
import FolioNotebook
@testable import FolioEngine

/// One test per construct of the cell language; code starts at file line 6.
@Suite struct InterpreterTests {
    private func value(_ code: String, params: [String] = []) -> String? { TestSupport.value(code, params: params) }

    private func failure(_ code: String) -> String? { TestSupport.failure(code) }

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
    @Test func dictionaryDefaultSubscriptIsAssignable() {
        #expect(value("var counts: [String: Int] = [:]\nfor w in [\"a\", \"b\", \"a\"] { counts[w, default: 0] += 1 }\n(counts[\"a\"], counts[\"b\"])") == "(2, 1)")
    }
    @Test func switchOverValuesRangesAndBindings() {
        let code = """
            func kind(_ n: Int) -> String {
                switch n {
                case 0: return "zero"
                case 1, 2: return "small"
                case 3..<10: return "medium"
                case let x where x < 0: return "negative \\(x)"
                default: return "large"
                }
            }
            [0, 2, 5, -4, 99].map { kind($0) }
            """
        #expect(value(code) == #"["zero", "small", "medium", "negative -4", "large"]"#)
    }
    @Test func switchOverDoubleRangesAndEnumCases() {
        let code = """
            var r = ""
            for x in [0.25, 0.5, 1.0, 2.0] {
                switch x {
                case 0.0..<0.5: r += "low "
                case 0.5...1.0: r += "high "
                default: r += "out"
                }
            }
            let kind: NormKind = .spectral
            switch kind {
            case .frobenius: r += " F"
            case .spectral, .nuclear: r += " S/N"
            }
            r
            """
        #expect(value(code) == "low high high out S/N")
    }
    @Test func breakLeavesTheSwitchNotTheLoop() {
        #expect(value("var n = 0\nfor i in 0..<5 {\n  switch i {\n  case 2: break\n  default: n += 1\n  }\n}\nn") == "4")
    }
    @Test func guardElse() {
        #expect(value("func half(_ x: Int) -> Int {\n  guard x > 0, x % 2 == 0 else { return -1 }\n  return x / 2\n}\n(half(8), half(3), half(-2))") == "(4, -1, -1)")
    }
    @Test func arrayRepeatingCount() {
        #expect(value("var grid = Array(repeating: Array(repeating: 0, count: 2), count: 2)\ngrid[1][0] = 5\n(grid, Array(0..<3))") == "([[0, 0], [5, 0]], [0, 1, 2])")
    }
    @Test func stringFormat() {
        let code = #"String(format: "%d|%5.2f|%.3f|%e|%g|%-4s|%s%%", 42, 3.14159, 2, 12345.678, 0.0001, "ab", "x")"#
        #expect(value(code) == "42| 3.14|2.000|1.234568e+04|0.0001|ab  |x%")
        #expect(failure(#"String(format: "%d", 2.5)"#) == "t.md:6:1: error: '%d' cannot format a value of type Double")
        #expect(failure(#"String(format: "%f %f", 2.5)"#) == "t.md:6:1: error: format has more directives than arguments")
    }
    @Test func sortedByMinMaxAndArrayProperties() {
        let code = #"""
            let xs = [3, 1, 2]
            (xs.sorted(by: >), ["bb", "a", "ccc"].sorted { $0.count < $1.count }, xs.min(), xs.max(), xs.reduce(0, +))
            """#
        #expect(value(code) == #"([3, 2, 1], ["a", "bb", "ccc"], 1, 3, 6)"#)
        #expect(value("let xs = [4, 5]\n(xs.first, xs.last, xs.isEmpty, xs.count, xs.contains(5), zip(xs, [\"a\", \"b\"]).count, xs.enumerated().count)") == "(4, 5, false, 2, true, 2, 2)")
    }
    // Range loops of 16 or more iterations run compiled (LoopCompiler); these pin that they
    // behave as the walked loops do.
    @Test func compiledLoopsBreakContinueAndReturn() {
        #expect(value("var s = 0\nfor i in 0..<100 {\n  if i % 2 == 0 { continue }\n  if i > 50 { break }\n  s += i\n}\ns") == "625")
        #expect(value("func firstOver(_ limit: Int) -> Int {\n  for i in 0..<1000 { if i * i > limit { return i } }\n  return -1\n}\n(firstOver(50), firstOver(10_000_000))") == "(8, -1)")
    }
    @Test func compiledNestedLoopsWithLocalNamesAndShadowing() {
        let grid = "var t = 0.0\nfor i in 0..<20 {\n  let x = Double(i)\n  for j in 0..<20 {\n    let y = Double(j) * 0.5\n    if x < y { t += x * y } else { t -= x - y }\n  }\n}\nt"
        #expect(value(grid) == "-150.0")
        #expect(value("let x = 100\nvar out: [Int] = []\nfor i in 0..<20 {\n  let x = i * 2\n  out.append(x)\n}\n(x, out.count, out[19])") == "(100, 20, 38)")
        #expect(value("var s = \"\"\nfor i in 0..<20 { s += String(i % 10) }\nvar d: [Int: Int] = [:]\nfor i in 0..<40 { d[i % 3, default: 0] += 1 }\n(s, d[0], Int(2.9))") == "(\"01234567890123456789\", 14, 2)")
    }
    @Test func loopsUsingANameBeforeDeclaringItRunAsWalked() {
        // One scope serves every iteration: the first reads the outer x, later ones the body's.
        #expect(value("let x = 1\nvar s = 0\nfor i in 0..<10 {\n  s += x\n  let x = 5\n  s += x\n}\ns") == "96")
        #expect(value("let x = 1\nvar s = 0\nfor i in 0..<20 {\n  s += x\n  let x = 5\n  s += x\n}\ns") == "196")
    }
    @Test func compiledLoopsReportErrorsWhereWalkedLoopsDo() {
        #expect(failure("var n = 1\nfor i in 0..<10 { n *= 100000 }") == "t.md:7:19: error: arithmetic overflow")
        #expect(failure("var n = 1\nfor i in 0..<100 { n *= 100000 }") == "t.md:7:20: error: arithmetic overflow")
        #expect(failure("let xs = [1, 2]\nvar s = 0\nfor i in 0..<20 { s += xs[i] }")?.contains("index 2 is out of range") == true)
        #expect(failure("let d = [1: 2]\nvar s = 0\nfor i in 0..<20 { s += d[i] }")?.contains("key 0 is not in the dictionary") == true)
        // A stopped loop is reported at the loop (Evaluator+Limits), compiled or walked.
        #expect(failure("var s = 0\nfor i in 0..<1_000_000_000 { s += 1 }")?.hasPrefix("t.md:7:1: error: cell timed out") == true)
    }
    @Test func labelledTupleTypes() {
        let code = """
            func bounds(_ xs: [Double]) -> (min: Double, max: Double) { (min: xs.min(), max: xs.max()) }
            let p: (x: Double, y: Double) = (1, 2)
            var stats = (count: 0, total: 0.0)
            for v in [1.0, 2.0] { stats.count += 1; stats.total += v }
            (p.x, p.y, stats, bounds([3, 1, 2]).max)
            """
        #expect(value(code) == "(1.0, 2.0, (count: 2, total: 3.0), 3.0)")
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

/// `folio lint`'s operand rule and the evaluator's operators agree on every pair of scalars
/// and struct values.
@Suite struct OperandRuleTests {
    @Test func staticRuleAgreesWithTheEvaluator() throws {
        let context = CellContext(
            registry: .standard, cellID: "t", generator: SeededGenerator(seed: 1),
            sandbox: FileSandbox(notebookFolder: TestSupport.temporaryDirectory(), dataFolders: []),
            now: { 0 }, onProgress: { _ in })
        let evaluator = Evaluator(context: context)
        let here = SourcePosition(line: 1, column: 1)
        let scope = Scope(parent: nil)
        scope.define("p", .record(Record("Point", [("x", .int(1))])), isVar: false)
        scope.define("s", .record(Record("Size", [("x", .int(1))])), isVar: false)
        for op in BinaryOperator.allCases {
            // `true || x` never evaluates x, so the Bool sample is the one that lets `&&` and `||` look at both sides.
            let samples: [(ValueType, ExprKind)] = [
                (.int, .int(2)), (.double, .double(2)), (.bool, .bool(op != .or)), (.string, .string([.text("a")])),
                (.record("Point"), .name("p")), (.record("Size"), .name("s")),
            ]
            for (leftType, left) in samples {
                for (rightType, right) in samples {
                    let expr = Expr(kind: .binary(op, Expr(kind: left, position: here), Expr(kind: right, position: here)), position: here)
                    let runs = (try? evaluator.evaluate(expr, in: scope)) != nil
                    #expect(runs == (op.resultType(leftType, rightType) != nil), "\(leftType) \(op.rawValue) \(rightType)")
                }
            }
        }
    }
}
