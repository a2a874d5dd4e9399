extension TypoMatcher {
    /// What one ``TypoMatcher/matches(for:maximumDistance:in:statistics:)`` call cost.
    public struct Statistics: Sendable, Hashable {
        /// Terms the edit-distance walk examined (computing rows for the characters after the
        /// prefix shared with the previous term).
        public var termsVisited = 0
        /// Terms enumerated but passed over with a byte comparison, because they sorted before
        /// the walk's next target and a new enumeration (a seek) was not worth it yet.
        public var termsSkipped = 0
        /// Enumerations started: the first one and every seek.
        public var seeks = 0
        /// Terms within the distance, before keeping the best ``TypoMatcher/maximumExpansions``.
        public var matchesFound = 0

        /// Empty statistics.
        public init() {}
    }
}
