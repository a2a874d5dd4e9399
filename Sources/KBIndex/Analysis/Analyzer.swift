internal import Foundation

/// The one analysis pipeline, used at index time and at query time:
/// tokenize → lowercase → fold accents → informal spellings → stop words → stem.
///
/// ```swift
/// let analyzer = Analyzer()
/// analyzer.terms(in: "Não consigo imprimir as CONFIGURAÇÕES")
/// // ["nao", "consig", "imprim", "configurac"] (stems depend on the stemmer)
/// ```
///
/// The analyzer is an immutable value: share one between threads freely.
public struct Analyzer: Sendable {
    /// The settings this analyzer was made with.
    public let options: AnalyzerOptions
    private let tokenizer = Tokenizer()
    private let stemmer: StemmerChoice
    private let stopWords: Set<String>
    private let informalSpellings: [String: String]

    /// Creates an analyzer with `options`.
    public init(options: AnalyzerOptions = .default) {
        self.options = options
        self.stemmer = StemmerChoice(options.stemmer, accentFolded: options.foldsAccents)
        if options.removesStopWords {
            stopWords = options.foldsAccents ? PortugueseStopWords.folded : PortugueseStopWords.standard
        } else {
            stopWords = []
        }
        if options.normalizesInformalSpellings {
            let spellings = InformalSpellings.standard
            informalSpellings = (options.foldsAccents ? spellings.folded() : spellings).replacements
        } else {
            informalSpellings = [:]
        }
    }

    /// The tokens of `text`, in order.
    public func analyze(_ text: String) -> [Token] {
        var tokens: [Token] = []
        forEachToken(in: text) { tokens.append($0) }
        return tokens
    }

    /// The terms of `text`, in order (a term may repeat).
    public func terms(in text: String) -> [String] {
        var terms: [String] = []
        forEachToken(in: text) { terms.append($0.term) }
        return terms
    }

    /// Calls `body` with each token of `text`, without building an array.
    public func forEachToken(in text: String, _ body: (Token) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(64)
            tokenizer.forEachSpan(in: bytes) { span in
                guard let term = finishTerm(span, bytes: bytes, buffer: &buffer) else { return }
                body(Token(term: term, position: span.position, startOffset: span.start, endOffset: span.end))
            }
        }
    }

    /// Lowercases and folds (if the analyzer folds) the words of `text`, without stop words
    /// or stemming: the form prefix queries are matched in (Lucene's `normalize`).
    public func normalize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var text = text
        text.withUTF8 { bytes in
            var buffer: [UInt8] = []
            tokenizer.forEachSpan(in: bytes) { span in
                let term = normalizedTerm(span, bytes: bytes, buffer: &buffer)
                tokens.append(Token(term: term, position: span.position, startOffset: span.start, endOffset: span.end))
            }
        }
        return tokens
    }

    /// Turns a span into its final term, or nil when it is a stop word.
    private func finishTerm(_ span: WordSpan, bytes: UnsafeBufferPointer<UInt8>, buffer: inout [UInt8]) -> String? {
        var term = normalizedTerm(span, bytes: bytes, buffer: &buffer)
        guard span.kind == .word || span.kind == .compound else { return term }
        if span.kind == .word, let standard = informalSpellings[term] {
            term = standard
        }
        if span.kind == .word, stopWords.contains(term) {
            return nil
        }
        // Codes and file names are matched as written: no stemming for words with digits
        // ("h2so4", "v8") or dots ("integra.config").
        if buffer.contains(where: { ($0 &- UInt8(ascii: "0") < 10) || $0 == UInt8(ascii: ".") }) {
            return term
        }
        let stem = stemmer.stem(term)
        return stem.isEmpty ? term : stem
    }

    /// The lowercased (and folded, if configured) bytes of a span, as a String. Leaves the
    /// bytes in `buffer`.
    private func normalizedTerm(_ span: WordSpan, bytes: UnsafeBufferPointer<UInt8>, buffer: inout [UInt8]) -> String {
        buffer.removeAll(keepingCapacity: true)
        let dropsJoiners = span.kind == .compound
        var needsComposition = false
        var offset = span.start
        while offset < span.end {
            let (value, length) = decodeScalar(bytes, at: offset)
            offset += length
            if value < 0x80 {
                let byte = UInt8(truncatingIfNeeded: value)
                if dropsJoiners && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'")) { continue }
                buffer.append(AccentFolding.asciiLowercase(byte))
                continue
            }
            if dropsJoiners {
                let scalarClass = ScalarClass.of(value)
                if scalarClass == .hyphen || scalarClass == .apostrophe { continue }
            }
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            if options.foldsAccents {
                AccentFolding.appendFolded(scalar, to: &buffer)
            } else {
                if ScalarClass.of(value) == .mark { needsComposition = true }
                AccentFolding.appendLowercased(scalar, to: &buffer)
            }
        }
        let term = String(decoding: buffer, as: UTF8.self)
        // NFD input ("c" + U+0327) must give the same term as NFC ("ç").
        return needsComposition ? term.precomposedStringWithCanonicalMapping : term
    }
}
