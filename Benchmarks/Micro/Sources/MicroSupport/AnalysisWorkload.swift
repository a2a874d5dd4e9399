public import KBIndex

/// A stage of analysis measured on its own.
public enum AnalysisStage: String, Sendable, CaseIterable {
    /// The whole pipeline, as indexing runs it (``Analyzer/forEachToken(in:_:)``).
    case full
    /// The tokenizer alone (``Tokenizer/forEachSpan(in:_:)``).
    case tokenize
    /// Tokenizing, lowercasing and accent folding (``Analyzer/normalize(_:)``).
    case normalize
    /// The default stemmer (accent-folded Snowball) over every normalized word.
    case stem
}

/// One analysis stage over a corpus's text, with its input prepared outside the measurement.
public struct AnalysisWorkload: Sendable {
    /// The stage measured.
    public let stage: AnalysisStage
    /// The UTF-8 bytes one run reads: the text, or for ``AnalysisStage/stem`` the words.
    public let inputBytes: Int
    private let text: AnalysisText
    private let words: [String]
    private let analyzer = Analyzer()
    private let stemmer = StemmerChoice(AnalyzerOptions.default.stemmer, accentFolded: true)

    /// Prepares `stage` over the text of `articles`.
    public init(_ stage: AnalysisStage, articles: [Article]) {
        self.stage = stage
        text = AnalysisText(articles)
        words = stage == .stem ? text.normalizedWords(with: analyzer) : []
        inputBytes = stage == .stem ? words.reduce(0) { $0 + $1.utf8.count } : text.byteCount
    }

    /// Runs the stage once over the whole input.
    public func run() -> TextTally {
        switch stage {
        case .full: text.analyze(with: analyzer)
        case .tokenize: text.tokenize()
        case .normalize: text.normalize(with: analyzer)
        case .stem: AnalysisText.stem(words, with: stemmer)
        }
    }

    /// The name of the stage's expectation.
    public var expectationName: String { "analysis/\(stage.rawValue)" }
}
