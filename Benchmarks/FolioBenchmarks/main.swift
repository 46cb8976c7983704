import Foundation
import FolioMath

// `make bench` (or `FolioBenchmarks SUITE…` to run some suites): one JSON line per result.
let suites: [any BenchmarkSuite.Type] = [
    MathBenchmarks.self, PlotBenchmarks.self, EngineBenchmarks.self, InterpreterBenchmarks.self, ModelBenchmarks.self, ProcessBenchmarks.self,
    CacheBenchmarks.self,
]

let requested = Set(CommandLine.arguments.dropFirst())
do {
    let threads = try ComputeThreads.count(environment: ProcessInfo.processInfo.environment)
    BLASThreads.useOneThreadFromStart()
    for suite in suites where requested.isEmpty || requested.contains(suite.name) {
        try suite.run(threads: threads, report: printJSONLine)
    }
} catch {
    FileHandle.standardError.write(Data("FolioBenchmarks: error: \(error)\n".utf8))
    exit(1)
}
