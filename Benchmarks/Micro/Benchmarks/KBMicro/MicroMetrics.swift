import Benchmark
import Foundation
import MicroSupport

/// The metrics of kb's micro-benchmarks, beyond the package's own.
enum MicroMetric {
    /// Input bytes per second (HTML for parsing and builds, text for analysis and the writer),
    /// measured around each iteration's work: 25M reads as 25 MB/s.
    static let bytesPerSecond = BenchmarkMetric.custom("bytes/s", polarity: .prefersLarger, useScalingFactor: false)
    /// Articles per second, measured the same way.
    static let articlesPerSecond = BenchmarkMetric.custom(
        "articles/s", polarity: .prefersLarger, useScalingFactor: false)
}

extension Benchmark.Configuration {
    /// Whole-corpus benchmarks: a few long iterations on the larger corpus, many short ones
    /// on the sample.
    static func corpusPass(_ corpus: CorpusKind, articles: Bool) -> Benchmark.Configuration {
        var metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal, MicroMetric.bytesPerSecond]
        if articles { metrics.append(MicroMetric.articlesPerSecond) }
        return Benchmark.Configuration(
            metrics: metrics, warmupIterations: 1, maxDuration: .seconds(corpus == .sample ? 2 : 6),
            maxIterations: corpus == .sample ? 1_000 : 12)
    }
}

extension Benchmark {
    /// Runs `work` and records its rates: `bytes` per second and, when given, `articles`
    /// per second.
    func measuringRates<Result>(bytes: Int, articles: Int? = nil, _ work: () throws -> Result) rethrows -> Result {
        let start = ContinuousClock.now
        let result = try work()
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        measurement(MicroMetric.bytesPerSecond, Int(Double(bytes) / seconds))
        if let articles { measurement(MicroMetric.articlesPerSecond, Int(Double(articles) / seconds)) }
        return result
    }

    /// Fails the run when `actual` differs from the recorded `expected`. The name is only
    /// built on failure, so that checking allocates nothing.
    func check<Outcome: RecordedOutcome>(_ actual: Outcome, _ expected: Outcome, _ name: @autoclosure () -> String) {
        if actual != expected {
            failRun("\(self.name): \(Expectations.mismatch(name(), expected: expected, actual: actual))")
        }
    }

    /// Runs `work`; an error fails the run.
    func require<Result>(_ work: () throws -> Result) -> Result {
        do {
            return try work()
        } catch {
            failRun("\(name): \(error)")
        }
    }
}

/// A benchmark's state, made in its setup; a setup that cannot run (no corpus, expectations
/// of another corpus) fails the run.
func prepare<State>(_ make: () throws -> State) -> State {
    do {
        return try make()
    } catch {
        failRun("setup: \(error)")
    }
}

/// Prints `message` and ends the benchmark process with a failure status, so that
/// `swift package benchmark` exits non-zero: in ordo-one/benchmark 1.38.1 a failure reported
/// with `Benchmark.error(_:)` or thrown by a setup is printed, but the command still exits 0.
func failRun(_ message: String) -> Never {
    ScratchFolder.removeAll()
    FailureOutput.write("error: \(message)\n")
    exit(1)
}

/// Where ``failRun(_:)`` writes: the process's standard error as it was when the benchmarks
/// were registered. With `--no-progress` ordo-one/benchmark sends the benchmark process's
/// output to /dev/null while a benchmark runs.
enum FailureOutput {
    nonisolated(unsafe) private static var descriptor = STDERR_FILENO

    /// Keeps a duplicate of standard error; call before any benchmark runs.
    static func capture() {
        let duplicate = dup(STDERR_FILENO)
        if duplicate >= 0 { descriptor = duplicate }
    }

    /// Writes `message` whole.
    static func write(_ message: String) {
        var bytes = Array(message.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
