import FolioEngine
import FolioNotebook

/// The harness of `make fuzz`: each input's bytes are a notebook file, which goes through
/// what `folio lint` does (bytes check, parse, YAML, static check) and the rendering of
/// every diagnostic. A crash, a case over the time limit, a diagnostic outside the file or
/// one that echoes kilobytes is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParseLint(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
    let (notebook, diagnostics) = Notebook.parse(bytes: bytes, path: "fuzz.md")
    for problem in diagnostics + Engine.lint(notebook) {
        precondition(problem.line >= 1 && problem.column >= 1, "diagnostic outside the file: \(problem.headline)")
        precondition(problem.rendered.utf8.count < 4 * 1024, "a diagnostic echoed too much: \(problem.headline)")
    }
    return 0
}

/// libFuzzer's driver (linked in by -sanitize=fuzzer), called from the entry point
/// SwiftPM gives the executable.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("FolioFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzzParseLint)
}
