public import KBIndex

/// Picks the best passage of an article's body for a results page and highlights the words
/// the query matched.
///
/// Words are found with the index's own ``KBIndex/Analyzer``: a token is highlighted when its
/// term is one of the query's matched index terms, so `Configurações` lights up for the query
/// `configuracao`, and a typo-corrected term lights up the word it was corrected to. The body
/// is analyzed once.
///
/// **The passage** is a window of about ``targetLength`` characters (Unicode scalars, the same
/// for NFC text) chosen by, in order: the sum of the weights of the distinct matched terms it
/// holds (1 per term unless weights are given, e.g. IDF), the number of matches, and
/// earliness. It starts at the beginning of the sentence or line (the body has one block per
/// line) of its first match when that fits, else a few words before the first match. Both ends
/// are cut between words (at whitespace), with `…` on a side that is not the start or end of
/// the text. The passage holds at most ``targetLength`` + ``maximumWordOverflow`` scalars
/// before ellipses: it exceeds ``targetLength`` only to finish the word of its last match.
/// A single word too long to fit (a long URL, a run without spaces) is cut between characters.
/// Whitespace runs, newlines included, become one space.
///
/// ```swift
/// let analyzer = Analyzer()  // the index's
/// let generator = SnippetGenerator(analyzer: analyzer)
/// let terms = Set(analyzer.terms(in: "configuracao impressora"))  // as the search matched them
/// let snippet = generator.snippet(for: article.body, matching: terms)
/// snippet.html  // "…abra as <mark>Configurações</mark> da <mark>impressora</mark> e…"
/// ```
public struct SnippetGenerator: Sendable {
    /// How many scalars the passage may grow past ``targetLength`` to finish its last match's
    /// word; a longer word is cut between characters instead.
    public static let maximumWordOverflow = 32

    /// The analyzer of the index the terms come from.
    public let analyzer: Analyzer
    /// The passage length aimed at, in Unicode scalars (at least 1).
    public let targetLength: Int

    /// Creates a generator that analyzes text with `analyzer` (the index's) and aims at
    /// passages of `targetLength` characters.
    public init(analyzer: Analyzer, targetLength: Int = 160) {
        self.analyzer = analyzer
        self.targetLength = max(1, targetLength)
    }

    /// The best passage of `text` for the index terms `terms` (analyzed, as matched by the
    /// search), with the matching words highlighted.
    ///
    /// - Parameters:
    ///   - text: The article's body (or any text), one block per line.
    ///   - terms: The index terms the query matched: stemmed, folded, typo-corrected.
    ///   - weights: Optional weight per term (e.g. IDF) so that rare terms count more when
    ///     choosing the passage; a missing, negative or non-finite weight counts as 1.
    ///   - fallback: Text to show instead, with the same treatment, when nothing in `text`
    ///     matches (e.g. the article's summary); when nil, the start of `text` is shown.
    public func snippet(
        for text: String, matching terms: Set<String>, weights: [String: Double] = [:], fallback: String? = nil
    ) -> Snippet {
        let table = TermTable(terms: terms, weights: weights)
        let matches = findMatches(in: text, table: table)
        if matches.isEmpty, let fallback {
            return snippet(for: fallback, matching: terms, weights: weights)
        }
        var text = text
        return text.withUTF8 { bytes in
            let source = UTF8Text(bytes: bytes)
            let cut = matches.isEmpty ? leadingPassage(of: source) : bestPassage(of: source, matches, table.weights)
            return source.render(cut, highlighting: matches)
        }
    }

    /// The whole of `text` (e.g. an article's title) with the words whose terms are in `terms`
    /// highlighted; whitespace runs become one space and the ends are trimmed.
    public func highlight(_ text: String, matching terms: Set<String>) -> Snippet {
        let matches = findMatches(in: text, table: TermTable(terms: terms, weights: [:]))
        var text = text
        return text.withUTF8 { bytes in
            let source = UTF8Text(bytes: bytes)
            let cut = source.trimmed(
                PassageCut(start: 0, end: bytes.count, hasLeadingEllipsis: false, hasTrailingEllipsis: false))
            return source.render(cut, highlighting: matches)
        }
    }

    /// The tokens of `text` whose term is in `table`, ordered by start.
    private func findMatches(in text: String, table: TermTable) -> [SnippetMatch] {
        var matches: [SnippetMatch] = []
        guard !table.identifiers.isEmpty, !text.isEmpty else { return matches }
        var isSorted = true
        analyzer.forEachToken(in: text) { token in
            guard let term = table.identifiers[token.term] else { return }
            if let last = matches.last, last.start > token.startOffset { isSorted = false }
            matches.append(SnippetMatch(start: token.startOffset, end: token.endOffset, term: term))
        }
        if !isSorted {
            matches.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        }
        return matches
    }

    /// The start of `source`, when nothing matched.
    private func leadingPassage(of source: UTF8Text) -> PassageCut {
        let start = source.wordStart(atOrAfter: TextPosition(), limit: source.count)
        let end = cutEnd(of: source, from: start, reaching: start)
        return source.trimmed(
            PassageCut(start: start.byte, end: end, hasLeadingEllipsis: false, hasTrailingEllipsis: true))
    }

    /// The passage around the best window of matches.
    private func bestPassage(of source: UTF8Text, _ matches: [SnippetMatch], _ weights: [Double]) -> PassageCut {
        let layout = MatchLayout(
            matches, in: source, targetLength: targetLength, wordOverflow: Self.maximumWordOverflow)
        let window = bestWindow(layout.places, matches, weights)
        let first = layout.places[window.lowerBound]
        var lastEnd = TextPosition(byte: 0, scalar: 0)
        for index in window where matches[index].end > lastEnd.byte {
            lastEnd = TextPosition(byte: matches[index].end, scalar: layout.places[index].endScalar)
        }
        let wordStart = first.wordStart
        let slack = max(0, targetLength - (lastEnd.scalar - wordStart.scalar))
        var start: TextPosition
        if wordStart.scalar - first.sentenceStart.scalar <= slack {
            start = first.sentenceStart
        } else {
            var lead = min(slack, targetLength / 5)
            // Near the end of the text, show more before the match instead of a short passage.
            let tail = layout.scalarCount - wordStart.scalar
            if tail < targetLength {
                lead = min(slack, max(lead, targetLength - tail))
            }
            start = source.position(scalars: lead, before: wordStart)
            start = source.wordStart(atOrAfter: start, limit: wordStart.byte)
        }
        let end = cutEnd(of: source, from: start, reaching: lastEnd)
        return source.trimmed(
            PassageCut(start: start.byte, end: end, hasLeadingEllipsis: true, hasTrailingEllipsis: true))
    }

    /// The run of matches `first..<end` with the best score among the longest runs starting at
    /// each match's word that fit in ``targetLength``: distinct terms' weight, then matches,
    /// then earliness.
    private func bestWindow(_ places: [MatchPlace], _ matches: [SnippetMatch], _ weights: [Double]) -> Range<Int> {
        var counts = [Int](repeating: 0, count: weights.count)
        var distinctWeight = 0.0
        var best = 0..<1
        var bestWeight = -1.0
        var bestCount = 0
        var end = 0
        for first in places.indices {
            while end < places.count,
                end == first || places[end].endScalar - places[first].wordStart.scalar <= targetLength
            {
                let term = matches[end].term
                if counts[term] == 0 { distinctWeight += weights[term] }
                counts[term] += 1
                end += 1
            }
            let count = end - first
            let tolerance = 1e-9 * max(1, bestWeight)
            if distinctWeight > bestWeight + tolerance
                || (distinctWeight >= bestWeight - tolerance && count > bestCount)
            {
                best = first..<end
                bestWeight = distinctWeight
                bestCount = count
            }
            let term = matches[first].term
            counts[term] -= 1
            if counts[term] == 0 { distinctWeight -= weights[term] }
        }
        return best
    }

    /// Where a passage starting at `start` ends: ``targetLength`` scalars on, moved back to the
    /// start of the word there if that word comes after `lastMatch` (the end of the last match
    /// to show), else on to the word's end if that is at most ``maximumWordOverflow`` scalars
    /// away, else to the next character boundary. The passage may then have whitespace to trim.
    private func cutEnd(of source: UTF8Text, from start: TextPosition, reaching lastMatch: TextPosition) -> Int {
        let overflow = Self.maximumWordOverflow
        let goal = start.scalar + targetLength
        var end = start
        while end.scalar < goal, end.byte < source.count {
            source.advance(&end)
        }
        if end.byte >= source.count || source.isWordBoundary(end.byte) {
            return end.byte
        }
        // In a word: end before it when it comes after the last match…
        var wordStart = end
        while wordStart.byte > start.byte, !source.isWhitespace(before: wordStart.byte) {
            source.retreat(&wordStart)
        }
        if wordStart.byte > start.byte, wordStart.byte >= lastMatch.byte {
            return wordStart.byte
        }
        // …else finish the word if it is short enough…
        var wordEnd = end
        while wordEnd.byte < source.count, wordEnd.scalar - end.scalar < overflow,
            source.whitespaceLength(at: wordEnd.byte) == 0
        {
            source.advance(&wordEnd)
        }
        if wordEnd.byte >= source.count || source.whitespaceLength(at: wordEnd.byte) > 0 {
            return wordEnd.byte
        }
        // …else cut it between characters.
        return source.characterBoundary(atOrAfter: end.byte)
    }
}

/// The query's terms numbered, with their weights.
private struct TermTable {
    /// Term → its number, an index into `weights`.
    var identifiers: [String: Int] = [:]
    /// Weight of each term number.
    var weights: [Double] = []

    init(terms: Set<String>, weights: [String: Double]) {
        identifiers.reserveCapacity(terms.count)
        self.weights.reserveCapacity(terms.count)
        for term in terms {
            identifiers[term] = self.weights.count
            let weight = weights[term] ?? 1
            self.weights.append(weight.isFinite && weight >= 0 ? weight : 1)
        }
    }
}

/// A token of the text whose term matched: its UTF-8 byte range and term number.
private struct SnippetMatch {
    var start: Int
    var end: Int
    var term: Int
}

/// A place in UTF-8 text: byte offset and scalar count from the start.
private struct TextPosition {
    var byte = 0
    var scalar = 0
}

/// Where a match sits, in scalars, and where its word and sentence start.
private struct MatchPlace {
    /// Scalar offset just past the match.
    var endScalar: Int
    /// Start of the whitespace-delimited word holding the match, or the match itself when
    /// that word starts more than the word overflow before it or the match does not fit in
    /// the target length from there.
    var wordStart: TextPosition
    /// Start of the sentence or line holding the match.
    var sentenceStart: TextPosition
}

/// The places of all matches and the text's scalar count, found in one pass over the bytes.
private struct MatchLayout {
    var places: [MatchPlace] = []
    var scalarCount = 0

    init(_ matches: [SnippetMatch], in source: UTF8Text, targetLength: Int, wordOverflow: Int) {
        places.reserveCapacity(matches.count)
        var position = TextPosition()
        var wordStart = TextPosition()
        var sentenceStart = TextPosition()
        var afterWhitespace = true
        var sentenceEnded = true
        var afterStop = false
        var next = 0
        while position.byte < source.count, next < matches.count {
            let byte = source.bytes[position.byte]
            if source.whitespaceLength(at: position.byte) > 0 {
                if afterStop || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { sentenceEnded = true }
                afterWhitespace = true
            } else {
                if afterWhitespace {
                    wordStart = position
                    if sentenceEnded { sentenceStart = position }
                    sentenceEnded = false
                }
                afterWhitespace = false
                afterStop = byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
            }
            while next < matches.count, matches[next].start <= position.byte {
                let match = matches[next]
                let length = source.scalarCount(in: position.byte..<max(position.byte, match.end))
                let endScalar = position.scalar + length
                let isWordTooLong =
                    position.scalar - wordStart.scalar > wordOverflow
                    || endScalar - wordStart.scalar > targetLength
                places.append(
                    MatchPlace(
                        endScalar: endScalar, wordStart: isWordTooLong ? position : wordStart,
                        sentenceStart: sentenceStart))
                next += 1
            }
            source.advance(&position)
        }
        scalarCount = position.scalar + source.scalarCount(in: position.byte..<source.count)
    }
}

/// The chosen passage: a byte range of the source and whether each side shows `…`.
private struct PassageCut {
    var start: Int
    var end: Int
    var hasLeadingEllipsis: Bool
    var hasTrailingEllipsis: Bool
}

/// Read-only helpers over valid UTF-8 bytes (a Swift string's): scalar stepping, whitespace,
/// character boundaries, and the rendering of a passage.
private struct UTF8Text {
    let bytes: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    /// Length of the scalar whose first byte is at `offset`.
    func scalarLength(at offset: Int) -> Int {
        let lead = bytes[offset]
        if lead < 0xC0 { return 1 }
        if lead < 0xE0 { return 2 }
        return lead < 0xF0 ? 3 : 4
    }

    /// The scalar starting at `offset`.
    func scalar(at offset: Int) -> UInt32 {
        let length = scalarLength(at: offset)
        if length == 1 { return UInt32(bytes[offset]) }
        var value = UInt32(bytes[offset]) & (0x7F >> UInt32(length))
        for index in offset + 1..<min(offset + length, count) {
            value = value << 6 | UInt32(bytes[index] & 0x3F)
        }
        return value
    }

    /// Number of scalars in `range`.
    func scalarCount(in range: Range<Int>) -> Int {
        var scalars = 0
        for index in range where bytes[index] & 0xC0 != 0x80 {
            scalars += 1
        }
        return scalars
    }

    /// Moves `position` one scalar on.
    func advance(_ position: inout TextPosition) {
        position.byte += scalarLength(at: position.byte)
        position.scalar += 1
    }

    /// Moves `position` one scalar back.
    func retreat(_ position: inout TextPosition) {
        position.byte = scalarStart(before: position.byte)
        position.scalar -= 1
    }

    /// Offset of the scalar that ends at `offset`.
    func scalarStart(before offset: Int) -> Int {
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// Byte length of the whitespace scalar at `offset`, or 0 when it is not whitespace.
    /// Whitespace: ASCII controls and space, DEL, NEL, the Unicode spaces except the
    /// non-breaking ones (U+00A0, U+2007, U+202F), and the line and paragraph separators.
    func whitespaceLength(at offset: Int) -> Int {
        let lead = bytes[offset]
        if lead < 0x80 { return lead <= 0x20 || lead == 0x7F ? 1 : 0 }
        guard lead == 0xC2 || (lead >= 0xE1 && lead <= 0xE3) else { return 0 }
        switch scalar(at: offset) {
        case 0x85, 0x1680, 0x2000...0x2006, 0x2008...0x200A, 0x2028, 0x2029, 0x205F, 0x3000:
            return scalarLength(at: offset)
        default:
            return 0
        }
    }

    /// Whether the scalar before `offset` is whitespace (false at the start).
    func isWhitespace(before offset: Int) -> Bool {
        offset > 0 && whitespaceLength(at: scalarStart(before: offset)) > 0
    }

    /// Whether a passage may end or start at `offset` without cutting a word.
    func isWordBoundary(_ offset: Int) -> Bool {
        offset == 0 || offset == count || whitespaceLength(at: offset) > 0 || isWhitespace(before: offset)
    }

    /// `position` moved back `scalars` scalars (not past the start).
    func position(scalars: Int, before position: TextPosition) -> TextPosition {
        var result = position
        while result.byte > 0, position.scalar - result.scalar < scalars {
            retreat(&result)
        }
        return result
    }

    /// The first start of a word at or after `position`, or `limit` if none comes before it.
    func wordStart(atOrAfter position: TextPosition, limit: Int) -> TextPosition {
        var result = position
        var afterWhitespace = result.byte == 0 || isWhitespace(before: result.byte)
        while result.byte < limit {
            let isWhitespace = whitespaceLength(at: result.byte) > 0
            if !isWhitespace, afterWhitespace { break }
            afterWhitespace = isWhitespace
            advance(&result)
        }
        return result
    }

    /// The first offset at or after `offset` where a character (grapheme) can end: not before
    /// a combining mark, a zero-width joiner, a variation selector or an emoji modifier, nor
    /// after a joiner.
    func characterBoundary(atOrAfter offset: Int) -> Int {
        var result = offset
        while result > 0, result < count {
            let value = scalar(at: result)
            let previous = scalar(at: scalarStart(before: result))
            guard previous == 0x200D || Self.extendsCharacter(value) else { break }
            result += scalarLength(at: result)
        }
        return result
    }

    /// Whether `value` attaches to the scalar before it in the same character.
    static func extendsCharacter(_ value: UInt32) -> Bool {
        if value < 0x300 { return false }
        if value == 0x200C || value == 0x200D || (0x1F3FB...0x1F3FF).contains(value) { return true }
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        if properties.isGraphemeExtend { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// `cut` without whitespace at either end, and with ellipses only where text was left out.
    func trimmed(_ cut: PassageCut) -> PassageCut {
        var result = cut
        while result.start < result.end, whitespaceLength(at: result.start) > 0 {
            result.start += scalarLength(at: result.start)
        }
        while result.end > result.start, isWhitespace(before: result.end) {
            result.end = scalarStart(before: result.end)
        }
        if result.hasLeadingEllipsis {
            var before = result.start
            while before > 0, isWhitespace(before: before) { before = scalarStart(before: before) }
            result.hasLeadingEllipsis = before > 0
        }
        if result.hasTrailingEllipsis {
            var after = result.end
            while after < count, whitespaceLength(at: after) > 0 { after += scalarLength(at: after) }
            result.hasTrailingEllipsis = after < count
        }
        return result
    }

    /// The snippet of `cut`: whitespace runs collapsed to one space, `…` added, `matches`
    /// (ordered by start) merged where they overlap, clipped and highlighted.
    func render(_ cut: PassageCut, highlighting matches: [SnippetMatch]) -> Snippet {
        let ellipsis = "…".utf8
        var text: [UInt8] = []
        var html: [UInt8] = []
        text.reserveCapacity(cut.end - cut.start + 8)
        html.reserveCapacity(cut.end - cut.start + 64)
        var highlights: [Range<Int>] = []
        if cut.hasLeadingEllipsis {
            text.append(contentsOf: ellipsis)
            html.append(contentsOf: ellipsis)
        }
        var next = 0
        var offset = cut.start
        while offset < cut.end {
            while next < matches.count, matches[next].end <= offset { next += 1 }
            guard next < matches.count, matches[next].start <= offset else {
                // Plain text up to the next match.
                let plainEnd = next < matches.count ? min(cut.end, matches[next].start) : cut.end
                append(offset..<plainEnd, text: &text, html: &html)
                offset = plainEnd
                continue
            }
            // A highlight: this match and every match overlapping it.
            var markEnd = min(matches[next].end, cut.end)
            next += 1
            while next < matches.count, matches[next].start < markEnd {
                markEnd = max(markEnd, min(matches[next].end, cut.end))
                next += 1
            }
            let markStart = text.count
            html.append(contentsOf: "<mark>".utf8)
            append(offset..<markEnd, text: &text, html: &html)
            html.append(contentsOf: "</mark>".utf8)
            highlights.append(markStart..<text.count)
            offset = markEnd
        }
        if cut.hasTrailingEllipsis {
            text.append(contentsOf: ellipsis)
            html.append(contentsOf: ellipsis)
        }
        return Snippet(
            text: String(decoding: text, as: UTF8.self), highlights: highlights,
            html: String(decoding: html, as: UTF8.self))
    }

    /// Appends the bytes of `range` to `text` and, escaped, to `html`, whitespace runs collapsed
    /// to one space (none at the start of `text`).
    private func append(_ range: Range<Int>, text: inout [UInt8], html: inout [UInt8]) {
        var offset = range.lowerBound
        while offset < range.upperBound {
            let space = whitespaceLength(at: offset)
            if space > 0 {
                if let last = text.last, last != UInt8(ascii: " ") {
                    text.append(UInt8(ascii: " "))
                    html.append(UInt8(ascii: " "))
                }
                offset += space
                continue
            }
            let byte = bytes[offset]
            text.append(byte)
            HTMLEscaping.append(byte, to: &html)
            offset += 1
        }
    }
}
