import Foundation
import Testing
@testable import FolioEngine

/// The programs of Benchmarks/cells (the interpreter's speed benchmarks) give the values
/// they gave when they were written: making the interpreter faster must not change them.
@Suite struct BenchmarkProgramTests {
    static let expected: [(program: String, value: String)] = [
        ("append", "500000"), ("closures", "39999549500.0"), ("dictionary", "97"), ("grid", "1251014.49499994"),
        ("loop", "249999750000.0"), ("recursion", "46368"), ("strings", "200000"),
    ]

    @Test(arguments: expected.map(\.program))
    func programGivesItsValue(_ program: String) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Benchmarks/cells")
        let code = try String(contentsOf: folder.appendingPathComponent(program + ".swift"), encoding: .utf8)
        let outcome = TestSupport.run(code, timeoutSeconds: nil)
        #expect(outcome.diagnostics.isEmpty && outcome.error == nil, "\(outcome.error?.rendered ?? "")")
        #expect(outcome.value == Self.expected.first { $0.program == program }?.value)
    }
}
