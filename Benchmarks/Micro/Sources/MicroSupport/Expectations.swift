internal import Foundation

/// The recorded results of one corpus (`Expectations/<corpus>.tsv`): one line per checked
/// result, `name<TAB>field=value<TAB>…`, written by `kb-micro-record`.
///
/// Loading checks the corpus's ``CorpusFingerprint`` first, so a run on a different corpus
/// (another LibreOffice release, an edited `Articles/`) says so instead of failing query by
/// query.
public struct Expectations: Sendable {
    /// The command that records the expectations again, for messages.
    public static let recordCommand =
        "cd Benchmarks/Micro && swift run -c release kb-micro-record"
        + " (with KB_DEV_CORPUS=<articles folder> to record the dev corpus too)"

    /// The corpus the expectations are for.
    public let corpus: CorpusKind
    private let lines: [String: RecordedFields]

    /// Loads the expectations of `corpus` and checks that they were recorded on it.
    public static func load(for corpus: BenchmarkCorpus) throws -> Expectations {
        let url = MicroPaths.expectations(corpus.kind)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw MicroBenchmarkError(
                "no expectations recorded for the \(corpus.kind.rawValue) corpus (\(url.path)); run: \(recordCommand)")
        }
        var lines: [String: RecordedFields] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            var values: [String: String] = [:]
            for column in columns.dropFirst() {
                guard let equals = column.firstIndex(of: "=") else {
                    throw MicroBenchmarkError("\(url.path): \"\(column)\" is not a name=value field.")
                }
                values[String(column[..<equals])] = String(column[column.index(after: equals)...])
            }
            lines[columns[0]] = RecordedFields(name: columns[0], values: values)
        }
        let expectations = Expectations(corpus: corpus.kind, lines: lines)
        let recorded = try expectations.outcome(CorpusFingerprint.self, "corpus")
        guard recorded == corpus.fingerprint else {
            throw MicroBenchmarkError(
                "the expectations of the \(corpus.kind.rawValue) corpus were recorded on \(recorded.files) files"
                    + " (\(recorded.bytes) bytes), but this corpus has \(corpus.fingerprint.files) files"
                    + " (\(corpus.fingerprint.bytes) bytes). If the corpus changed on purpose, run: \(recordCommand)")
        }
        return expectations
    }

    /// The recorded outcome called `name`.
    public func outcome<Outcome: RecordedOutcome>(_ type: Outcome.Type, _ name: String) throws -> Outcome {
        guard let fields = lines[name] else {
            throw MicroBenchmarkError(
                "no expectation \"\(name)\" for the \(corpus.rawValue) corpus; run: \(Self.recordCommand)")
        }
        return try Outcome(fields: fields)
    }

    /// The message for a result that differs from the recorded one.
    public static func mismatch(
        _ name: String, expected: some RecordedOutcome, actual: some RecordedOutcome
    ) -> String {
        "\(name): expected \(expected), got \(actual). A wrong answer fails the benchmark however fast it is;"
            + " if the change is intended, record the expectations again: \(recordCommand)"
    }
}

/// Collects outcomes and writes them as an expectations file.
public struct ExpectationsWriter {
    private var lines: [String] = []
    private let corpus: CorpusKind

    /// Starts the file of `corpus`, with its fingerprint.
    public init(corpus: BenchmarkCorpus) {
        self.corpus = corpus.kind
        add("corpus", corpus.fingerprint)
    }

    /// Adds the outcome called `name`.
    public mutating func add(_ name: String, _ outcome: some RecordedOutcome) {
        precondition(!name.contains("\t") && !name.contains("\n"), "names hold no tabs or newlines: \(name)")
        lines.append(([name] + outcome.fields.map { "\($0.0)=\($0.1)" }).joined(separator: "\t"))
    }

    /// Writes `Expectations/<corpus>.tsv`.
    public func write() throws {
        let header = [
            "# Expected results of the micro-benchmarks on the \(corpus.rawValue) corpus: name<TAB>field=value...",
            "# Written by kb-micro-record; a benchmark whose result differs fails. After an intended change:",
            corpus == .dev
                ? "#   cd Benchmarks/Micro && KB_DEV_CORPUS=<articles folder> swift run -c release kb-micro-record dev"
                : "#   cd Benchmarks/Micro && swift run -c release kb-micro-record \(corpus.rawValue)",
        ]
        let url = MicroPaths.expectations(corpus)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try (header + lines).joined(separator: "\n").appending("\n").write(to: url, atomically: true, encoding: .utf8)
    }
}
