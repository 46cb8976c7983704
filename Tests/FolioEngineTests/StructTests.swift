import Testing
import FolioNotebook
@testable import FolioEngine

/// Structs declared in cells: memberwise initializers, methods, computed properties, value
/// semantics, and values that cross cells through the cache.
@Suite struct StructTests {
    static let point = """
        struct Point {
            var x: Double
            var y: Double = 0
            let tag = "p"
            var norm: Double { sqrt(x * x + y * y) }
            func scaled(by k: Double) -> Point { Point(x: x * k, y: y * k) }
            mutating func move(dx: Double, dy: Double = 0) {
                x += dx
                self.y += dy
            }
        }
        """

    private func run(_ code: String) -> TestSupport.Outcome {
        let outcome = TestSupport.run(Self.point + "\n" + code)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map(\.rendered))")
        #expect(outcome.error == nil, "\(outcome.error?.rendered ?? "")")
        return outcome
    }

    @Test func memberwiseInitializerConvertsAndFillsDefaults() {
        #expect(run("Point(x: 3)").value == #"Point(x: 3.0, y: 0.0, tag: "p")"#)
        #expect(run("Point(x: 1, y: 2).y").value == "2.0")
    }

    @Test func methodsAndComputedPropertiesSeeSelf() {
        #expect(run("let p = Point(x: 3, y: 4)\n(p.norm, p.scaled(by: 2).x)").value == "(5.0, 6.0)")
    }

    @Test func mutatingMethodsAndAssignmentCopyOnAssign() {
        let outcome = run("var p = Point(x: 1)\nlet q = p\np.move(dx: 2, dy: 5)\np.x = 10\nvar ps = [p, q]\nps[1].move(dx: 1)\n(p.x, p.y, q.x, ps[1].x)")
        #expect(outcome.value == "(10.0, 5.0, 1.0, 2.0)")
    }

    @Test func nestedStructsMutateInPlaceAndPropertiesKeepTheirInferredTypes() {
        let code = """
            struct Walker {
                var position = 0.0
                var path: [Double] = []
                mutating func step(_ d: Double) {
                    position += d
                    path.append(position)
                }
            }
            struct Line { var start: Walker }
            var w = Walker()
            for i in 0..<100 { w.step(Double(i)) }
            var line = Line(start: w)
            line.start.step(1)
            line.start.position = 2
            (w.position, w.path.count, line.start.position, line.start.path.count)
            """
        let outcome = TestSupport.run(code)
        #expect(outcome.error == nil, "\(outcome.error?.rendered ?? "")")
        #expect(outcome.value == "(4950.0, 100, 2.0, 101)")
    }

    @Test func structsInClosuresAndArrays() {
        #expect(run("[Point(x: 3, y: 4), Point(x: 6, y: 8)].map { $0.norm }").value == "[5.0, 10.0]")
    }

    @Test func equalityComparesEveryStoredProperty() {
        #expect(run("let p = Point(x: 1, y: 2)\n(p == Point(x: 1, y: 2), p == Point(x: 1, y: 3), p != Point(x: 2, y: 2), p != p)").value
            == "(true, false, true, false)")
        let moved = "var p = Point(x: 1)\nlet q = p\np.move(dx: 1)\np.move(dx: -1)\nlet r = p\np.move(dx: 1)\n(q == r, p == q)"
        #expect(run(moved).value == "(true, false)")
    }

    @Test func nestedStructsAndArraysOfStructsCompare() {
        let code = """
            struct Segment {
                var from: Point
                var to: Point
            }
            let a = Segment(from: Point(x: 0), to: Point(x: 1, y: 1))
            let b = Segment(from: Point(x: 0), to: Point(x: 1, y: 2))
            let xs = [Point(x: 1), Point(x: 2)]
            (a == a, a == b, xs == [Point(x: 1), Point(x: 2)], xs == [Point(x: 1), Point(x: 3)], xs.filter { $0 == Point(x: 2) }.count)
            """
        #expect(run(code).value == "(true, false, true, false, 1)")
    }

    @Test func valuesOfTwoStructTypesDoNotCompare() {
        let code = Self.point + "\nstruct Size { var width: Double }\nlet things = [Point(x: 1)]\nthings[0] == Size(width: 1)"
        #expect(TestSupport.run(code).error?.headline == "t.md:19:11: error: cannot compare Point with Size")
    }

    @Test func lintTakesEqualityOfOneStructTypeAndRejectsOtherOperators() {
        let code = Self.point + "\nstruct Size { var width: Double }\nlet p = Point(x: 1)\nlet a = p == p\nlet b = p < p\nlet c = p != 1\nlet d = p == Size(width: 1)"
        let (notebook, _) = Notebook.parse(source: TestSupport.source(cells: [code]), path: "t.md")
        #expect(Engine.lint(notebook).map(\.headline) == [
            "t.md:20:11: error: binary operator '<' cannot be applied to Point and Point",
            "t.md:21:11: error: binary operator '!=' cannot be applied to Point and Int",
            "t.md:22:11: error: binary operator '==' cannot be applied to Point and Size",
        ])
    }

    @Test func lintFollowsDeclaredStructResultsOfFunctionsAndMethods() {
        let code = Self.point + "\nfunc make() -> Point { Point(x: 1) }\nlet p = make()\nlet a = p.nosuch\nlet b = p.scaled(by: 2).other\nlet c = make().x + 1"
        let (notebook, _) = Notebook.parse(source: TestSupport.source(cells: [code]), path: "t.md")
        #expect(Engine.lint(notebook).map(\.headline) == [
            "t.md:19:9: error: value of type Point has no member 'nosuch'",
            "t.md:20:9: error: value of type Point has no member 'other'",
        ])
    }

    @Test func assigningAnIllTypedValueToAPropertyFails() {
        let outcome = TestSupport.run(Self.point + "\nvar p = Point(x: 1)\np.x = \"s\"")
        #expect(outcome.error?.headline == "t.md:18:1: error: cannot assign value of type String to type 'Double'")
    }

    @Test func lintFindsStructMistakesInMethodsAndLaterCells() {
        let cells = [
            Self.point.replacingOccurrences(of: "x += dx", with: "x += dx\n        tag = \"q\""),
            "func f(_ p: Point) -> Double { p.z }\nvar p = Point(x: 1, y: 2, w: 3)",
            "struct Box {\n    var w: Double\n    func grow() { w += 1 }\n}",
            "p.move(dx: 1)",
        ]
        let (notebook, _) = Notebook.parse(source: TestSupport.source(cells: cells), path: "t.md")
        #expect(Engine.lint(notebook).map(\.headline) == [
            "t.md:14:9: error: cannot assign to property: 'tag' is a 'let' constant",
            "t.md:21:32: error: value of type Point has no member 'z'",
            "t.md:22:27: error: extra argument 'w:' in call to 'Point'",
            "t.md:28:19: error: cannot assign to property: 'self' is immutable",
            "t.md:33:1: error: cannot modify 'p': it is defined by the cell at line 20",
        ])
    }

    @Test func genericsStaticAndNestedDeclarationsAreRefused() {
        let code = "struct Box<T> {\n    static let zero = 0\n    var v: Double\n}"
        let (notebook, _) = Notebook.parse(source: TestSupport.source(cells: [code]), path: "t.md")
        #expect(Engine.lint(notebook).map(\.headline) == [
            "t.md:6:11: error: generic structs are not supported in cells",
            "t.md:7:5: error: 'static' members are not supported in cells",
        ])
    }

    @Test func valuesAndTheTypeCrossCellsThroughTheCache() throws {
        let cache = TestSupport.temporaryDirectory()
        func render(_ last: String) -> RunResult {
            let source = TestSupport.source(cells: [Self.point, "var p = Point(x: 3, y: 4)\np.move(dx: 0, dy: 0)", last])
            let (notebook, _) = Notebook.parse(source: source, path: "t.md")
            return Engine.run(notebook, options: RunOptions(cacheDirectory: cache))
        }
        _ = render("p.norm")
        let result = render("let q = Point(x: 1)\n(p.scaled(by: 2), q.norm)")
        #expect(result.cells.map(\.status) == [.cached, .cached, .ran])
        #expect(result.cells.last?.outputs == [.value(#"(Point(x: 6.0, y: 8.0, tag: "p"), 1.0)"#)])
    }

    @Test func theFormatterPrintsStructValuesAsSwiftDoes() throws {
        #expect(run("\"\\(Point(x: 1, y: 2))\"").value == #"Point(x: 1.0, y: 2.0, tag: "p")"#)
        let source = TestSupport.source(cells: [Self.point + "\nlet p = Point(x: 1, y: 2)"]) + "\nThe point is `{swift} p`.\n"
        let result = try CacheTests.Workspace(source: source).render(useCache: false)
        #expect(result.inlineValues.map { $0.value?.text } == [#"Point(x: 1.0, y: 2.0, tag: "p")"#])
    }
}
