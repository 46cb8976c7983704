import FolioMath
import FolioNotebook
import Testing
@testable import FolioEngine

/// Functions over Ints, Doubles and Bools run as scalar code (ScalarFunction). Each program
/// here is one the scalar compiler takes (pinned by `compilesToScalarCode`), and must give
/// the values and errors the evaluator gives; the others must be left to CompiledFunction.
@Suite struct ScalarFunctionTests {
    private func value(_ code: String) -> String? { TestSupport.value(code) }
    private func failure(_ code: String) -> String? { TestSupport.failure(code) }

    /// Whether the last `func` of `code` compiles to scalar code.
    private func compilesToScalarCode(_ code: String) -> Bool {
        let context = CellContext(
            registry: .standard, cellID: "t", generator: SeededGenerator(seed: 1),
            sandbox: FileSandbox(notebookFolder: TestSupport.temporaryDirectory(), dataFolders: []),
            now: { 0 }, onProgress: { _ in })
        let evaluator = Evaluator(context: context)
        let (statements, problems) = Lowering.lower(code: code, firstLine: 1, indent: 0, notebook: Notebook.parse(source: "", path: "t.md").0)
        #expect(problems.isEmpty)
        let scope = Scope(parent: nil)
        var name: String?
        for statement in statements {
            if case .function(let literal) = statement.kind { name = literal.name }
            _ = try? evaluator.execute(statement, in: scope)
        }
        guard let name, case .function(.closure(let closure))? = scope.lookup(name) else { return false }
        let functions = ScalarFunctions()
        defer { functions.removeAll() }
        return functions.function(for: closure, evaluator: evaluator) != nil
    }

    static let fib = "func fib(_ n: Int) -> Int {\n  if n < 2 { return n }\n  return fib(n - 1) + fib(n - 2)\n}"
    static let harmonic = "func harmonic(_ n: Int) -> Double {\n  var s = 0.0\n  for i in 1...n { s += 1.0 / Double(i) }\n  return s\n}"
    static let collatz = """
        func collatz(_ start: Int) -> Int {
          var n = start
          var steps = 0
          while n != 1 {
            if n % 2 == 0 { n = n / 2 } else { n = 3 * n + 1 }
            steps += 1
          }
          return steps
        }
        """
    static let mixed = "func mix(_ x: Double, by k: Int) -> Double { sqrt(x) * Double(k) + -x / 2 + (k > 2 ? 1.0 : 0.0) }"
    static let logic = "func odd(_ n: Int, _ flag: Bool) -> Bool {\n  if n < 0, flag { return false }\n  return n % 2 == 1 && (flag == true || !flag)\n}"

    @Test func theseCompileToScalarCode() {
        for code in [Self.fib, Self.harmonic, Self.collatz, Self.mixed, Self.logic, "func half(_ x: Double) -> Double { x / 2 }"] {
            #expect(compilesToScalarCode(code), "\(code)")
        }
        // A scalar function calling another.
        #expect(compilesToScalarCode(Self.fib + "\nfunc fibSum(_ n: Int) -> Int {\n  var s = 0\n  for i in 0..<n { s += fib(i) }\n  return s\n}"))
    }

    @Test func theseAreLeftToCompiledFunctions() {
        let refused = [
            "func f(_ n: Int) -> Double { return n }",  // the evaluator returns the Int as it is
            "func f(_ n: Int) -> Int { if n > 0 { return 1 } }",  // falls off the end: `()`
            "func f(_ n: Int) -> Int {\n  var x = n\n  x = 1.5\n  return 1\n}",  // the variable changes type
            "func f(_ n: Int) -> Int {\n  var x = n\n  x += 0.5\n  return n\n}",
            "let k = 3\nfunc f(_ n: Int) -> Int { n + k }",  // reads a name outside the function
            "func f(_ n: Int, by k: Int = 2) -> Int { n * k }",  // a default value
            "func f(_ xs: [Double]) -> Double { xs[0] }",
            "func f(_ n: Int) -> String { \"a\" }",
            "func f(_ n: Int) -> Int {\n  print(n)\n  return n\n}",
            "func f(_ n: Bool) -> Bool { n < true }",
        ]
        for code in refused { #expect(!compilesToScalarCode(code), "\(code)") }
    }

    @Test func valuesAreTheEvaluators() {
        #expect(value(Self.fib + "\nfib(20)") == "6765")
        #expect(value(Self.harmonic + "\n(harmonic(1000), harmonic(10))") == "(7.485470860550343, 2.9289682539682538)")
        #expect(value(Self.collatz + "\n(collatz(27), collatz(97))") == "(111, 118)")
        #expect(value(Self.mixed + "\n(mix(16, by: 3), mix(2.0, by: 2))") == "(5.0, 1.8284271247461903)")
        #expect(value(Self.logic + "\n(odd(3, true), odd(4, false), odd(-1, true), odd(-1, false))") == "(true, false, false, false)")
        // Int and Double meet as in the evaluator: the Int is promoted.
        #expect(value("func f(_ n: Int, _ x: Double) -> Double { n * x + n / 2 }\n(f(5, 0.5), f(5, 0.5))") == "(4.5, 4.5)")
        #expect(value("func f(_ n: Int) -> Bool { n < 2.5 }\n(f(2), f(3))") == "(true, false)")
        // Loops, `break`, `continue`, shadowing in blocks, `for _ in`, a closed range.
        let loops = """
            func f(_ n: Int) -> Int {
              var s = 0
              for i in 0..<n {
                if i % 3 == 0 { continue }
                let s2 = i * 2
                if s2 > 40 { break }
                s += s2
              }
              for _ in 1...3 { s += 1 }
              var k = 0
              while true {
                k += 1
                if k >= 5 { break }
              }
              return s + k
            }
            """
        #expect(value(loops + "\n(f(30), f(30))") == "(302, 302)")
    }

    /// What the machine does beyond one or two arguments and a shallow stack: calls of
    /// three arguments, `&&` that skips its right side, `?:` of calls, and recursion deep
    /// enough to move the frames from the thread's stack to the heap.
    @Test func callsShortCircuitsAndDeepStacks() {
        let digits = "func g(_ a: Int, _ b: Int, _ c: Int) -> Int { a * 100 + b * 10 + c }"
        let sum = "func h(_ n: Int) -> Int { n <= 0 ? 0 : g(n, n - 1, n - 2) + h(n - 1) }"
        #expect(compilesToScalarCode(digits + "\n" + sum))
        #expect(value(digits + "\n" + sum + "\n(h(5), h(5))") == "(1605, 1605)")
        // `10 / n` would fail on 0: `&&` does not get there.
        let guarded = "func f(_ n: Int) -> Bool { n != 0 && 10 / n > 1 }"
        #expect(compilesToScalarCode(guarded))
        #expect(value(guarded + "\n(f(0), f(0), f(3), f(20))") == "(false, false, true, false)")
        let either = "func f(_ n: Int) -> Bool { n == 0 || 10 / n > 1 }"
        #expect(value(either + "\n(f(0), f(0), f(3), f(20))") == "(true, true, true, false)")
        // 190 calls deep, each frame a dozen slots: more than the 512 words on the thread's stack.
        let deep = """
            func down(_ n: Int, _ x: Double) -> Double {
              if n == 0 { return x }
              let a = x * 1.5, b = a - x, c = b / 2.0
              return down(n - 1, c + x * 0.25) + Double(n)
            }
            """
        #expect(compilesToScalarCode(deep))
        #expect(value(deep + "\n(down(190, 1.0), down(190, 1.0))") == "(18145.0, 18145.0)")
    }

    /// Each error as the scalar code reports it (the second call) and as the evaluator does
    /// (a first call is walked): the same message at the same line and column.
    @Test func errorsAreTheEvaluatorsAtTheSamePositions() {
        // `call` fails; `f(1)` (or `f(-5)` for the loop that spins from 0 on) runs first.
        let cases: [(function: String, call: String, error: String)] = [
            ("func inc(_ n: Int) -> Int { n + 1 }", "inc(9223372036854775807)", "t.md:6:31: error: arithmetic overflow"),
            ("func f(_ n: Int) -> Int { 10 / n }", "f(0)", "t.md:6:30: error: division by zero"),
            ("func f(_ n: Int) -> Int { -n }", "f(-9223372036854775807 - 1)", "t.md:6:27: error: arithmetic overflow"),
            ("func f(_ x: Double) -> Double { sqrt(x) }", "f(-1)", "t.md:6:33: error: 'sqrt' returned NaN"),
            ("func f(_ x: Double) -> Int { Int(x) }", "f(1e300)", "t.md:6:30: error: 1e+300 cannot be converted to Int"),
            ("func f(_ n: Int) -> Int {\n  var s = 0\n  for i in n..<3 { s += i }\n  return s\n}", "f(5)",
             "t.md:8:13: error: range requires lowerBound <= upperBound, got 5 and 3"),
            ("func f(_ n: Int) -> Int {\n  var k = n\n  while k >= 0 { k += 1 }\n  return k\n}", "f(0)",
             "t.md:8:3: error: cell timed out after 0.3 seconds"),
            // Stopped in a call without a loop of its own: the error moves to the caller's loop.
            ("func one(_ n: Int) -> Int { n + 1 }\nfunc f(_ n: Int) -> Int {\n  var k = n\n  while k >= 0 { k = one(k) }\n  return k\n}",
             "f(0)", "t.md:9:3: error: cell timed out after 0.3 seconds"),
        ]
        for (function, call, error) in cases {
            #expect(compilesToScalarCode(function), "\(function)")
            #expect(failure(function + "\n" + call) == error, "walked: \(function)")
            let first = call.prefix { $0 != "(" } + (error.contains("timed out") ? "(-5)" : "(1)")
            #expect(failure(function + "\nlet first = " + first + "\n" + call) == error, "scalar: \(function)")
        }
        let deep = "func f(_ n: Int) -> Int {\n  if n < 0 { return 0 }\n  return f(n + 1)\n}\nf(0)"
        #expect(failure(deep)?.contains("calls nested more than 200 deep") == true)
    }
}
