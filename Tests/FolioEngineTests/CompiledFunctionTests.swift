import Testing
@testable import FolioEngine

/// Functions and closures called more than once run compiled (CompiledFunction): each
/// case here calls them often enough, and must give what the tree-walking evaluator gives.
@Suite struct CompiledFunctionTests {
    private func value(_ code: String, params: [String] = []) -> String? { TestSupport.value(code, params: params) }

    private func failure(_ code: String) -> String? { TestSupport.failure(code) }

    @Test func recursionKeepsEachCallsLocals() {
        #expect(value("func fib(_ n: Int) -> Int {\n  if n < 2 { return n }\n  return fib(n - 1) + fib(n - 2)\n}\nfib(20)") == "6765")
        // `here` and `below` of the outer call survive the inner calls.
        let code = "func g(_ n: Int) -> Int {\n  let here = n * 10\n  if n == 0 { return 0 }\n  let below = g(n - 1)\n  return here + below\n}\ng(5)"
        #expect(value(code) == "150")
    }

    @Test func loopsInsideRecursiveFunctionsHaveAScopePerCall() {
        let code = "func f(_ n: Int) -> Int {\n  var s = 0\n  for i in 0..<20 {\n    s += i\n    if n > 0 && i == 3 { s += f(n - 1) }\n  }\n  return s\n}\nf(3)"
        #expect(value(code) == "760")
    }

    @Test func argumentsConvertToParameterTypes() {
        #expect(value("func twice(_ x: Double) -> Double { x * 2 }\nvar s = 0.0\nfor i in 0..<100 { s += twice(i) }\ns") == "9900.0")
        #expect(value("func area(width: Double, height: Double) -> Double { width * height }\nvar s = 0.0\nfor i in 0..<20 { s += area(width: 1, height: Double(i)) }\ns") == "190.0")
        let mismatch = "func twice(_ x: Double) -> Double { x * 2 }\nvar s = 0.0\nfor i in 0..<20 { s += twice(i > 10 ? \"a\" : 1) }"
        #expect(failure(mismatch) == "t.md:8:32: error: cannot convert value of type String to expected argument type Double")
        let compiled = "func twice(_ x: Double) -> Double { x * 2 }\nlet names = [\"a\": \"x\"]\nvar s = 0.0\nfor i in 0..<20 { s += twice(i < 10 ? 1 : 2) + twice(names[\"a\", default: \"y\"]) }"
        #expect(failure(compiled) == "t.md:9:54: error: cannot convert value of type String to expected argument type Double")
        let notAnInt = "func inc(_ n: Int) -> Int { n + 1 }\nlet xs = [1.5]\nvar s = 0\nfor i in 0..<20 { s += inc(i < 10 ? i : xs[0]) }"
        #expect(failure(notAnInt) == "t.md:9:30: error: cannot convert value of type Double to expected argument type Int")
    }

    @Test func valuesStaySmall() {
        // Copying values is the interpreter's commonest work: large payloads are indirect.
        #expect(MemoryLayout<Value>.stride <= 24)
    }

    @Test func closuresInMapFilterReduce() {
        #expect(value("let xs = (0..<100).map { Double($0) }\nxs.map { $0 * 2.0 }.filter { $0 > 100.0 }.reduce(0.0) { $0 + $1 }") == "7350.0")
        #expect(value("[3, 1, 2, 5, 4].sorted(by: >)") == "[5, 4, 3, 2, 1]")
        #expect(value("(0..<10).map { x in x * x }.reduce(0, +)") == "285")
    }

    @Test func mapFilterReduceAndSortedCallClosuresOfEveryShape() {
        #expect(value("[1, 2, 3].map { 7 }") == "[7, 7, 7]")
        #expect(value("func half(_ x: Double) -> Double { x / 2 }\n[2.0, 4.0].map(half)") == "[1.0, 2.0]")
        #expect(value("[3, 1, 2].sorted { a, b in a > b }.reduce(0) { $0 * 10 + $1 }") == "321")
        #expect(value("[1, 2, 3, 4].filter { x in x % 2 == 0 }.allSatisfy { $0 > 1 }") == "true")
        #expect(failure("[1, 2].map { $0 + $1 }")?.contains("closure uses $1 but was called with 1 arguments") == true)
        #expect(failure("[1, 2].filter { $0 + 1 }")?.contains("filter's closure must return Bool") == true)
    }

    @Test func theCountingIdiomUpdatesTheEntryAsWritten() {
        let counting = "var counts: [Int: Int] = [:]\nfor i in 0..<100 {\n  let k = i % 7\n  counts[k] = counts[k, default: 0] + 1\n}\n(counts.count, counts[0, default: -1], counts[6, default: -1], counts.keys)"
        #expect(value(counting) == "(7, 15, 14, [0, 1, 2, 3, 4, 5, 6])")
        let words = "var seen: [String: String] = [:]\nfor i in 0..<20 {\n  let w = i < 10 ? \"a\" : \"b\"\n  let s = \"x\"\n  seen[w] = seen[w, default: \"\"] + s\n}\nseen[\"a\", default: \"\"].count + seen[\"b\", default: \"\"].count"
        #expect(value(words) == "20")
        let overflow = "var d: [Int: Int] = [0: 9223372036854775800]\nfor i in 0..<20 {\n  let k = 0\n  d[k] = d[k, default: 0] + 1\n}"
        #expect(failure(overflow) == "t.md:9:27: error: arithmetic overflow")
        let notADictionary = "var xs = [0, 0]\nfor i in 0..<20 {\n  let k = 0\n  xs[k] = xs[k, default: 0] + 1\n}"
        #expect(failure(notADictionary) == "t.md:9:11: error: cannot subscript a value of type [Int] with 2 index(es)")
    }

    @Test func compiledConditionsCompareAsTheEvaluatorDoes() {
        let mixed = "var n = 0\nlet words = [\"a\", \"c\"]\nfor i in 0..<20 {\n  if i < 2.5 { n += 1 }\n  if words[i % 2] < \"b\", i >= 18 { n += 100 }\n}\nn"
        #expect(value(mixed) == "103")
        let notBool = "let xs = [1]\nvar n = 0\nfor i in 0..<20 {\n  if xs[0] + i { n += 1 }\n}"
        #expect(failure(notBool) == "t.md:9:12: error: condition must be Bool, got Int")
    }

    @Test func closuresCapturingLoopVariablesKeepTheirOwn() {
        let code = "let adders = (0..<3).map { i in { (x: Int) -> Int in x + i } }\nvar total = 0\nfor k in 0..<3 {\n  let f = adders[k]\n  total += f(1) + f(1) + f(1)\n}\ntotal"
        #expect(value(code) == "18")
    }

    @Test func aNameUsedBeforeItsDeclarationIsTheOuterOne() {
        // Lint allows this (Swift does not); such bodies are walked, as before compiling.
        #expect(value("let x = 1\nfunc f() -> Int {\n  let a = x + 1\n  let x = 5\n  return a + x\n}\nf() + f()") == "14")
        #expect(value("let x = 1\nfunc f(_ n: Int) -> Int {\n  if n > 0 { return x }\n  let x = 5\n  return x\n}\nf(1) + f(1) + f(0)") == "7")
    }

    @Test func structArgumentsAreCopies() {
        let code = "struct P { var x = 0 }\nfunc bumped(_ p: P) -> P {\n  var q = p\n  q.x += 1\n  return q\n}\nlet a = P(x: 1)\nvar b = a\nfor i in 0..<5 { b = bumped(b) }\n(a.x, b.x)"
        #expect(value(code) == "(1, 6)")
    }

    @Test func errorsInCompiledFunctionsAreWhereTheyHappen() {
        #expect(failure("func inc(_ n: Int) -> Int { n + 1 }\nvar x = 0\nfor i in 0..<20 { x = inc(9223372036854775800 + i) }") == "t.md:6:31: error: arithmetic overflow")
        let deep = "func f(_ n: Int) -> Int {\n  if n < 0 { return 0 }\n  return f(n + 1)\n}\nf(0)"
        #expect(failure(deep)?.contains("calls nested more than 200 deep") == true)
        #expect(failure("func spin(_ n: Int) -> Int {\n  var k = n\n  while k >= 0 { k += 1 }\n  return k\n}\nspin(0) + spin(1)")?.contains("timed out") == true)
    }

    @Test func functionsOfEarlierCellsCompileInEachCell() {
        let source = TestSupport.source(cells: [
            "func sq(_ x: Int) -> Int { x * x }", "var a = 0\nfor i in 0..<10 { a += sq(i) }\na", "(0..<10).map { sq($0) }.reduce(0, +)",
        ])
        let outcome = TestSupport.runNotebook(source)
        #expect(outcome.error == nil)
        let values = outcome.result?.cells.flatMap(\.outputs).compactMap { output -> String? in
            if case .value(let shown) = output { return shown }
            return nil
        }
        #expect(values == ["285", "285"])
    }
}
