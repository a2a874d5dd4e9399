/// A word found by the ``Tokenizer``: a byte range of the source text and how to read it.
///
/// The tokenizer only finds boundaries; the ``Analyzer`` turns each span into a term.
public struct WordSpan: Sendable, Hashable {
    /// How the bytes of a span become a term.
    public enum Kind: Sendable, Hashable {
        /// A plain run of letters, digits and combining marks (`configuração`, `H2SO4`).
        case word
        /// A number with decimal or thousands separators, kept whole (`7.4`, `1.234,56`).
        case number
        /// The whole of a compound, hyphens and apostrophes dropped and dots kept
        /// (`guarda-chuva` → `guardachuva`, `NF-e` → `nfe`, `integra.config`).
        case compound
        /// A URL (scheme dropped) or an e-mail address, kept whole so it does not explode
        /// into noise.
        case address
    }

    /// UTF-8 byte offset of the span's first byte.
    public var start: Int
    /// UTF-8 byte offset just past the span's last byte.
    public var end: Int
    /// Word position; the whole of a compound shares its first part's position.
    public var position: Int
    /// How to read the bytes.
    public var kind: Kind

    /// Creates a span.
    public init(start: Int, end: Int, position: Int, kind: Kind) {
        self.start = start
        self.end = end
        self.position = position
        self.kind = kind
    }
}
