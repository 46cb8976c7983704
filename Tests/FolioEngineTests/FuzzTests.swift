import Foundation
import Testing
import FolioNotebook
@testable import FolioEngine

/// Bounded fuzzing: seeded byte- and token-level mutations of every fixture notebook go
/// through parse, lint and run. Nothing may crash or hang (cells get a short timeout).
@Suite struct FuzzTests {
    /// SplitMix64: a tiny deterministic generator for choosing mutations.
    struct Mixer {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
    }

    static let tokens = [
        "(", ")", "{", "}", "[", "]", ",", ":", "\"", "\\(", "$0", "$1", "let ", "var ", "func ", "for ", "in ", "while ",
        "if ", "else ", "return", "0..<", "...", "+", "-", "*", "/", "%", "==", "=", "+=", "&&", "!", ".", "?", "1_000_000",
        "9223372036854775807", "-1", "0", "1e308", "nan", "params.", "X", "x", "\n", "```", "```swift\n", "//| ", "label: ",
        "---\n", "timeout: ", "@fig-", "\t", "é", "\u{0}", "#", "readText(\"../x\")", "matrix([[1, 2], [3]])", "zeros(rows: 3, columns: 2)",
        "[[[[[[[[", "((((((((", ".first.first.first", "{ { { {", "stride(from: 0, to: 9223372036854775807, by: 1)",
    ]

    static func fixtureSources(_ folder: String) throws -> [String] {
        let url = TestSupport.fixtures.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted().filter { $0.hasSuffix(".md") }.map {
            try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8)
        }
    }

    static func mutate(_ source: String, _ mixer: inout Mixer) -> String {
        var bytes = Array(source.utf8)
        for _ in 0...mixer.below(3) {
            let position = mixer.below(bytes.count + 1)
            switch mixer.below(5) {
            case 0 where !bytes.isEmpty:
                bytes[min(position, bytes.count - 1)] = UInt8(mixer.below(128))
            case 1 where !bytes.isEmpty:
                let end = min(bytes.count, position + 1 + mixer.below(12))
                bytes.removeSubrange(min(position, end)..<end)
            case 2:
                let token = tokens[mixer.below(tokens.count)]
                bytes.insert(contentsOf: Array(token.utf8), at: position)
            case 3 where !bytes.isEmpty:
                let start = min(position, bytes.count - 1), end = min(bytes.count, start + 1 + mixer.below(40))
                bytes.insert(contentsOf: bytes[start..<end], at: mixer.below(bytes.count + 1))
            default:
                let text = String(decoding: bytes, as: UTF8.self)
                let from = tokens[mixer.below(tokens.count)], to = tokens[mixer.below(tokens.count)]
                if let range = text.range(of: from) {
                    bytes = Array(text.replacingCharacters(in: range, with: to).utf8)
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The seeds of `make fuzz` (Tests/Fuzz/Corpus: the fixtures and hostile cases) pass
    /// through parse and lint with the harness's checks: a smoke test of the fuzz target.
    @Test func fuzzCorpusParsesAndLints() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/Corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
        #expect(files.count >= 50)
        for file in files {
            let bytes = try Data(contentsOf: corpus.appendingPathComponent(file))
            let (notebook, diagnostics) = Notebook.parse(bytes: bytes, path: file)
            for problem in diagnostics + Engine.lint(notebook) {
                #expect(problem.line >= 1 && problem.column >= 1, "\(problem.headline)")
                #expect(problem.rendered.utf8.count < 4 * 1024, "\(problem.headline)")
            }
        }
    }

    @Test func mutatedNotebooksNeverCrashOrHang() throws {
        // Half the cases start from a good notebook, half from a malformed one.
        let good = try Self.fixtureSources("notebooks"), bad = try Self.fixtureSources("bad")
        var mixer = Mixer(state: 20_171_706)
        let folder = TestSupport.temporaryDirectory()
        var ran = 0, rejected = 0
        // FOLIO_FUZZ_CASES raises the count for a longer local hunt.
        let cases = ProcessInfo.processInfo.environment["FOLIO_FUZZ_CASES"].flatMap { Int($0) } ?? 300
        for case_ in 0..<cases {
            let pool = case_ % 2 == 0 ? good : bad
            let source = Self.mutate(pool[mixer.below(pool.count)], &mixer)
            let path = folder.appendingPathComponent("fuzz.md").path
            let (notebook, diagnostics) = Notebook.parse(source: source, path: path)
            let problems = diagnostics + Engine.lint(notebook)
            for problem in problems {
                #expect(problem.line >= 1 && problem.column >= 1, "case \(case_): \(problem.headline)")
                _ = problem.rendered
            }
            if problems.containsErrors {
                rejected += 1
                continue
            }
            var options = RunOptions(cacheDirectory: folder.appendingPathComponent("cache"))
            options.useCache = case_ % 4 == 0
            options.jobs = 1 + case_ % 3
            options.defaultTimeoutSeconds = 0.1
            let result = Engine.run(notebook, options: options)
            #expect(result.cells.count == notebook.cells.count, "case \(case_)")
            _ = try JSONEncoder().encode(result.cells)
            ran += 1
        }
        #expect(ran > cases / 15 && rejected > cases / 15, "ran \(ran), rejected \(rejected)")
        print("fuzz: \(cases) cases, \(ran) ran, \(rejected) rejected by parse or lint")
    }
}
