/// Settings for ``ArticleParser``: where the main content is, and how much input to accept.
///
/// ```swift
/// let options = ArticleParserOptions(contentSelector: try ContentSelector(parsing: "#DisplayArea"))
/// let parser = ArticleParser(options: options)
/// ```
public struct ArticleParserOptions: Sendable, Hashable {
    /// The default ``maximumFileSize``: 10 MiB.
    public static let defaultMaximumFileSize = 10 * 1024 * 1024

    /// The default ``maximumSummaryLength``, in characters.
    public static let defaultMaximumSummaryLength = 300

    /// The element that holds the main content, for sites that do not use `<main>`,
    /// `<article>` or `role="main"`. When it matches nothing (or only elements without
    /// text), the default rule applies.
    public var contentSelector: ContentSelector?

    /// Files larger than this many bytes are skipped with ``ArticleParseError/Reason/tooLarge(size:limit:)``.
    /// For JSON Lines exports the limit applies to each line (one article), not to the file.
    public var maximumFileSize: Int

    /// Summaries longer than this many characters are cut at a word boundary and end in "…".
    public var maximumSummaryLength: Int

    /// Whether elements marked hidden (`hidden`, `aria-hidden="true"`, inline `display:none`
    /// or `visibility:hidden`) are kept. Off by default; some help systems hide
    /// platform-specific variants of a sentence and reveal one of them with a script.
    public var includesHiddenElements: Bool

    /// Creates options; every parameter has the default described on its property.
    public init(
        contentSelector: ContentSelector? = nil,
        maximumFileSize: Int = Self.defaultMaximumFileSize,
        maximumSummaryLength: Int = Self.defaultMaximumSummaryLength,
        includesHiddenElements: Bool = false
    ) {
        self.contentSelector = contentSelector
        self.maximumFileSize = maximumFileSize
        self.maximumSummaryLength = maximumSummaryLength
        self.includesHiddenElements = includesHiddenElements
    }
}
