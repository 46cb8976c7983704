import Foundation
import Testing
import FolioNotebook
@testable import FolioEngine

/// Every malformed notebook under `Fixtures/bad/` yields its diagnostic at the exact
/// line and column, with the exact message.
@Suite struct BadNotebookTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var location: String
        var message: String
        var testDescription: String { file }
    }

    /// Found by `Notebook.parse` and `folio lint`, before anything runs.
    static let staticCases: [Case] = [
        Case(file: "bad-yaml.md", location: "4:11", message: "invalid YAML: did not find expected ',' or ']' while parsing a flow sequence"),
        Case(file: "unknown-front-matter-key.md", location: "2:1", message: "unknown front matter key 'titel'"),
        Case(file: "unclosed-front-matter.md", location: "1:1", message: "front matter is not closed"),
        Case(file: "seed-not-integer.md", location: "2:7", message: "'seed' must be a non-negative integer"),
        Case(file: "enum-default-not-allowed.md", location: "3:22", message: "default 'svd' is not among the allowed values"),
        Case(file: "mixed-array-param.md", location: "3:10", message: "array param mixes types Int and String"),
        Case(file: "sweep-mixed-types.md", location: "9:29", message: "sweep variable 'nu' mixes types Double and String"),
        Case(
            file: "sweep-pointwise-missing-value.md", location: "17:14",
            message: "sweep cell 'fits' reads 'data' point by point, but sweep cell 'problems' has no kappa = 6"),
        Case(file: "unknown-option.md", location: "9:5", message: "unknown cell option 'lable'"),
        Case(file: "ill-typed-option.md", location: "9:11", message: "option 'echo' expects true or false, got 'maybe'"),
        Case(file: "negative-timeout.md", location: "9:14", message: "option 'timeout' expects a positive number of seconds, got '-5'"),
        Case(file: "invalid-label.md", location: "9:12", message: "invalid label '9lives'"),
        Case(file: "option-after-code.md", location: "10:1", message: "cell option after code"),
        Case(file: "duplicate-label.md", location: "14:5", message: "duplicate label 'fig-a'"),
        Case(file: "unterminated-fence.md", location: "10:1", message: "unterminated code fence '```'"),
        Case(file: "syntax-error.md", location: "9:15", message: "syntax error: expected ')'"),
        Case(file: "unsupported-construct.md", location: "10:1", message: "'class' declarations are not supported in cells"),
        Case(file: "struct-protocol.md", location: "9:13", message: "protocol conformances and inheritance are not supported in cells"),
        Case(file: "struct-explicit-init.md", location: "11:5", message: "explicit initializers are not supported in cells"),
        Case(file: "struct-wrong-label.md", location: "18:21", message: "incorrect argument label 'z:' in call to 'Point', expected 'y:'"),
        Case(file: "struct-missing-argument.md", location: "18:9", message: "missing argument for parameter 'y' in call to 'Point'"),
        Case(file: "struct-unknown-member.md", location: "19:9", message: "value of type Point has no member 'radius'"),
        Case(file: "struct-function-result-unknown-member.md", location: "21:9", message: "value of type Point has no member 'radius'"),
        Case(file: "struct-compare-mismatch.md", location: "23:15", message: "binary operator '==' cannot be applied to Point and Size"),
        Case(file: "struct-assign-let-field.md", location: "19:1", message: "cannot assign to property: 'y' is a 'let' constant"),
        Case(file: "struct-mutating-on-let.md", location: "19:1", message: "cannot use mutating member on immutable value: 'p' is a 'let' constant"),
        Case(file: "switch-not-exhaustive.md", location: "10:1", message: "switch must be exhaustive"),
        Case(file: "guard-falls-through.md", location: "10:13", message: "'guard' body must not fall through"),
        Case(file: "unknown-function.md", location: "10:9", message: "unknown function 'singularValue'"),
        Case(file: "unknown-identifier.md", location: "10:9", message: "cannot find 'totl' in scope"),
        Case(file: "wrong-label.md", location: "9:15", message: "incorrect argument label 'row:' in call to 'zeros', expected 'rows:'"),
        Case(file: "missing-argument.md", location: "9:9", message: "missing argument for parameter 'columns' in call to 'zeros'"),
        Case(file: "extra-argument.md", location: "9:17", message: "extra argument in call to 'sqrt'"),
        Case(file: "literal-type-mismatch.md", location: "9:14", message: "cannot convert value of type String to expected argument type Double"),
        Case(file: "unknown-enum-case.md", location: "10:23", message: "type 'NormKind' has no case '.spectal'"),
        Case(file: "duplicate-definition.md", location: "14:5", message: "'x' is already defined by the cell at line 8"),
        Case(file: "use-before-definition.md", location: "9:9", message: "'b' is used before its definition"),
        Case(file: "dangling-reference.md", location: "8:25", message: "reference to unknown label '@fig-los'"),
        Case(file: "unknown-param.md", location: "9:9", message: "unknown param 'trails'"),
        Case(file: "assign-to-let.md", location: "10:1", message: "cannot assign to 'x': it is a 'let' constant"),
        Case(file: "modify-other-cell.md", location: "13:1", message: "cannot modify 'total': it is defined by the cell at line 8"),
        Case(file: "return-outside-function.md", location: "10:1", message: "'return' outside a function"),
        Case(file: "unknown-method.md", location: "9:10", message: "no method named 'mapp'"),
        Case(file: "nested-brackets.md", location: "10:22", message: "more than 10 '[' open at once"),
        Case(file: "long-operator-chain.md", location: "9:13", message: "expression has more than 200 operators"),
        Case(file: "function-wrong-label.md", location: "10:18", message: "incorrect argument label 'with:' in call to 'scale', expected 'by:'"),
        Case(file: "inline-unknown-name.md", location: "10:72", message: "cannot find 'totl' in scope"),
        Case(file: "inline-defined-below.md", location: "10:24", message: "'b' is used before its definition"),
        Case(file: "inline-syntax-error.md", location: "10:32", message: "syntax error: expected ')'"),
        Case(file: "matrix-where-vector.md", location: "10:14", message: "cannot convert value of type Matrix to expected argument type [Double]"),
        Case(file: "unknown-option-case.md", location: "10:25", message: "type 'LineDash' has no case '.dotty'"),
        Case(file: "unknown-record-field.md", location: "11:9", message: "value of type VAEResult has no member 'encoderWeights'"),
        Case(file: "operand-type-mismatch.md", location: "10:15", message: "binary operator '+' cannot be applied to Int and String"),
        Case(file: "work-reads-sweep.md", location: "17:11", message: "the work estimate reads 'size' of sweep cell 'problems'"),
        Case(file: "work-not-a-number.md", location: "8:11", message: "a work estimate must be a number, not String"),
        Case(file: "work-unknown-name.md", location: "8:18", message: "cannot find 'sampels' in scope"),
        Case(file: "work-reads-own-name.md", location: "8:18", message: "'samples' is used before its definition"),
    ]

    /// Found while running, at the failing expression.
    static let runtimeCases: [Case] = [
        Case(file: "path-escape.md", location: "9:14", message: "'../../etc/passwd' is outside the notebook's folder and its data folders"),
        Case(file: "missing-file.md", location: "9:12", message: "file 'no-such-file.txt' does not exist"),
        Case(file: "index-out-of-range.md", location: "10:9", message: "index 3 is out of range for an array of 3 elements"),
        Case(file: "division-by-zero.md", location: "10:11", message: "division by zero"),
        Case(file: "shape-mismatch.md", location: "11:9", message: "matmul: shapes 2×3 and 2×2 do not match (inner dimensions 3 and 2 differ)"),
        Case(file: "nan-from-builtin.md", location: "10:9", message: "'log' returned NaN"),
        Case(file: "expect-error-succeeds.md", location: "8:1", message: "cell 'cell-1' was expected to fail but succeeded"),
        Case(file: "work-negative.md", location: "9:11", message: "the work estimate is -10.0; it must be a finite number ≥ 0"),
    ]

    private func load(_ file: String) throws -> (Notebook, [Diagnostic], String) {
        let path = TestSupport.fixtures.appendingPathComponent("bad").appendingPathComponent(file).path
        let source = try String(contentsOfFile: path, encoding: .utf8)
        let (notebook, diagnostics) = Notebook.parse(source: source, path: path)
        return (notebook, diagnostics, path)
    }

    @Test(arguments: staticCases)
    func staticDiagnostic(_ testCase: Case) throws {
        let (notebook, parseDiagnostics, path) = try load(testCase.file)
        let diagnostics = parseDiagnostics + Engine.lint(notebook)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.headline))")
        #expect(diagnostics.first?.headline == "\(path):\(testCase.location): error: \(testCase.message)")
        #expect(diagnostics.first?.sourceLine != nil)
    }

    @Test(arguments: runtimeCases)
    func runtimeDiagnostic(_ testCase: Case) throws {
        let (notebook, parseDiagnostics, path) = try load(testCase.file)
        #expect(parseDiagnostics.isEmpty && Engine.lint(notebook).isEmpty)
        var options = RunOptions(cacheDirectory: TestSupport.temporaryDirectory())
        options.useCache = false
        let result = Engine.run(notebook, options: options)
        #expect(!result.succeeded)
        #expect(result.cells.first?.status == .failed)
        #expect(result.cells.first?.error?.headline == "\(path):\(testCase.location): error: \(testCase.message)")
    }

    @Test func allProblemsAreReportedTogether() throws {
        let source = TestSupport.source(cells: ["let a = sqr(2)\nlet b = zeros(row: 1, columns: 1)", "//| lable: x\nlet c = undefinedName"])
        let (notebook, parseDiagnostics) = Notebook.parse(source: source, path: "t.md")
        let all = (parseDiagnostics + Engine.lint(notebook)).map(\.headline)
        #expect(all.count == 4)
        #expect(all.contains("t.md:6:9: error: unknown function 'sqr'"))
        #expect(all.contains("t.md:11:5: error: unknown cell option 'lable'"))
    }

    @Test func aWorkEstimateReadingItsOwnCellIsToldItRunsFirst() throws {
        let (notebook, _, _) = try load("work-reads-own-name.md")
        #expect(
            Engine.lint(notebook).first?.hint
                == "it is defined by this cell's code, which runs after the estimate; a work estimate sees the names of the cells above")
    }

    @Test func aBareParamNameSuggestsParams() {
        let source = TestSupport.source(cells: ["let n = trials * 2"], params: ["trials: 5"])
        let (notebook, _) = Notebook.parse(source: source, path: "t.md")
        let diagnostic = Engine.lint(notebook).first
        #expect(diagnostic?.headline == "t.md:8:9: error: cannot find 'trials' in scope")
        #expect(diagnostic?.hint == "did you mean 'params.trials'?")
    }

    @Test func dependentsOfAFailedCellAreSkippedWithTheReason() throws {
        let (notebook, _, _) = try load("skipped-dependent.md")
        var options = RunOptions(cacheDirectory: TestSupport.temporaryDirectory())
        options.useCache = false
        let result = Engine.run(notebook, options: options)
        #expect(result.cells.map(\.status) == [.failed, .skipped])
        #expect(result.cells.last?.skipReason == "depends on cell-1, which failed")
    }

    @Test func renderedDiagnosticHasSourceCaretAndHint() throws {
        let (notebook, _, path) = try load("unknown-function.md")
        let rendered = Engine.lint(notebook).first?.rendered
        #expect(rendered == """
            \(path):10:9: error: unknown function 'singularValue'
            let s = singularValue(X)
                    ^
            hint: did you mean 'singularValues'?
            """)
    }

    @Test func mismatchedOperandsAreFoundByLintWithAHint() throws {
        let (notebook, _, path) = try load("operand-type-mismatch.md")
        #expect(Engine.lint(notebook).first?.rendered == """
            \(path):10:15: error: binary operator '+' cannot be applied to Int and String
            let label = n + " samples"
                          ^
            hint: convert the number to text with String(x) or "\\(x)", or the text to a number with Double(s)
            """)
    }

    @Test func anUnknownStructMemberListsThePropertiesAndMethods() throws {
        let (notebook, _, path) = try load("struct-unknown-member.md")
        #expect(Engine.lint(notebook).first?.rendered == """
            \(path):19:9: error: value of type Point has no member 'radius'
            let r = p.radius
                    ^
            hint: 'Point' has properties x, y, norm and methods move(by:)
            """)
    }

    @Test func aFunctionsDeclaredStructResultIsFollowedToItsMembers() throws {
        let (notebook, _, path) = try load("struct-function-result-unknown-member.md")
        #expect(Engine.lint(notebook).map(\.rendered) == ["""
            \(path):21:9: error: value of type Point has no member 'radius'
            let r = p.radius
                    ^
            hint: 'Point' has properties x, y, norm and methods move(by:)
            """])
    }

    @Test func anUnknownOptionCaseSuggestsAndListsTheCases() throws {
        let (notebook, _, _) = try load("unknown-option-case.md")
        #expect(Engine.lint(notebook).first?.hint == "did you mean '.dotted'? cases are .solid, .dashed, .dotted")
    }

    @Test func anUnknownRecordFieldListsTheFields() throws {
        let (notebook, _, _) = try load("unknown-record-field.md")
        #expect(Engine.lint(notebook).first?.hint == "'VAEResult' has fields " + RecordType.vaeResult.fields.map(\.name).joined(separator: ", "))
    }

    @Test func recordFieldsCarryTheirTypesIntoLint() {
        let cells = ["let X = randomNormal(rows: 20, columns: 4)\nlet p = pca(X, rank: 2)\nlet m = mean(svd(X).u)\nlet top = [1.0, 3.0].max()"]
        let (notebook, _) = Notebook.parse(source: TestSupport.source(cells: cells), path: "t.md")
        #expect(Engine.lint(notebook).map(\.headline) == [
            "t.md:8:14: error: cannot convert value of type Matrix to expected argument type [Double]",
        ])
    }

    @Test func typesFollowNamesIntoLaterCellsAndInlineValuesButNotOutOfSweeps() {
        let cells = [
            "let X = randomNormal(rows: 50, columns: 4)\nlet vae = trainVAE(X, latent: 2, epochs: 1)\nlet n = 3",
            "//| sweep: {k: [1, 2]}\nlet e = Double(k) * 0.5",
            "let w = vae.encoderWeights\nlet s = n + \"a\"\nlet t = e.mean(over: \"k\")",
        ]
        let source = TestSupport.source(cells: cells) + "\nInline `{swift} vae.energyy`.\n"
        let (notebook, _) = Notebook.parse(source: source, path: "t.md")
        #expect(Engine.lint(notebook).map(\.headline) == [
            "t.md:17:9: error: value of type VAEResult has no member 'encoderWeights'",
            "t.md:18:11: error: binary operator '+' cannot be applied to Int and String",
            "t.md:22:17: error: value of type VAEResult has no member 'energyy'",
        ])
    }

    @Test func operandTypesFollowDeclarationsConversionsAndOperators() {
        let cells = [
            "func f(_ x: Double) -> String { x + \"!\" }", "let t = Double(2) * 3 < \"a\"", "let b = true + 1",
            "var s = \"a\"\ns = s + \"b\"\nlet ok = (1 + 2.5, 3 / 2, s < \"c\", \"n: \\(1)\" + s, 1 == 1.0)",
        ]
        let (notebook, _) = Notebook.parse(source: TestSupport.source(cells: cells), path: "t.md")
        #expect(Engine.lint(notebook).map(\.headline) == [
            "t.md:6:35: error: binary operator '+' cannot be applied to Double and String",
            "t.md:10:23: error: binary operator '<' cannot be applied to Double and String",
            "t.md:14:14: error: binary operator '+' cannot be applied to Bool and Int",
        ])
    }

    @Test func atLeastTwentyFiveBadNotebooks() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestSupport.fixtures.appendingPathComponent("bad").path)
        #expect(files.filter { $0.hasSuffix(".md") }.count >= 25)
        #expect(Self.staticCases.count + Self.runtimeCases.count >= 25)
    }
}
