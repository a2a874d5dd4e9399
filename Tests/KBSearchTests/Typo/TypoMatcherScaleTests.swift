import Testing

@testable import KBSearch

/// The walk visits a small fraction of a large dictionary.
@Suite struct TypoMatcherScaleTests {
    static let source = Result { SortedTermArray(try PortugueseLikeVocabulary.make(count: 200_000, seed: 42)) }

    @Test(
        arguments: [
            ("imprmir", "imprimir"), ("configuraçao", "configuração"), ("relatorio", "relatório"),
            ("ferramnetas", "ferramentas"), ("impresionante", "impressionante"), ("atualizacao", "atualização"),
            ("computadr", "computador"), ("xyzzyqwert", nil),
        ] as [(String, String?)])
    func visitsASmallFraction(_ word: String, _ expected: String?) throws {
        let source = try Self.source.get()
        #expect(source.terms.count == 200_000)
        var statistics = TypoMatcher.Statistics()
        let maximumDistance = TypoMatcher.maximumDistance(forWordOfLength: word.unicodeScalars.count)
        let found = try TypoMatcher().matches(
            for: word, maximumDistance: maximumDistance, in: source, statistics: &statistics)
        if let expected { #expect(found.contains { $0.term == expected }) }
        #expect(found.allSatisfy { DamerauDistance.distance($0.term, word) == $0.distance })
        // Measured on this dictionary: about 0.2% for one edit, 2-6% for two.
        let budget = maximumDistance == 1 ? source.terms.count / 100 : source.terms.count / 10
        #expect(statistics.termsVisited < budget, "\(word): \(statistics)")
        // With the terms passed over between seeks (about 4 per visit), still well under all.
        #expect(statistics.termsVisited + statistics.termsSkipped < source.terms.count / 2, "\(word): \(statistics)")
    }

    /// The same matches as a scan of the whole dictionary with the distance function.
    @Test(arguments: ["relatorio"])
    func equalsABruteForceScan(_ word: String) throws {
        let source = try Self.source.get()
        let maximumDistance = TypoMatcher.maximumDistance(forWordOfLength: word.unicodeScalars.count)
        let found = try TypoMatcher(maximumExpansions: .max).matches(
            for: word, maximumDistance: maximumDistance, in: source)
        let expected = TypoMatcherPropertyTests.bruteForce(
            word, maximumDistance: maximumDistance, expansions: .max, in: source,
            scalars: TypoMatcherPropertyTests.scalars(of: source))
        #expect(found == expected)
        #expect(!found.isEmpty)
    }
}
