/// The tunable constants of ticket-subject suggestions, with kb's defaults, measured on the
/// ticket development set (see `Benchmarks/RELEVANCE.md`).
public struct SuggestionSettings: Sendable, Hashable {
    /// Weight of filler words (`ajuda`, `urgente`, `erro`, `bom dia`) relative to other words.
    public var fillerBoost = 0.2
    /// Weight of the description's words relative to the subject's.
    public var descriptionBoost = 0.3
    /// At most this many clauses are taken from the description.
    public var maximumDescriptionClauses = 32
    /// One of the first ``confidenceDepth`` ranked articles must reach this confidence
    /// (``SubjectCoverage``: the share of the ticket's rarity-weighted words the article
    /// contains); below it, the ticket form shows nothing.
    public var minimumConfidence = 0.35
    /// The suggestions shown must reach `minimumConfidence × followerConfidenceRatio`.
    public var followerConfidenceRatio = 0.5
    /// How many of the best-ranked articles may carry the ticket over ``minimumConfidence``:
    /// the page a subject names in its title can rank first while covering less of the
    /// subject than the pages below it.
    public var confidenceDepth = 3

    /// kb's defaults.
    public init() {}
}
