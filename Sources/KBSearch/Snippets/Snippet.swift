/// A passage of an article (or a whole title) with the words that matched the query
/// highlighted, in plain and HTML form. Made by ``SnippetGenerator``.
///
/// ```swift
/// // text:       "…abra as Configurações da impressora e…"
/// // highlights: [11..<26, 30..<40]   (UTF-8 offsets into `text`)
/// // html:       "…abra as <mark>Configurações</mark> da <mark>impressora</mark> e…"
/// ```
public struct Snippet: Sendable, Hashable {
    /// The plain passage: whitespace runs (newlines included) collapsed to one space, with `…`
    /// where the passage cuts the source text.
    public var text: String
    /// The highlighted words as **UTF-8 byte offsets** into ``text``, in order and never
    /// overlapping. Each matched word is its own range, even next to another one; words that
    /// overlap (a compound such as `e-mail` and its part `mail`) share one range. Use
    /// ``highlightRanges`` for `String.Index` ranges, from which character or UTF-16 offsets
    /// follow (`text.utf16.distance(from:to:)`).
    public var highlights: [Range<Int>]
    /// ``text`` HTML-escaped (see ``HTMLEscaping``), with each range of ``highlights`` wrapped
    /// in `<mark>` and `</mark>`: the only markup it contains.
    public var html: String

    /// Creates a snippet from its parts; `highlights` are UTF-8 offsets into `text`.
    public init(text: String, highlights: [Range<Int>], html: String) {
        self.text = text
        self.highlights = highlights
        self.html = html
    }

    /// The empty snippet (empty source text).
    public static let empty = Snippet(text: "", highlights: [], html: "")

    /// Whether any word is highlighted.
    public var hasHighlights: Bool { !highlights.isEmpty }

    /// ``highlights`` as ranges of `String.Index` into ``text``.
    public var highlightRanges: [Range<String.Index>] {
        let utf8 = text.utf8
        return highlights.map { range in
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let upper = utf8.index(lower, offsetBy: range.count)
            return lower..<upper
        }
    }
}
