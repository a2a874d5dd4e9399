import FuzzSupport
import KBIndex

/// The analysis pipeline on arbitrary text: the tokenizer on raw bytes (invalid UTF-8
/// included), lowercasing and accent folding, and the analyzer under one of its 40
/// configurations, chosen by the input's first byte (every stemmer, with and without stop
/// words, folding and informal spellings). Then every stemmer, folded variant or not, stems
/// the input's words and its white-space separated chunks (the first few distinct ones).
///
/// Checks: spans and tokens lie inside the input, on scalar boundaries, in position order;
/// tokens are spans of the tokenizer; terms are non-empty, hold no white space or control
/// character, and no U+FFFD that their source did not; folding and lowercasing are
/// idempotent and a folding analyzer's terms are folded; folded stemmers keep folded words folded.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let raw = UnsafeBufferPointer(start: data, count: size)
    checkSpans(of: raw, validUTF8: false)
    let text = String(decoding: raw, as: UTF8.self)
    let utf8 = Array(text.utf8)
    utf8.withUnsafeBufferPointer { checkSpans(of: $0, validUTF8: true) }

    let folded = AccentFolding.fold(text)
    let lowercased = AccentFolding.lowercase(text)
    require(AccentFolding.fold(folded) == folded, "folding is not idempotent")
    require(AccentFolding.lowercase(lowercased) == lowercased, "lowercasing is not idempotent")
    require(AccentFolding.fold(lowercased) == folded, "folding the lowercased text differs")

    let analyzer = analyzers[Int(raw.first ?? 0) % analyzers.count]
    checkTokens(analyzer.analyze(text), of: utf8, options: analyzer.options)
    let spans = tokenizer.spans(in: text)
    var stemmed = Set<String>()
    for normalizer in [foldingNormalizer, lowercasingNormalizer] {
        let tokens = normalizer.normalize(text)
        require(tokens.count == spans.count, "normalize gives \(tokens.count) tokens for \(spans.count) spans")
        checkTokens(tokens, of: utf8, options: normalizer.options)
        for (token, span) in zip(tokens, spans) {
            require(
                (token.startOffset, token.endOffset, token.position) == (span.start, span.end, span.position),
                "token \(token) is not span \(span)")
            if span.kind == .word, stemmed.count < stemmedWordLimit, stemmed.insert(token.term).inserted {
                stemWithEveryStemmer(token.term, isFolded: normalizer.options.foldsAccents)
            }
        }
    }
    for chunk in text.split(whereSeparator: { $0.isWhitespace }).prefix(stemmedWordLimit) {
        stemWithEveryStemmer(String(chunk), isFolded: false)
    }
    return 0
}

private let tokenizer = Tokenizer()

/// How many distinct words, and how many raw chunks, every stemmer stems per input: enough
/// for any word the mutations make, few enough to keep thousands of runs a second (the
/// configured analyzer stems every word anyway).
private let stemmedWordLimit = 24

/// Every analyzer configuration: 5 stemmers × stop words × folding × informal spellings.
private let analyzers: [Analyzer] = StemmerName.allCases.flatMap { stemmer in
    [true, false].flatMap { stopWords in
        [true, false].flatMap { folds in
            [true, false].map { informal in
                Analyzer(
                    options: AnalyzerOptions(
                        stemmer: stemmer, removesStopWords: stopWords, foldsAccents: folds,
                        normalizesInformalSpellings: informal))
            }
        }
    }
}

private let foldingNormalizer = Analyzer(options: AnalyzerOptions(foldsAccents: true))
private let lowercasingNormalizer = Analyzer(options: AnalyzerOptions(foldsAccents: false))

/// Every stemmer, in its plain and its accent-folded variant.
private let stemmers: [(name: StemmerName, folded: Bool, stemmer: StemmerChoice)] =
    StemmerName.allCases.filter { $0 != .none }.flatMap { name in
        [false, true].map { folded in (name, folded, StemmerChoice(name, accentFolded: folded)) }
    }

/// Stems `word` with every stemmer. A folded word stemmed by a folded stemmer stays folded:
/// the folded variants' suffix tables and replacements are folded.
private func stemWithEveryStemmer(_ word: String, isFolded: Bool) {
    for (name, folded, stemmer) in stemmers {
        let stem = stemmer.stem(word)
        if isFolded && folded {
            require(
                AccentFolding.fold(stem) == stem, "\(name) (folded) stems \(String(reflecting: word)) to \(stem)")
        }
    }
}

/// Spans lie inside the bytes, start before they end, come in position order, and respect
/// the tokenizer's length limits (words, addresses); over valid UTF-8 they start and end on scalar boundaries.
private func checkSpans(of bytes: UnsafeBufferPointer<UInt8>, validUTF8: Bool) {
    var previous: WordSpan?
    tokenizer.forEachSpan(in: bytes) { span in
        require(0 <= span.start && span.start < span.end && span.end <= bytes.count, "span \(span) out of range")
        if let previous {
            require(
                previous.position <= span.position && previous.start <= span.start, "span \(span) after \(previous)")
        }
        if span.kind == .address {
            require(span.end - span.start <= Tokenizer.maximumAddressBytes, "address span \(span) too long")
        }
        if validUTF8 {
            require(isBoundary(span.start, in: bytes) && isBoundary(span.end, in: bytes), "span \(span) cuts a scalar")
            if span.kind == .word {
                let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
                // Combining marks do not count, so that NFD words are as long as NFC ones.
                let scalars = word.unicodeScalars.count(where: { !isMark($0) })
                require(scalars <= Tokenizer.maximumWordScalars, "word span \(span) of \(scalars) scalars")
            }
        }
        previous = span
    }
}

/// Tokens are spans of the tokenizer with well-formed terms.
private func checkTokens(_ tokens: [Token], of utf8: [UInt8], options: AnalyzerOptions) {
    var previousPosition = 0
    for token in tokens {
        require(0 <= token.startOffset && token.startOffset < token.endOffset && token.endOffset <= utf8.count)
        require(token.position >= previousPosition, "token positions go back at \(token)")
        previousPosition = token.position
        let term = token.term
        require(!term.isEmpty, "empty term at \(token)")
        for scalar in term.unicodeScalars {
            require(!scalar.properties.isWhitespace && scalar.value >= 0x20, "separator in term \(token)")
        }
        let source = String(decoding: utf8[token.startOffset..<token.endOffset], as: UTF8.self)
        if term.unicodeScalars.contains("\u{FFFD}") {
            require(source.unicodeScalars.contains("\u{FFFD}"), "U+FFFD in term \(token) of \(source)")
        }
        if options.foldsAccents {
            require(AccentFolding.fold(term) == term, "term \(String(reflecting: term)) is not folded")
        } else {
            require(AccentFolding.lowercase(term) == term, "term \(String(reflecting: term)) is not lowercase")
        }
    }
}

private func isMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: true
    default: false
    }
}

/// Whether `offset` starts a scalar (or is the end of the bytes).
private func isBoundary(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    offset == bytes.count || bytes[offset] & 0xC0 != 0x80
}
