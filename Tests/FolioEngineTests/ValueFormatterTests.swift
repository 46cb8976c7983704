import Foundation
import Testing
import FolioMath
@testable import FolioEngine

/// The one formatter of inline values, tables and the formatting built-ins.
@Suite struct ValueFormatterTests {
    static let doubles: [(Double, String)] = [
        (0.0998, "0.0998"), (1.4, "1.40"), (123, "123"), (3.6e-7, "3.60×10⁻⁷"), (3.60556e-07, "3.61×10⁻⁷"),
        (123_456, "1.23×10⁵"), (12_345, "1.23×10⁴"), (9990, "9990"), (9999, "1.00×10⁴"), (1234.56, "1235"), (0.001, "0.00100"),
        (0.00099996, "0.00100"), (0.00099, "9.90×10⁻⁴"), (9.9996, "10.0"), (-0.0998, "-0.0998"), (-3.6e-7, "-3.60×10⁻⁷"),
        (-123_456, "-1.23×10⁵"), (0, "0"), (-0.0, "0"), (.nan, "NaN"), (.infinity, "∞"), (-.infinity, "-∞"), (2e100, "2.00×10¹⁰⁰"),
    ]

    @Test(arguments: doubles)
    func doublesHaveThreeSignificantDigits(_ number: Double, _ text: String) {
        #expect(ValueFormatter().text(.double(number)) == text)
    }

    @Test func digitsAreSignificantDigits() {
        #expect(ValueFormatter(digits: 2).text(.double(0.09981)) == "0.10")
        #expect(ValueFormatter(digits: 5).text(.double(3.14159265)) == "3.1416")
        #expect(ValueFormatter(digits: 1).text(.double(3.6e-7)) == "4×10⁻⁷")
    }

    @Test func intsBoolsAndStringsAreShownAsTheyAre() {
        let formatter = ValueFormatter()
        #expect(formatter.text(.int(12345)) == "12345")
        #expect(formatter.text(.int(-12)) == "-12")
        #expect(formatter.text(.bool(true)) == "true")
        #expect(formatter.text(.string("a <b>")) == "a <b>")
        #expect(formatter.text(.enumCase(type: "DecoderKind", name: "affine")) == "affine")
    }

    @Test func percentScientificAndFixed() {
        #expect(ValueFormatter.percent(0.873, decimals: 1) == "87.3%")
        #expect(ValueFormatter.percent(1, decimals: 0) == "100%")
        #expect(ValueFormatter.scientific(3.6e-7, digits: 2) == "3.6×10⁻⁷")
        #expect(ValueFormatter.scientific(1234, digits: 3) == "1.23×10³")
        #expect(ValueFormatter.scientific(0, digits: 3) == "0")
        #expect(ValueFormatter.fixed(3.14159, decimals: 2) == "3.14")
        #expect(ValueFormatter.fixed(-0.001, decimals: 2) == "0.00")
        #expect(ValueFormatter.fixed(.nan, decimals: 2) == "NaN")
    }

    @Test func collectionsAreListedOrDescribed() throws {
        let formatter = ValueFormatter()
        #expect(formatter.text(.array([.double(1), .double(2.5)])) == "1.00, 2.50")
        #expect(formatter.text(.array((1...12).map(Value.int))) == "1, 2, 3, …, 12 (12 values)")
        #expect(formatter.text(.array([])) == "empty")
        #expect(formatter.text(.array([.array([.int(1)])])) == "1 values")
        #expect(formatter.text(.tuple([TupleField(label: "n", value: .int(3)), TupleField(label: nil, value: .double(0.5))])) == "(n: 3, 0.500)")
        #expect(formatter.text(.matrix(Matrix<Double>(rows: 3, columns: 2))) == "3×2 matrix")
        #expect(formatter.text(.record(Record("Fit", [("loss", .double(1)), ("rank", .int(3))]))) == "Fit (loss, rank)")
    }

    @Test func theNumbersBehindTheText() {
        let formatter = ValueFormatter()
        #expect(formatter.formatted(.int(5)) == FormattedValue(text: "5", value: 5))
        #expect(formatter.formatted(.double(0.0998)) == FormattedValue(text: "0.0998", value: 0.0998))
        #expect(formatter.formatted(.double(.nan)) == FormattedValue(text: "NaN"))
        #expect(formatter.formatted(.array([.int(1), .double(2)])) == FormattedValue(text: "1, 2.00", values: [1, 2]))
        #expect(formatter.formatted(.string("x")) == FormattedValue(text: "x"))
    }

    @Test func formattedNumbersParseBack() {
        for (number, text) in Self.doubles where number.isFinite {
            let parsed = ValueFormatter.number(from: text)
            #expect(parsed.map { abs($0 - number) <= abs(number) * 0.01 } == true, "\(text)")
        }
        #expect(ValueFormatter.number(from: "NaN")?.isNaN == true)
        #expect(ValueFormatter.number(from: "12 apples") == nil)
        #expect(ValueFormatter.number(from: "1.2×10x") == nil)
    }

    @Test func tablesUseTheFormatter() throws {
        let outcome = TestSupport.run("table(columns: [\"name\", \"value\"], rows: [[\"tiny\", 3.60556e-7], [\"count\", 12]])")
        let table = try #require(outcome.result?.cells.first?.outputs.compactMap { output -> TableOutput? in
            if case .table(let table) = output { table } else { nil }
        }.first)
        #expect(table.rows == [["tiny", "3.61×10⁻⁷"], ["count", "12"]])
    }
}
