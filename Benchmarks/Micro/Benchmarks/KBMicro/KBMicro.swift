import Benchmark

/// kb's micro-benchmarks (`Benchmarks/Micro/README.md`), named `<area>/<corpus>/<case>`:
/// analysis and HTML parsing, index builds and opens, and queries, each on the sample
/// corpus (`Articles/`) and on a larger one (the development corpus when `KB_DEV_CORPUS`
/// names it, else the synthetic corpus). Every benchmark compares its result with the
/// recorded one on each iteration and fails when they differ.
let benchmarks: @Sendable () -> Void = {
    FailureOutput.capture()
    registerAnalysisBenchmarks()
    registerIndexBenchmarks()
    registerQueryBenchmarks()
}
